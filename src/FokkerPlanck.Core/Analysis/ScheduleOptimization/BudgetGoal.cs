namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>What the schedule optimizer minimizes over a step budget.</summary>
public enum BudgetGoal
{
    /// <summary>
    /// The signed final excess loss <c>E_p[L] − E_{π(η_c)}[L]</c> at step N: lowest loss at the end, a transient dip
    /// below the final equilibrium's loss included (a plateau above the strong Mpemba point can end there).
    /// </summary>
    FinalExcess,

    /// <summary>|final excess|: closest to the final equilibrium at step N, from either side (a run that is converged, not one passing through a dip).</summary>
    AbsoluteExcess,

    /// <summary>
    /// Steps until |excess| stays below the tolerance; a run that never gets there scores the budget plus its final
    /// |excess| in tolerances, so the search still sees which of those is nearer.
    /// </summary>
    StepsToTolerance,
}
