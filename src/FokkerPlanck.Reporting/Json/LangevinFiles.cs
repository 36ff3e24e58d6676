using System.Text.Json.Nodes;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Reporting;

/// <summary>The result files of a Langevin ensemble checked against Fokker–Planck; the figures are in <see cref="LangevinFigures"/>.</summary>
public static class LangevinFiles
{
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
}
