using FokkerPlanck.Core.Analysis.DynamicMpemba;
using FokkerPlanck.Core.Analysis.ScheduleOptimization;

namespace FokkerPlanck.Core.Pipeline;

/// <summary>What a schedule of the design stage is.</summary>
public enum DesignRole
{
    /// <summary>The optimizer's best schedule.</summary>
    Optimum,

    /// <summary>The best schedule of one decay shape.</summary>
    ShapeBest,

    /// <summary>A common recipe at its best plateau.</summary>
    Recipe,
}

/// <summary>One schedule of the design stage: where it stands on the budget.</summary>
/// <param name="Role">Optimum, a shape's best, or a recipe.</param>
/// <param name="Label">"optimum", "best linear", or a recipe's name.</param>
/// <param name="Kind">The decay's shape (constant: the drop).</param>
/// <param name="Spec">The schedule (plateau, stable phase, decay) as a spec.</param>
/// <param name="PlateauLr">η_h.</param>
/// <param name="DecaySteps">Steps of the decay.</param>
/// <param name="FinalExcess">Excess loss at the budget's end.</param>
/// <param name="StepsToTolerance">Steps until |excess| stays below the tolerance (+∞: not within the budget).</param>
/// <param name="StableSteps">Steps at the plateau before the decay (after the warm-up).</param>
public sealed record DesignSchedule(DesignRole Role, string Label, string Kind, string Spec, double PlateauLr, double DecaySteps, double FinalExcess, double StepsToTolerance, double StableSteps)
{
    /// <summary>The row of an evaluation.</summary>
    public static DesignSchedule From(DesignRole role, string label, ScheduleEvaluation e, ScheduleOptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        double after = options.BudgetSteps - options.WarmupSteps;
        return new(role, label, e.Kind, e.Spec, e.PlateauLr, after * e.DecayFraction, e.FinalExcess, e.StepsToTolerance, after * (1 - e.DecayFraction));
    }
}

/// <summary>
/// The schedule-design stage: the optimal plateau against the decay's shape and length (the dynamic strong
/// Mpemba points; NaN where no plateau in range cancels the slow mode, or the point was not run), and the
/// optimizer's schedule for the budget beside the common recipes.
/// </summary>
/// <param name="Kinds">Decay shapes of the map.</param>
/// <param name="Durations">Decay lengths of the map (time units; 0 is the instant drop).</param>
/// <param name="MapLr">η_h* per shape (rows) and duration (columns).</param>
/// <param name="Gain">λ₃/λ₂ kept at every point of the map.</param>
/// <param name="BudgetSteps">The optimizer's budget.</param>
/// <param name="Goal">What it minimized.</param>
/// <param name="OptimizerGrid">The grid it ran on (coarser than the scenario's: each evaluation is a run over the whole budget).</param>
/// <param name="Schedules">The optimum first, then each shape's best, then the recipes.</param>
/// <param name="Runs">Time-stepper runs of the map and of the optimizer.</param>
public sealed record DesignRecord(string[] Kinds, double[] Durations, double[][] MapLr, double Gain, int BudgetSteps, BudgetGoal Goal, string OptimizerGrid,
    IReadOnlyList<DesignSchedule> Schedules, int[] Runs)
{
    /// <summary>The record of a map and an optimization.</summary>
    public static DesignRecord From(DynamicMpembaMap map, ScheduleOptimizationResult opt, string optimizerGrid)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(opt);
        double[][] lr = [.. map.Kinds.Select(k => map.Durations.Select(d => map.Entries.FirstOrDefault(e => e.Kind == k && e.Duration == d)?.Branch?.Lr ?? double.NaN).ToArray())];
        var o = opt.Options;
        var rows = new List<DesignSchedule>();
        if (opt.Optimum is { } best) rows.Add(DesignSchedule.From(DesignRole.Optimum, "optimum", best, o));
        rows.AddRange(opt.Shapes.Select(s => DesignSchedule.From(DesignRole.ShapeBest, $"best {s.Kind}", s.Best, o)));
        rows.AddRange(opt.Recipes.Select(r => DesignSchedule.From(DesignRole.Recipe, r.Recipe.Label, r.Best, o)));
        return new([.. map.Kinds], [.. map.Durations], lr, map.Gain, o.BudgetSteps, o.Goal, optimizerGrid, rows, [map.Runs, opt.Evaluations.Count]);
    }
}
