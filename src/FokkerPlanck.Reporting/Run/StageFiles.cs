using FokkerPlanck.Core.Pipeline;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Reporting.Run;

/// <summary>The files of each stage of a run: the same files as the stage's own command writes.</summary>
public static class StageFiles
{
    /// <summary>The figure of the landscape (check stage).</summary>
    public const string Landscape = "landscape.png";

    /// <summary>The loss curves of the quench from the optimal and the highest plateau (verdict stage).</summary>
    public const string Distances = "distances.png";

    /// <summary>Writes <paramref name="output"/>'s files into <paramref name="dir"/> (figures only with <paramref name="plots"/>).</summary>
    public static void Write(string dir, Scenario scenario, StageOutput output, bool plots)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (output)
        {
            case CheckOutput c:
                JsonOutput.Write(Path.Combine(dir, "check.json"), CheckJson.Build(c.Report));
                if (plots) LandscapeFigure.Draw(c.Setup, Path.Combine(dir, Landscape));
                break;
            case SpectrumOutput s:
                SpectrumFiles.Write(dir, scenario, scenario.FinalLr, s.Session.Spectrum);
                if (plots) SpectrumFigures(dir, s);
                break;
            case MpembaOutput m:
                MpembaFiles.Write(dir, scenario, m.Study, plots);
                break;
            case VerdictOutput v:
                var shapes = v.Verdict.Rows.Select(r => r.Spec).Distinct().Select(spec => Core.Schedules.ScheduleCatalog.Parse(spec)).ToList();
                JsonOutput.Write(Path.Combine(dir, "verdict.json"), EvolveJson.Verdict(v.Session, shapes, v.Verdict));
                EvolveFiles.Verdict(Path.Combine(dir, "verdict.csv"), v.Verdict);
                if (!plots) break;
                EvolveFigures.Verdict(v.Verdict, scenario.FinalLr, Path.Combine(dir, EvolveFigures.VerdictFigure));
                EvolveFigures.Distances(v.QuenchRuns, "constant (instant drop)", Path.Combine(dir, Distances));
                break;
            case LangevinOutput l:
                LangevinFiles.Write(dir, l.Session, l.Schedule, l.Options, l.Validation, l.Result);
                if (plots) LangevinFigures.All(dir, l.Session, l.Result, l.Options);
                break;
            case DesignOutput d:
                JsonOutput.Write(Path.Combine(dir, "dynamic_mpemba.json"), DynamicMpembaJson.Build(d.Session, d.MapOptions, d.Map));
                DynamicMpembaJson.Csv(Path.Combine(dir, "dynamic_mpemba.csv"), d.Map);
                string start = $"equilibrium at η = {d.Optimization.InitialLr:G4} (the top of the plateau range)";
                JsonOutput.Write(Path.Combine(dir, "optimize.json"), OptimizeJson.Build(d.OptimizerSession, d.Optimization, start));
                OptimizeJson.Csv(Path.Combine(dir, "optimize.csv"), d.Optimization);
                if (!plots) break;
                DynamicMpembaFigures.Map(d.Map, Path.Combine(dir, DynamicMpembaFigures.MapFigure));
                OptimizeFigures.All(d.Optimization, dir);
                break;
            case FiniteLrOutput f:
                FiniteLrFiles.Write(dir, f.Scenario, f.Comparison, plots);
                break;
            default:
                throw new ArgumentException($"no files for stage {output.Stage}.", nameof(output));
        }
    }

    /// <summary>The effective slow mode's right and left eigenvectors.</summary>
    public static string ModeFigure(int mode, bool left) => $"mode{mode}_{(left ? "left" : "right")}.png";

    private static void SpectrumFigures(string dir, SpectrumOutput s)
    {
        int eff = s.Session.Scan.EffectiveMode;
        Figures.Mode(s.Session.Spectrum, eff - 1, left: false, Path.Combine(dir, ModeFigure(eff, left: false)));
        Figures.Mode(s.Session.Spectrum, eff - 1, left: true, Path.Combine(dir, ModeFigure(eff, left: true)));
    }
}
