using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Reporting;

/// <summary>The files of the Mpemba analysis: mpemba.json, scan.csv and the figures.</summary>
public static class MpembaFiles
{
    /// <summary>a_eff and a_next of the 2D model against the plateau LR.</summary>
    public const string CoefficientsFigure = "mpemba_coefficients.png";

    /// <summary>2D against the river-only reduction, each a₂ scaled by its largest value.</summary>
    public const string ComparisonFigure = "compare_2d_1d.png";

    /// <summary>The optimal plateau against the final LR.</summary>
    public const string SweepFigure = "sweep_final_lr.png";

    /// <summary>Writes mpemba.json (complete), scan.csv and, with <paramref name="plots"/>, the figures into <paramref name="dir"/>.</summary>
    public static void Write(string dir, Scenario scenario, MpembaStudyResult result, bool plots)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(Path.Combine(dir, "mpemba.json"), MpembaJson.Build(scenario, result, complete: true));
        WriteScanCsv(Path.Combine(dir, "scan.csv"), result);
        if (plots) WritePlots(dir, result);
    }

    /// <summary>scan.csv: the coefficients on the plateau scan (2D, and the river-only a₂ beside them).</summary>
    public static void WriteScanCsv(string path, MpembaStudyResult r)
    {
        var s = r.Full.Base.Scan;
        var red = r.Reduced?.Base.Scan;
        var header = new List<string> { "lr", "temperature", "a2_effective", "a3_next", "weak" };
        header.AddRange(Enumerable.Range(2, s.Lambda.Length - 1).Select(k => $"a{k}"));
        if (red is not null) header.Add("a2_river_1d");
        var rows = s.Scan.Select((p, i) =>
        {
            var row = new List<object?> { p.Lr, p.Temperature, p.EffectiveA2, p.NextA, p.Weak ? 1 : 0 };
            row.AddRange(p.Coefficients.Cast<object?>());
            if (red is not null) row.Add(red.Scan[i].EffectiveA2);
            return (IReadOnlyList<object?>)row;
        });
        CsvTableWriter.Write(path, header, rows);
    }

    /// <summary>The figures: coefficients (2D and 1D), the effective mode (right and left), 2D vs 1D, the final-LR sweep.</summary>
    public static void WritePlots(string dir, MpembaStudyResult r)
    {
        Figures.Coefficients(r.Full, Path.Combine(dir, CoefficientsFigure), "Mpemba coefficients (2D model)");
        var spectrum = r.Full.Base.Spectrum!;
        int eff = r.Full.Base.Scan.EffectiveMode - 1;
        Figures.Mode(spectrum, eff, left: false, Path.Combine(dir, $"mode{eff + 1}_right.png"));
        Figures.Mode(spectrum, eff, left: true, Path.Combine(dir, $"mode{eff + 1}_left.png"));
        if (r.Reduced is not null)
        {
            Figures.Coefficients(r.Reduced, Path.Combine(dir, "mpemba_coefficients_1d.png"), "Mpemba coefficients (river-only 1D reduction)");
            Figures.Comparison(r.Full, r.Reduced, Path.Combine(dir, ComparisonFigure));
        }
        if (r.Sweep.Count > 0) Figures.Sweep(r.Sweep, Path.Combine(dir, SweepFigure));
    }
}
