namespace FokkerPlanck.Core.TimeStepping;

/// <summary>Accuracy and control settings of a <see cref="TimeIntegrator"/> run.</summary>
public sealed record IntegratorOptions
{
    /// <summary>Relative tolerance per cell (the peer's <c>solve_ivp</c> default of the benchmark, 1e-6).</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>
    /// Absolute tolerance in units of the total mass; each cell gets <c>AbsoluteTolerance / n</c>
    /// (the peer's <c>atol = 1e-12/n</c>), so cells whose mass is below <c>atol/rtol</c> of the mean
    /// cell mass are controlled absolutely.
    /// </summary>
    public double AbsoluteTolerance { get; init; } = 1e-12;

    /// <summary>The scheme (TR-BDF2 by default).</summary>
    public IImplicitScheme Scheme { get; init; } = SchemeCatalog.Default;

    /// <summary>When stage matrices are refactorized.</summary>
    public RefactorizationPolicy Refactorization { get; init; } = RefactorizationPolicy.Default;

    /// <summary>First step (null: estimated from the initial rate of change).</summary>
    public double? InitialStep { get; init; }

    /// <summary>
    /// Constant step without error control (null: adaptive): for measuring the order of a scheme by step
    /// refinement. Steps still land on breakpoints and the end; the Krylov tail is not used.
    /// </summary>
    public double? FixedStep { get; init; }

    /// <summary>Largest step (null: unlimited; the error control and the breakpoints limit it).</summary>
    public double? MaxStep { get; init; }

    /// <summary>Largest number of steps (accepted and rejected) before the run stops with <see cref="IntegrationStatus.StepLimitReached"/>.</summary>
    public int MaxSteps { get; init; } = 200_000;

    /// <summary>
    /// Largest growth of the step after an accepted step; and growth below <see cref="MinGrowth"/> is
    /// not taken, so the stage factor stays valid over runs of equal steps (a new step size needs a new
    /// factorization or defect-correction sweeps).
    /// </summary>
    public double MaxGrowth { get; init; } = 5.0;

    /// <summary>A suggested growth smaller than this keeps the step unchanged (see <see cref="MaxGrowth"/>).</summary>
    public double MinGrowth { get; init; } = 1.5;

    /// <summary>Safety factor of the step-size controller (Hairer, Nørsett and Wanner, <i>Solving ODEs I</i>, §II.4).</summary>
    public double Safety { get; init; } = 0.9;

    /// <summary>
    /// Once the schedule has settled (η ≡ η_c from <see cref="Schedules.ILearningRateSchedule.SettleTime"/> on),
    /// propagate the rest of the run exactly in time with the shift-and-invert Krylov exponential
    /// (<see cref="ShiftInvertKrylov"/>) instead of stepping: one factorization and a few dozen solves
    /// for any horizon, with an L1 error bound below the absolute tolerance.
    /// </summary>
    public bool KrylovTail { get; init; } = true;

    /// <summary>Largest Krylov dimension of the tail (each basis vector costs one state vector of memory); a tail that needs more falls back to stepping.</summary>
    public int MaxKrylovDimension { get; init; } = 64;

    /// <summary>Throws for tolerances or limits that cannot work.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!(RelativeTolerance > 0) || RelativeTolerance >= 1) throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), RelativeTolerance, "The relative tolerance must lie in (0, 1).");
        if (!(AbsoluteTolerance > 0) || AbsoluteTolerance >= 1) throw new ArgumentOutOfRangeException(nameof(AbsoluteTolerance), AbsoluteTolerance, "The absolute tolerance must lie in (0, 1).");
        if (InitialStep is { } h && !(h > 0 && double.IsFinite(h))) throw new ArgumentOutOfRangeException(nameof(InitialStep), h, "The initial step must be positive and finite.");
        if (FixedStep is { } hf && !(hf > 0 && double.IsFinite(hf))) throw new ArgumentOutOfRangeException(nameof(FixedStep), hf, "The fixed step must be positive and finite.");
        if (MaxStep is { } hm && !(hm > 0)) throw new ArgumentOutOfRangeException(nameof(MaxStep), hm, "The largest step must be positive.");
        if (MaxKrylovDimension < 8) throw new ArgumentOutOfRangeException(nameof(MaxKrylovDimension), MaxKrylovDimension, "The Krylov tail needs at least 8 dimensions.");
        if (MaxSteps < 1) throw new ArgumentOutOfRangeException(nameof(MaxSteps), MaxSteps, "At least one step is needed.");
        if (!(MaxGrowth > 1) || !(MinGrowth >= 1) || MinGrowth > MaxGrowth) throw new ArgumentOutOfRangeException(nameof(MaxGrowth), MaxGrowth, "Need 1 ≤ MinGrowth ≤ MaxGrowth and MaxGrowth > 1.");
    }
}
