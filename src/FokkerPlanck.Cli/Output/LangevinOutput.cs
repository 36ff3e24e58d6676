using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The terminal output of <c>langevin</c>; its files are written by <see cref="LangevinFiles"/> and <see cref="LangevinFigures"/>.</summary>
internal static class LangevinOutput
{
    /// <summary>The run's settings, before it starts.</summary>
    public static void Header(EvolutionSession session, ILearningRateSchedule schedule, EnsembleOptions options, EnsembleValidation validation)
    {
        EvolveSummary.Header(session);
        string step = options.Method == LangevinMethod.Sgd
            ? $"step η(t): η_h·a_max = {schedule.PlateauLr * validation.MaxCurvature:G3}, η_c·a_max = {session.Scenario.FinalLr * validation.MaxCurvature:G3}"
            : $"dt = {validation.TimeStep:G3} (dt·a_max = {validation.TimeStep * validation.MaxCurvature:G3})";
        AnsiConsole.MarkupLine(Markup.Escape($"{options.Particles:N0} particles, {options.Method}, seed {options.Seed}, {step}; schedule: {schedule.Description}"));
    }

    /// <summary>The table per time, the overall line and the throughput.</summary>
    public static void Summary(EvolutionSession session, EnsembleValidationResult r, double level, string dir)
    {
        ComparisonTable.Write([.. r.Times.Select(t => (t.Time, (double?)t.ScheduleSteps, t.Comparison))], showSteps: true, !session.Setup.Grid.IsOneDimensional, level);
        int bad = r.Times.Count(t => t.Comparison.Verdict != Core.Analysis.Statistics.Verdict.Consistent);
        AnsiConsole.MarkupLine(bad == 0
            ? $"[green]all {r.Times.Count} times consistent[/] with the Fokker–Planck solution at α = {level:G3}"
            : $"[red]{bad} of {r.Times.Count} times inconsistent[/] with the Fokker–Planck solution at α = {level:G3}");
        AnsiConsole.MarkupLine(Markup.Escape($"throughput: {r.Throughput:G3} particle-steps/s ({r.ParticleSteps:G3} particle-steps in {r.PropagationSeconds:F1} s)"));
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/]");
    }
}
