namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>Which part of the optimizer asked for an evaluation (first asker; later askers hit the cache).</summary>
public enum EvaluationSource
{
    /// <summary>The coarse grid over (η_h, decay fraction).</summary>
    Grid,

    /// <summary>A shape's Nelder–Mead search.</summary>
    LocalSearch,

    /// <summary>A recipe's plateau search.</summary>
    Recipe,
}

/// <summary>The excess loss along one budgeted run.</summary>
/// <param name="Steps">SGD steps at the output points (equally spaced, 0 to N).</param>
/// <param name="LearningRates">η there.</param>
/// <param name="ExcessLoss">E_p[L] − E_{π(η_c)}[L] there.</param>
public sealed record EvaluationCurve(double[] Steps, double[] LearningRates, double[] ExcessLoss);

/// <summary>One objective evaluation: a time-stepper run over the whole budget.</summary>
/// <param name="Index">Order of evaluation (0-based).</param>
/// <param name="Kind">Decay kind.</param>
/// <param name="PlateauLr">η_h.</param>
/// <param name="DecayFraction">f: the decay's share of the steps after warm-up.</param>
/// <param name="Spec">The schedule's spec (parses back to it; bind to η_h and η_c).</param>
/// <param name="FinalExcess">The objective: E_p[L] − E_{π(η_c)}[L] at the end of the budget.</param>
/// <param name="StepsToTolerance">The first step after which |excess| stays below the tolerance up to the budget's end (+∞: not within it).</param>
/// <param name="Source">Who asked first.</param>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="Curve">The excess loss along the run.</param>
public sealed record ScheduleEvaluation(int Index, string Kind, double PlateauLr, double DecayFraction, string Spec, double FinalExcess,
    double StepsToTolerance, EvaluationSource Source, double Seconds, EvaluationCurve Curve)
{
    /// <summary>The value the optimizer minimizes under <paramref name="options"/>'s goal.</summary>
    public double Score(ScheduleOptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Goal switch
        {
            BudgetGoal.AbsoluteExcess => Math.Abs(FinalExcess),
            BudgetGoal.StepsToTolerance => double.IsFinite(StepsToTolerance) ? StepsToTolerance : options.BudgetSteps + Math.Abs(FinalExcess) / options.Tolerance,
            _ => FinalExcess,
        };
    }
}
