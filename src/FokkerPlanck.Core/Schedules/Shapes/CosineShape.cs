using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary><c>cosine:D</c>: η over the phase is <see cref="CosineProfile"/> from η_h to η_c.</summary>
/// <param name="duration">D, in time or steps.</param>
internal sealed class CosineShape(Duration duration) : FiniteDecayShape(duration, "cosine", "cosine")
{
    /// <inheritdoc/>
    protected override IRateProfile Profile(double plateauLr, double finalLr) => new CosineProfile(plateauLr, finalLr);
}
