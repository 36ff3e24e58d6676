using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary><c>linear:D</c>: see <see cref="LinearProfile"/> for η over the phase.</summary>
/// <param name="duration">D, in time or steps.</param>
internal sealed class LinearShape(Duration duration) : FiniteDecayShape(duration)
{
    /// <inheritdoc/>
    public override string Kind => "linear";

    /// <inheritdoc/>
    protected override string Adjective => "linear";

    /// <summary>Reads <c>linear:D</c>.</summary>
    public static ScheduleShape Parse(string? args, SpecContext context) => new LinearShape(ParseDuration(args, context));

    /// <inheritdoc/>
    protected override IRateProfile Profile(double plateauLr, double finalLr) => new LinearProfile(plateauLr, finalLr);
}
