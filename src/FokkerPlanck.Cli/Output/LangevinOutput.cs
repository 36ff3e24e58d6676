using System.Text.Json.Nodes;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Schedules;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The files and terminal output of <c>langevin</c>; the figures are in <see cref="LangevinFigures"/>.</summary>
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

    /// <summary>langevin.json and langevin_loss.csv (rewritten after each comparison time).</summary>
    public static void Write(string dir, EvolutionSession session, ILearningRateSchedule schedule, EnsembleOptions options, EnsembleValidation validation, EnsembleValidationResult r)
    {
        var o = EvolveJson.Header(session);
        o["particles"] = options.Particles;
        o["seed"] = options.Seed;
        o["method"] = options.Method switch { LangevinMethod.EulerMaruyama => "em", LangevinMethod.LeimkuhlerMatthews => "lm", _ => "sgd" };
        o["time_step"] = JsonOutput.Number(r.TimeStep);
        o["max_curvature"] = validation.MaxCurvature;
        o["schedule"] = new JsonObject { ["spec"] = schedule.Spec, ["description"] = schedule.Description, ["initial_lr"] = schedule.InitialLr, ["plateau_lr"] = schedule.PlateauLr };
        o["method_notes"] = CheckSamplesJson.Method();
        o["level"] = r.Times.Count > 0 ? r.Times[0].Comparison.Level : null;
        o["complete"] = r.Complete;
        o["times"] = JsonOutput.Numbers(r.Times.Select(t => t.Time));
        o["excess_loss"] = new JsonArray([.. r.Times.Select(t => (JsonNode)new JsonObject
        {
            ["t"] = t.Time, ["mean"] = t.Comparison.ExcessLoss.Particles.Mean,
            ["interval"] = JsonOutput.Numbers([t.Comparison.ExcessLoss.Interval.Low, t.Comparison.ExcessLoss.Interval.High]),
            ["confidence"] = t.Comparison.ExcessLoss.Interval.Level, ["fokker_planck"] = t.Comparison.ExcessLoss.FokkerPlanck,
        })]);
        o["tests"] = new JsonArray([.. r.Times.Select(t =>
        {
            var c = CheckSamplesJson.Comparison(t.Comparison);
            c["t"] = t.Time;
            c["requested_t"] = t.Requested;
            c["step"] = t.Step;
            c["schedule_steps"] = t.ScheduleSteps;
            c["lr"] = t.LearningRate;
            return (JsonNode)c;
        })]);
        o["throughput"] = new JsonObject
        {
            ["particle_steps"] = r.ParticleSteps, ["seconds"] = r.PropagationSeconds, ["particle_steps_per_second"] = JsonOutput.Number(r.Throughput),
            ["threads"] = options.Threads ?? Environment.ProcessorCount, ["note"] = "propagation only: the comparisons and the FP reference are not timed",
        };
        JsonOutput.Write(Path.Combine(dir, "langevin.json"), o);
        CsvTableWriter.Write(Path.Combine(dir, "langevin_loss.csv"), ["t", "excess_loss_particles", "standard_error", "excess_loss_fokker_planck"],
            r.Loss.Select(p => (IReadOnlyList<object?>)[p.Time, p.Particles.Mean, p.Particles.StandardError, p.FokkerPlanck]));
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

    /// <summary>The figures.</summary>
    public static void Figures(string dir, EvolutionSession session, EnsembleValidationResult r, EnsembleOptions options)
        => LangevinFigures.All(dir, session, r, options);
}
