namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>Settings of <see cref="RelaxationSpectrumSolver"/>.</summary>
public sealed record SpectrumOptions
{
    /// <summary>Number of modes, the stationary one (λ₁ = 0) included. At least 2.</summary>
    public int Modes { get; init; } = 6;

    /// <summary>Relative residual tolerance of the symmetric eigenpairs (see <see cref="Lanczos.ThickRestartLanczos"/>).</summary>
    public double Tolerance { get; init; } = EigenOptions.DefaultTolerance;

    /// <summary>
    /// Block size of the Lanczos iteration (right-hand sides per factor sweep). Default 1: on the
    /// Fokker–Planck benchmark it needs 22 solves against 34 for b = 2 and was faster at 256²–1024²
    /// (fokkerplanck bench). A single vector can miss the second copy of an exactly degenerate
    /// eigenvalue; with <see cref="VerifyCount"/> the inertia count detects that and the solve is
    /// repeated with a larger block (see <see cref="RelaxationSpectrumSolver"/>).
    /// </summary>
    public int BlockSize { get; init; } = 1;

    /// <summary>
    /// Start the Lanczos run from the slow modes of a coarse grid (<see cref="CoarseGridStart"/>) when the
    /// grid is large enough for that to pay; false for a random start block.
    /// </summary>
    public bool CoarseStart { get; init; } = true;

    /// <summary>Cells per axis of the coarse level when <see cref="CoarseStart"/> is set; null for <see cref="CoarseGridStart.DefaultCoarseCellsPerAxis"/>.</summary>
    public int? CoarseCellsPerAxis { get; init; }

    /// <summary>Seed of the start block.</summary>
    public ulong Seed { get; init; } = EigenOptions.DefaultSeed;

    /// <summary>
    /// Prove that no eigenvalue below the largest computed one was missed, by an LDLᵀ inertia count
    /// (Sylvester's law) — one extra factorization.
    /// </summary>
    public bool VerifyCount { get; init; } = true;

    /// <summary>
    /// The loss observable of the sign rule <c>E_π[v_k L] ≥ 0</c>, one value per cell; null means the
    /// operator's own potential U. The river-only reduction passes the river loss c(y): its potential
    /// is the free energy F_T = c + (T/2) ln a, whose entropic term is not loss.
    /// </summary>
    public double[]? LossObservable { get; init; }

    /// <summary>Recompute the left eigenvectors from the backward operator (see <see cref="LeftEigenvectorRefinement"/>).</summary>
    public bool RefineLeftVectors { get; init; } = true;
}
