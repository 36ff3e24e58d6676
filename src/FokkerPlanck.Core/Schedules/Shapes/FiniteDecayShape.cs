using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary>
/// A decay <c>KIND:D</c> from η_h to η_c along one profile over a duration D in time or steps
/// (the profile's variable is u/D, or the step fraction k/N); D = 0 is an instant drop.
/// </summary>
/// <param name="duration">D.</param>
/// <param name="kind">The kind's name in specs.</param>
/// <param name="adjective">The word for descriptions, e.g. <c>exponential</c>.</param>
internal abstract class FiniteDecayShape(Duration duration, string kind, string adjective) : ScheduleShape
{
    /// <summary>D.</summary>
    public Duration Duration { get; } = duration;

    /// <inheritdoc/>
    public override string Kind => kind;

    /// <inheritdoc/>
    public override string Spec => $"{Kind}:{Duration}";

    /// <summary>The profile from η_h (x = 0) to η_c (x = 1).</summary>
    protected abstract IRateProfile Profile(double plateauLr, double finalLr);

    /// <summary>Reads the single argument D of <c>KIND:D</c>.</summary>
    public static Duration ParseDuration(string? args, SpecContext context)
    {
        string d = context.Split(args, 1).Positional[0];
        return context.Duration(d, d, "the decay duration D");
    }

    /// <inheritdoc/>
    internal override IEnumerable<SchedulePhase> Phases(double plateauLr, double finalLr)
        => PhaseOver(Duration, Profile(plateauLr, finalLr));

    /// <inheritdoc/>
    internal override string Describe(double plateauLr, double finalLr)
    {
        string lrs = $"from {SpecText.Brief(plateauLr)} to {SpecText.Brief(finalLr)}";
        return Duration.Value > 0
            ? $"{adjective} decay {lrs} over {SpecText.Length(Duration, Phases(plateauLr, finalLr))}"
            : $"instant drop {lrs} ({Spec})";
    }
}
