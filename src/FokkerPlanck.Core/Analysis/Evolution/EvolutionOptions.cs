using FokkerPlanck.Core.TimeStepping;

namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>What an evolution run records and how far it goes.</summary>
public sealed record EvolutionOptions
{
    /// <summary>Integrator tolerances and control.</summary>
    public IntegratorOptions Integrator { get; init; } = new() { RelativeTolerance = DefaultRelativeTolerance, AbsoluteTolerance = DefaultAbsoluteTolerance };

    /// <summary>
    /// Default relative tolerance per cell. At 1e-4 (with <see cref="DefaultAbsoluteTolerance"/>) the
    /// excess losses of the benchmark decay agree with a run at 1e-8 to 4·10⁻⁵ relative at every checkpoint
    /// (see <c>docs/performance.md</c>); the per-cell relative control of the distribution's far tails, not the
    /// observables, is what a tighter value would buy.
    /// </summary>
    public const double DefaultRelativeTolerance = 1e-4;

    /// <summary>Default absolute tolerance in units of the total mass (see <see cref="IntegratorOptions.AbsoluteTolerance"/>).</summary>
    public const double DefaultAbsoluteTolerance = 1e-9;

    /// <summary>End time; null: the schedule's last breakpoint plus <see cref="RelaxationTimes"/>/λ_eff.</summary>
    public double? EndTime { get; init; }

    /// <summary>Relaxation times 1/λ_eff past the schedule's last breakpoint when no end time is given (20: the slow mode has decayed by e⁻²⁰ ≈ 2·10⁻⁹).</summary>
    public double RelaxationTimes { get; init; } = 20;

    /// <summary>Log-spaced output times (plus t = 0 and the schedule's breakpoints).</summary>
    public int OutputPoints { get; init; } = 200;

    /// <summary>The first log-spaced output time as a fraction of the end time.</summary>
    public double FirstOutputFraction { get; init; } = 1e-5;

    /// <summary>Full-density snapshots kept per run (t = 0 and log-spaced to the end).</summary>
    public int Snapshots { get; init; } = 5;

    /// <summary>Compute the spectral prediction on the output times.</summary>
    public bool Predict { get; init; } = true;

    /// <summary>Throws for settings that cannot work.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        Integrator.Validate();
        if (EndTime is { } t && !(t > 0 && double.IsFinite(t))) throw new ArgumentOutOfRangeException(nameof(EndTime), t, "The end time must be positive and finite.");
        if (!(RelaxationTimes > 0)) throw new ArgumentOutOfRangeException(nameof(RelaxationTimes), RelaxationTimes, "Must be positive.");
        if (OutputPoints < 2) throw new ArgumentOutOfRangeException(nameof(OutputPoints), OutputPoints, "At least 2 output times.");
        if (!(FirstOutputFraction > 0 && FirstOutputFraction < 1)) throw new ArgumentOutOfRangeException(nameof(FirstOutputFraction), FirstOutputFraction, "Must lie in (0, 1).");
        if (Snapshots < 0) throw new ArgumentOutOfRangeException(nameof(Snapshots), Snapshots, "Must be ≥ 0.");
    }
}
