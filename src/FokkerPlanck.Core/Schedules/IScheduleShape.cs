namespace FokkerPlanck.Core.Schedules;

/// <summary>
/// A schedule's shape parsed from a spec (<see cref="ScheduleCatalog.Parse(string, string?)"/>), not yet bound to
/// learning rates: one shape serves every plateau LR of a scan.
/// </summary>
public interface IScheduleShape
{
    /// <summary>The kind's canonical name, e.g. <c>linear</c> (see <see cref="ScheduleCatalog.Kinds"/>).</summary>
    string Kind { get; }

    /// <summary>Canonical spec: parses back to the same shape (the bound schedule's <see cref="ILearningRateSchedule.Spec"/>).</summary>
    string Spec { get; }

    /// <summary>
    /// The (plateau, final) learning rates the shape fixes itself (a table's first and last rows), or
    /// null when <see cref="Bind"/> takes any; check before binding to a scenario's LRs.
    /// </summary>
    (double PlateauLr, double FinalLr)? FixedLearningRates { get; }

    /// <summary>The schedule from <paramref name="plateauLr"/> (η_h) to <paramref name="finalLr"/> (η_c).</summary>
    /// <param name="plateauLr">η_h, &gt; 0 and finite.</param>
    /// <param name="finalLr">η_c, &gt; 0 and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">An LR is not positive and finite.</exception>
    /// <exception cref="ScheduleException">The shape fixes its own LRs (<see cref="FixedLearningRates"/>) and these differ.</exception>
    ILearningRateSchedule Bind(double plateauLr, double finalLr);
}
