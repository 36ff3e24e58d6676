using FokkerPlanck.Core.Pipeline;
using FokkerPlanck.Reporting;
using FokkerPlanck.Reporting.Run;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The last lines of <c>run</c>: the answer as a table, the stage times and where the report is.</summary>
internal static class RunSummaryTable
{
    public static void Print(RunSummary s, RunResults r, string reportPath)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(r.Scenario)}[/]" + Markup.Escape($": final LR η_c = {s.FinalLr:G4}, λ₂ = {s.SlowRate:G4}, λ₃ = {s.FastRate:G4}"));
        var t = new Table().Border(TableBorder.Rounded).AddColumns("result", "value");
        t.AddRow("optimal plateau LR η_h*", Markup.Escape(s.Optimum is { } o ? $"{ReportText.Lr(o)} ({o.Lr / s.FinalLr:G3}× η_c)" : "none in the scanned range"));
        if (s.ReducedOptimum is { } red) t.AddRow("river-only 1D reduction", Markup.Escape(ReportText.Lr(red)));
        if (s.Optimum is not null) t.AddRow("rate gain λ₃/λ₂", Markup.Escape($"{s.Gain:G3}×"));
        foreach (var a in s.Schedules)
        {
            string tone = a.Outcome == Core.Analysis.Evolution.VerdictOutcome.AdvantageKept ? "green" : "yellow";
            t.AddRow(Markup.Escape(ReportText.Schedule(a.Spec)), $"[{tone}]{Markup.Escape(Short(a))}[/]");
        }
        if (s.LangevinConsistent is { } n)
            t.AddRow("Langevin agreement", (n == s.LangevinTimes ? "[green]" : "[red]") + Markup.Escape($"{n} of {s.LangevinTimes} times consistent (smallest Holm p {NumberFormat.PValue(s.LangevinSmallestP)})") + "[/]");
        if (r.Design?.Schedules.FirstOrDefault(x => x.Role == DesignRole.Optimum) is { } best)
            t.AddRow(Markup.Escape($"schedule for {r.Design.BudgetSteps:N0} steps"), Markup.Escape($"{ReportText.Budget(best)}: final excess {best.FinalExcess:G3}"));
        if (r.FiniteLr is { } f)
            t.AddRow(Markup.Escape($"SGD's own plateau (κ = {f.Kappa:G4})"), Markup.Escape(f.SgdPoints.Length > 0
                ? string.Join(", ", f.SgdPoints.Select(l => $"{l:G5}")) + (f.FokkerPlanckPoints.Length > 0 ? $" ({f.SgdPoints[0] / f.FokkerPlanckPoints[0]:G3}× the FP point at this κ)" : "")
                : f.Closest is { } c ? $"none: closest approach at {c.Lr:G4} (a₂ = {c.A2:G3})" : "none in the range"));
        AnsiConsole.Write(t);
        AnsiConsole.MarkupLine(Markup.Escape("stage times: " + string.Join(", ", RunPipeline.Stages.Where(r.Seconds.ContainsKey).Select(x => $"{x.ToString().ToLowerInvariant()} {r.Seconds[x]:F1} s"))));
        AnsiConsole.MarkupLine($"report: [blue]{Markup.Escape(Path.GetFullPath(reportPath))}[/]");
    }

    private static string Short(ScheduleAdvice a) => a.Outcome switch
    {
        Core.Analysis.Evolution.VerdictOutcome.AdvantageKept => $"keeps the optimum: {ReportText.TimeAndSteps(a.Time, a.Steps)} to L1 < 1e-3",
        Core.Analysis.Evolution.VerdictOutcome.AdvantageLost => $"use η_h = {a.BestPlateauLr:G4} instead: {ReportText.TimeAndSteps(a.Time, a.Steps)}",
        Core.Analysis.Evolution.VerdictOutcome.NoneConverged => "no plateau converges within the run: the schedule is the bottleneck",
        _ => double.IsFinite(a.Time) ? $"fastest plateau η_h = {a.BestPlateauLr:G4}: {ReportText.TimeAndSteps(a.Time, a.Steps)}" : "no plateau converges within the run",
    };
}
