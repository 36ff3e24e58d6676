using System.CommandLine;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Commands;

/// <summary><c>fokkerplanck mpemba SCENARIO --out DIR</c>: locate the strong Mpemba point(s).</summary>
internal static class MpembaCommand
{
    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON, comments allowed)." };
        var outDir = new Option<string>("--out") { Description = "Output folder (mpemba.json, scan.csv, PNG figures).", DefaultValueFactory = _ => "results" };
        var grid = GridOption.Create();
        var maxMemory = MaxMemoryOption.Create();
        var noStudy = new Option<bool>("--no-grid-study") { Description = "Skip the coarser/finer grids (no error bars; ~3× faster)." };
        var no1d = new Option<bool>("--no-1d") { Description = "Skip the river-only (1D) reduction." };
        var sweep = new Option<int>("--sweep") { Description = "Number of final LRs in the optimal-plateau-vs-final-LR sweep (0 = none).", DefaultValueFactory = _ => 7 };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not write PNG figures." };
        var model = new Option<MpembaModel>("--model") { Description = "fp: the continuous Fokker–Planck analysis; sgd: SGD's own transition operator, beside the FP and the force-corrected river model (mpemba-sgd.json).", DefaultValueFactory = _ => MpembaModel.Fp };
        var kappa = new Option<double?>("--kappa") { Description = "T = κη at this κ, keeping the scenario's temperatures (every LR scaled by κ_file/κ): brings SGD below its edge of stability." };
        var cellsPerNoise = new Option<double>("--cells-per-noise") { Description = "SGD grids: cells per noise width √(2Tη) (≥ 0.8; the grid study adds a √2 finer one).", DefaultValueFactory = _ => Core.FiniteLr.SgdGrid.DefaultCellsPerNoise };
        var sgdPoints = new Option<int>("--sgd-points") { Description = "Plateaus of the SGD scan over the scenario's plateau range.", DefaultValueFactory = _ => Core.FiniteLr.FiniteLrStudy.DefaultPoints };
        var cmd = new Command("mpemba", "Mpemba analysis: overlap coefficients a_k(η_h), strong Mpemba points (optimal plateau LR) with grid error bars, river-only reduction, final-LR sweep.");
        foreach (var o in new Option[] { outDir, grid, noStudy, no1d, sweep, noPlots, maxMemory, model, kappa, cellsPerNoise, sgdPoints }) cmd.Options.Add(o);
        cmd.Arguments.Add(scenarioArg);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var scenario = ScenarioLoader.Load(parse.GetValue(scenarioArg)!);
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            scenario = scenario.WithGrid(nx, ny);
            if (parse.GetValue(kappa) is { } k)
                scenario = k > 0 && double.IsFinite(k) ? scenario.WithKappa(k) : throw new UsageException($"--kappa must be positive and finite, got {k}.");
            if (parse.GetValue(model) == MpembaModel.Sgd)
                return MpembaSgdRun.Run(scenario, new Core.FiniteLr.SgdAnalysisOptions { CellsPerNoise = parse.GetValue(cellsPerNoise), GridStudy = !parse.GetValue(noStudy) },
                    parse.GetValue(sgdPoints), parse.GetValue(outDir)!, !parse.GetValue(noPlots), parse.GetValue(maxMemory));
            int sweepPoints = parse.GetValue(sweep);
            if (sweepPoints < 0) throw new UsageException("--sweep must be ≥ 0.");
            string dir = parse.GetValue(outDir)!;
            int concurrent = MaxMemoryOption.EnforceStudy("mpemba", scenario, parse.GetValue(maxMemory), parse.GetValue(noStudy) ? 1.0 : MpembaStudyOptions.RefinementRatio);
            using var folderLock = OutputLock.Acquire(dir);
            ScenarioWarnings.Print(scenario);
            var options = new MpembaStudyOptions { GridStudy = !parse.GetValue(noStudy), Reduced1D = !parse.GetValue(no1d), SweepPoints = sweepPoints, ConcurrentSolves = concurrent };
            MpembaStudyResult result = null!;
            string jsonPath = Path.Combine(dir, "mpemba.json");
            ProgressDisplay.Run("Mpemba analysis", progress => result = MpembaStudy.Run(scenario, options, progress,
                partial => JsonOutput.Write(jsonPath, MpembaJson.Build(scenario, partial, complete: false))));
            MpembaFiles.Write(dir, scenario, result, plots: !parse.GetValue(noPlots));
            Print(scenario, result, dir);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static void Print(Scenario scenario, MpembaStudyResult r, string dir)
    {
        var s = r.Full.Base.Scan;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/]: " + Markup.Escape($"final LR η_c = {s.FinalLr:G4} (T_c = {s.FinalTemperature:G4}), plateau LR scan [{scenario.Mpemba.Plateau.Min:G4}, {scenario.Mpemba.Plateau.Max:G4}] ({scenario.Mpemba.Plateau.Points} points)"));
        var t = new Table().Border(TableBorder.Rounded).AddColumns("model (grid)", "λ₂, λ₃", "strong Mpemba point η_h* ± grid error", "kind", "rate gain");
        void Rows(string name, ModelAnalysis m)
        {
            var sc = m.Base.Scan;
            string model = $"{name} ({m.Base.Grid})";
            string rates = $"{sc.Lambda[sc.EffectiveMode - 1]:G4}, {(sc.NextMode > 0 ? sc.NextRate : double.NaN):G4}"
                + (sc.EffectiveMode != 2 ? $" (effective mode {sc.EffectiveMode}; modes {string.Join(",", sc.VanishingModes)} vanish)" : "");
            if (m.Points.Count == 0)
                t.AddRow(Markup.Escape(model), rates, Markup.Escape($"none in [{sc.Scan[0].Lr:G3}, {sc.Scan[^1].Lr:G3}]; closest approach (min |a₂|/|T_h−T_c|) at {sc.SmallestLr:G4}"), "", "");
            foreach (var p in m.Points)
                t.AddRow(Markup.Escape(model), rates, double.IsFinite(p.Error) ? $"{p.Lr:G6} ± {p.Error:G2}" : $"{p.Lr:G6}", p.Kind, $"λ{sc.NextMode}/λ{sc.EffectiveMode} = {p.Gain:G4}");
        }
        Rows(r.Full.Base.Grid.IsOneDimensional ? "1D" : "2D", r.Full);
        if (r.Reduced is not null) Rows("river-only 1D", r.Reduced);
        AnsiConsole.Write(t);
        if (r.Reduced is not null && r.Full.Points.Count > 0 && r.Reduced.Points.Count > 0)
        {
            double a = r.Full.Points[0].Lr, b = r.Reduced.Points[0].Lr;
            AnsiConsole.MarkupLine(Markup.Escape($"2D vs river-only: η_h* differs by {100 * (a - b) / a:+0.0;-0.0}% (2D {a:G5}, 1D {b:G5})."));
        }
        if (s.WeakIntervals.Count > 0)
            AnsiConsole.MarkupLine(Markup.Escape($"weak Mpemba effect (|a₂| below its value at a smaller plateau LR): η_h ∈ {string.Join(", ", s.WeakIntervals.Select(w => $"[{w.From:G3}, {w.To:G3}]"))}"));
        if (r.Sweep.Count > 0)
        {
            bool reduced = r.Reduced is not null;
            var st = new Table().Border(TableBorder.Simple).AddColumns(reduced ? ["final LR η_c", "η_h* (2D)", "η_h* (river-only 1D)"] : ["final LR η_c", "η_h*"]);
            foreach (var p in r.Sweep) st.AddRow(reduced ? [$"{p.FinalLr:G4}", Join(p.Strong2D), Join(p.Strong1D)] : [$"{p.FinalLr:G4}", Join(p.Strong2D)]);
            AnsiConsole.Write(st);
        }
        AnsiConsole.MarkupLine($"total {r.Seconds:F1} s; results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/] (mpemba.json, scan.csv, PNG figures)");
    }

    private static string Join(double[] v) => v.Length == 0 ? "none in range" : string.Join(", ", v.Select(x => x.ToString("G4")));
}
