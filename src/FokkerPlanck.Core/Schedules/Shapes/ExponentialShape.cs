using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary><c>exp:D</c>: η over the phase is <see cref="ExponentialProfile"/> from η_h to η_c.</summary>
/// <param name="duration">D, in time or steps.</param>
internal sealed class ExponentialShape(Duration duration) : FiniteDecayShape(duration, "exp", "exponential")
{
    /// <inheritdoc/>
    protected override IRateProfile Profile(double plateauLr, double finalLr) => new ExponentialProfile(plateauLr, finalLr);
}
