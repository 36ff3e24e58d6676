using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary><c>linear:D</c>: η over the phase is <see cref="LinearProfile"/> from η_h to η_c.</summary>
/// <param name="duration">D, in time or steps.</param>
internal sealed class LinearShape(Duration duration) : FiniteDecayShape(duration, "linear", "linear")
{
    /// <inheritdoc/>
    protected override IRateProfile Profile(double plateauLr, double finalLr) => new LinearProfile(plateauLr, finalLr);
}
