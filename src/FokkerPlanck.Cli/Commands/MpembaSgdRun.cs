using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core;
using FokkerPlanck.Core.FiniteLr;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Commands;

/// <summary>Which model <c>mpemba</c> analyses.</summary>
internal enum MpembaModel
{
    /// <summary>The continuous Fokker–Planck equation.</summary>
    Fp,

    /// <summary>The SGD map's own transition operator.</summary>
    Sgd,
}

/// <summary><c>mpemba --model sgd</c>: wires the options to <see cref="FiniteLrStudy"/> and its files.</summary>
internal static class MpembaSgdRun
{
    public static int Run(Scenario scenario, SgdAnalysisOptions options, int points, string dir, bool plots, string? maxMemory)
    {
        if (options.CellsPerNoise < GaussianBins.MinNoiseCells || !double.IsFinite(options.CellsPerNoise))
            throw new UsageException($"--cells-per-noise must be at least {GaussianBins.MinNoiseCells} (the SGD kernel's resolution limit), got {options.CellsPerNoise}.");
        if (points < 2) throw new UsageException($"--sgd-points must be at least 2, got {points}.");
        try { FiniteLrStudy.CheckInputs(scenario, options.CellsPerNoise, MaxMemoryOption.Available(maxMemory)); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
        FiniteLrComparison result = null!;
        using var folderLock = OutputLock.Acquire(dir);
        using var cancel = CtrlC.Cancellation();
        try
        {
            RunProgress.Run(["SGD transition operator: Mpemba analysis"], progress =>
            {
                progress.Start(0);
                result = FiniteLrStudy.Run(scenario, options, points, new SyncProgress<double>(f => progress.Report(0, f)), cancel.Token);
                progress.Finish(0);
            });
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            throw new UsageException(e.Message);
        }
        FiniteLrFiles.Write(dir, scenario, result, plots);
        Print(scenario, result, dir);
        return ExitCodes.Ok;
    }

    private static void Print(Scenario scenario, FiniteLrComparison c, string dir)
    {
        var s = c.Sgd;
        AnsiConsole.MarkupLine(Markup.Escape($"{scenario.Name}: κ = {s.Kappa:G4}, η_c = {s.FinalLr:G4}, η_c·a_max = {s.FinalLrTimesCurvature:G3}; SGD grid {s.Nx}×{s.Ny}, {s.NonZeros:N0} transition entries, {s.OperatorApplications:N0} products, {s.Seconds:F1} s"));
        var t = new Table().Border(TableBorder.Rounded).AddColumns("model", "λ₂, λ₃", "strong Mpemba point η_h*", "rate gain");
        string Points(IEnumerable<double> lrs) => lrs.Any() ? string.Join(", ", lrs.Select(lr => $"{lr:G5}")) : "none in the range";
        t.AddRow("continuous Fokker–Planck (2D)", $"{c.FokkerPlanck.Lambda[1]:G4}, {c.FokkerPlanck.Lambda[2]:G4}", Markup.Escape(Points(c.FokkerPlanck.Points.Select(p => p.Lr))), $"{c.FokkerPlanck.Lambda[2] / c.FokkerPlanck.Lambda[1]:G4}");
        if (c.ForceCorrected is { } f)
            t.AddRow("force-corrected river (1D)", $"{f.Lambda[1]:G4}, {f.Lambda[2]:G4}", Markup.Escape(Points(f.Points.Select(p => p.Lr))), $"{f.Lambda[2] / f.Lambda[1]:G4}");
        string sgd = s.StrongPoints.Count == 0
            ? $"none in [{s.Points[0].Lr:G3}, {s.Points[^1].Lr:G3}]" + (s.ClosestApproach is { } c0 ? $"; closest approach at {c0.Lr:G4}, a₂ = {c0.A2:G3}" + (double.IsFinite(c0.Error) ? $" ± {c0.Error:G2}" : "") : "")
            : string.Join(", ", s.StrongPoints.Select(p => double.IsFinite(p.Error) ? $"{p.Lr:G6} ± {p.Error:G2}" : $"{p.Lr:G6}"));
        t.AddRow("SGD transition operator", $"{s.Modes[1].Rate:G4}, {s.Modes[2].Rate:G4}", Markup.Escape(sgd), $"{s.Gain:G4}");
        AnsiConsole.Write(t);
        if (s.SkippedBeyondEdge.Count > 0)
            AnsiConsole.MarkupLine(Markup.Escape($"{s.SkippedBeyondEdge.Count} plateau(s) at or past SGD's edge of stability (η·a_max ≥ 2) left out."));
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/]");
    }
}
