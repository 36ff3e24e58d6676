using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary><c>exp:D</c>: see <see cref="ExponentialProfile"/> for η over the phase.</summary>
/// <param name="duration">D, in time or steps.</param>
internal sealed class ExponentialShape(Duration duration) : FiniteDecayShape(duration)
{
    /// <inheritdoc/>
    public override string Kind => "exp";

    /// <inheritdoc/>
    protected override string Adjective => "exponential";

    /// <summary>Reads <c>exp:D</c>.</summary>
    public static ScheduleShape Parse(string? args, SpecContext context) => new ExponentialShape(ParseDuration(args, context));

    /// <inheritdoc/>
    protected override IRateProfile Profile(double plateauLr, double finalLr) => new ExponentialProfile(plateauLr, finalLr);
}
