using FokkerPlanck.Core.Pipeline;
using FokkerPlanck.Reporting.Html;

namespace FokkerPlanck.Reporting.Run;

/// <summary>The report's sections of the stages a run adds on request: SGD's own plateau and the schedule design.</summary>
internal static class ExtraSections
{
    public static void FiniteLr(HtmlDocument page, FiniteLrRecord f, string dir)
    {
        page.Paragraph(ReportText.FiniteLr(f));
        page.Figure(Path.Combine(dir, FiniteLrFiles.FigureName), "The slow-mode amplitude a₂(η_h) of three models at the same κ: continuous Fokker–Planck, the force-corrected river, and SGD's transition operator");
        static string Points(double[] lrs) => lrs.Length == 0 ? "none in the range" : string.Join(", ", lrs.Select(l => $"{l:G5}"));
        string sgd = f.SgdPoints.Length > 0
            ? string.Join(", ", f.SgdPoints.Select((l, i) => double.IsFinite(f.SgdErrors[i]) ? $"{l:G5} ± {f.SgdErrors[i]:G2}" : $"{l:G5}"))
            : f.Closest is { } c ? $"none; closest approach at {c.Lr:G4} (a₂ = {c.A2:G3}{(double.IsFinite(c.Error) ? $" ± {c.Error:G2}" : "")})" : "none in the range";
        page.Table(["model", "strong Mpemba point η_h*"],
        [
            ["continuous Fokker–Planck (2D)", Points(f.FokkerPlanckPoints)],
            ["force-corrected river (1D, physics §7)", Points(f.CorrectedPoints)],
            [$"SGD transition operator (grid {f.Grid})", sgd],
        ]);
    }

    /// <summary>The schedule-design stage: the optimal plateau against the decay, then the optimizer against the recipes.</summary>
    public static void Design(HtmlDocument page, DesignRecord d, string dir)
    {
        page.Paragraph(ReportText.Design(d));
        page.Figure(Path.Combine(dir, DynamicMpembaFigures.MapFigure), "The plateau that cancels the slow mode against the decay's length, per shape (the instant drop's strong point at the left)");
        page.Table(["decay length (time t = steps × η)", .. d.Kinds],
            [.. d.Durations.Select((t, j) => (IReadOnlyList<string>)[t == 0 ? "0 (instant drop)" : $"{t:G3} ({t / d.Durations[^1]:G2} of the longest)",
                .. d.MapLr.Select(row => double.IsFinite(row[j]) ? $"{row[j]:G4}" : "none in range")])]);
        page.Text("h3", $"The schedule for {d.BudgetSteps:N0} steps");
        page.Figure(Path.Combine(dir, OptimizeFigures.SchedulesFigure), "Learning rate and |excess loss| along the optimum and the common recipes");
        page.Table(["schedule", "η_h", "stable (steps)", "decay (steps)", "final excess loss", "steps to |excess| < 10⁻³"],
            [.. d.Schedules.Select(s => (IReadOnlyList<string>)[s.Label, $"{s.PlateauLr:G4}", NumberFormat.Steps(s.StableSteps), $"{s.Kind} {NumberFormat.Steps(s.DecaySteps)}", $"{s.FinalExcess:G3}",
                double.IsFinite(s.StepsToTolerance) ? NumberFormat.Steps(s.StepsToTolerance) : "not reached"])]);
        page.Paragraph($"The optimizer minimized the {BudgetGoalText.Name(d.Goal)} on a {d.OptimizerGrid} grid (coarser than the scenario's: every evaluation integrates the whole budget); "
            + $"{d.Runs[0]} runs drew the map and {d.Runs[1]} the optimizer's search.", "missing");
    }
}
