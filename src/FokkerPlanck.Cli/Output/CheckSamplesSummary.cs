using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Langevin.Comparison;
using FokkerPlanck.Core.Schedules;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The terminal summary of <c>check-samples</c> (stdout): one row per time.</summary>
internal static class CheckSamplesSummary
{
    /// <summary>Prints the scenario line, the table and the overall line.</summary>
    public static void Print(EvolutionSession session, ILearningRateSchedule schedule, SampleSet samples, SampleCheckResult result, string? dir)
    {
        EvolveSummary.Header(session);
        AnsiConsole.MarkupLine(Markup.Escape($"schedule: {schedule.Description}; samples: {samples.Label} ({samples.Count} in {result.RequestedTimes} times)"));
        ComparisonTable.Write([.. result.Times.Select(c => (c.Time, c.Steps, c.Comparison))], samples.InSteps, !session.Setup.Grid.IsOneDimensional, result.Level);
        string overall = result.Verdict == Verdict.Consistent
            ? $"[green]all {result.Times.Count} times consistent[/] with the Fokker–Planck solution at α = {result.Level:G3}"
            : $"[red]{result.InconsistentTimes} of {result.Times.Count} times inconsistent[/] with the Fokker–Planck solution at α = {result.Level:G3}";
        AnsiConsole.MarkupLine(overall);
        if (dir is not null) AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/] (check-samples.json)");
    }
}
