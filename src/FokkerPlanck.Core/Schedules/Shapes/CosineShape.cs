using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary><c>cosine:D</c>: see <see cref="CosineProfile"/> for η over the phase.</summary>
/// <param name="duration">D, in time or steps.</param>
internal sealed class CosineShape(Duration duration) : FiniteDecayShape(duration)
{
    /// <inheritdoc/>
    public override string Kind => "cosine";

    /// <inheritdoc/>
    protected override string Adjective => "cosine";

    /// <summary>Reads <c>cosine:D</c>.</summary>
    public static ScheduleShape Parse(string? args, SpecContext context) => new CosineShape(ParseDuration(args, context));

    /// <inheritdoc/>
    protected override IRateProfile Profile(double plateauLr, double finalLr) => new CosineProfile(plateauLr, finalLr);
}
