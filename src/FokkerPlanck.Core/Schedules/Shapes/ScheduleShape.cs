using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary>
/// What every shape shares: binding checks the LRs and assembles the shape's phases into a
/// <see cref="PiecewiseSchedule"/>. A shape says only what its phases are and how to describe them,
/// so a decay shape also serves as the decay phase of <see cref="WsdShape"/>.
/// </summary>
internal abstract class ScheduleShape : IScheduleShape
{
    /// <inheritdoc/>
    public abstract string Kind { get; }

    /// <inheritdoc/>
    public abstract string Spec { get; }

    /// <inheritdoc/>
    public virtual (double PlateauLr, double FinalLr)? FixedLearningRates => null;

    /// <inheritdoc/>
    public virtual ILearningRateSchedule Bind(double plateauLr, double finalLr)
    {
        RequireLearningRate(plateauLr, nameof(plateauLr), "plateau");
        RequireLearningRate(finalLr, nameof(finalLr), "final");
        return new PiecewiseSchedule(Spec, Describe(plateauLr, finalLr), InitialLr(plateauLr, finalLr), plateauLr, finalLr, Phases(plateauLr, finalLr));
    }

    /// <inheritdoc/>
    public override string ToString() => Spec;

    /// <summary>The LR the run starts from (the plateau unless there is a warm-up).</summary>
    internal virtual double InitialLr(double plateauLr, double finalLr) => plateauLr;

    /// <summary>The phases from t = 0 on; the final LR is held after the last finite one.</summary>
    internal abstract IEnumerable<SchedulePhase> Phases(double plateauLr, double finalLr);

    /// <summary>One line for people, e.g. <c>linear decay from 0.58 to 0.145 over 10 (≈ 29 steps)</c>.</summary>
    internal abstract string Describe(double plateauLr, double finalLr);

    /// <summary>A phase in time or steps when <paramref name="duration"/> is not zero (none otherwise).</summary>
    protected static IEnumerable<SchedulePhase> PhaseOver(Duration duration, IRateProfile profile)
        => duration.Value > 0 ? [new SchedulePhase(profile, duration.Value, duration.InSteps)] : [];

    /// <summary>An LR must be positive and finite.</summary>
    protected static void RequireLearningRate(double lr, string name, string which)
    {
        if (!(lr > 0) || !double.IsFinite(lr))
            throw new ArgumentOutOfRangeException(name, lr, $"the {which} learning rate must be > 0 and finite, got {lr}; learning rates (and so temperatures T = κη) must be > 0.");
    }
}
