using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary>
/// A power-law decay <c>η = η_c + (η_h − η_c)(1 + u/τ)^{−α}</c> that only approaches η_c
/// (<see cref="ILearningRateSchedule.SettleTime"/> = +∞); with τ in steps, u/τ is k/τ.
/// </summary>
/// <param name="tau">τ, &gt; 0, in time or steps.</param>
/// <param name="alpha">α &gt; 0.</param>
internal abstract class AsymptoticDecayShape(Duration tau, double alpha) : ScheduleShape
{
    /// <summary>τ.</summary>
    public Duration Tau { get; } = tau;

    /// <summary>α.</summary>
    public double Alpha { get; } = alpha;

    /// <summary>The decay named for descriptions, e.g. <c>1/t decay</c>.</summary>
    protected abstract string Name { get; }

    /// <summary>Reads τ (&gt; 0) from the one positional argument.</summary>
    protected static Duration ParseTau(string value, SpecContext context)
        => context.Duration(value, value, "the time scale τ", positive: true);

    /// <inheritdoc/>
    internal override IEnumerable<SchedulePhase> Phases(double plateauLr, double finalLr)
        => plateauLr == finalLr ? [] : PhaseOver(Tau, new PowerLawProfile(plateauLr, finalLr, Alpha));

    /// <inheritdoc/>
    internal override string Describe(double plateauLr, double finalLr)
    {
        var unit = PhaseOver(Tau, new PowerLawProfile(plateauLr, finalLr, Alpha));
        return $"{Name} from {SpecText.Brief(plateauLr)} toward {SpecText.Brief(finalLr)} with τ = {SpecText.Length(Tau, unit)}";
    }
}
