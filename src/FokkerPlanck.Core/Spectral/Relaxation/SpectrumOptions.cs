namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>Settings of <see cref="RelaxationSpectrumSolver"/>.</summary>
public sealed record SpectrumOptions
{
    /// <summary>Number of modes, the stationary one (λ₁ = 0) included. At least 2.</summary>
    public int Modes { get; init; } = 6;

    /// <summary>Relative residual tolerance of the symmetric eigenpairs (see <see cref="Lanczos.ThickRestartLanczos"/>).</summary>
    public double Tolerance { get; init; } = EigenOptions.DefaultTolerance;

    /// <summary>
    /// Block size of the Lanczos iteration (right-hand sides per factor sweep). Default 2: a
    /// two-vector sweep reads the factor once (≈ 1.3 single sweeps), which outweighs the larger
    /// number of solves. Lanczos stage on the benchmark valley, alternating runs: after the
    /// coarse-grid start 1.27–1.57 s (b = 2, 24 solves) against 1.61–2.07 s (b = 1, 17 solves) at
    /// 512², 4.26–4.94 s against 5.06–5.56 s at 1024²; from a random start 0.29–0.38 s (34 solves)
    /// against 0.34–0.44 s (23) at 256² and 1.65–1.74 s (36) against 1.61–1.92 s (24) at 512². A block
    /// of 2 also holds both copies of a doubly degenerate eigenvalue; a higher multiplicity is caught
    /// by the inertia count (<see cref="VerifyCount"/>) and the solve is repeated with a larger block
    /// (see <see cref="RelaxationSpectrumSolver"/>).
    /// </summary>
    public int BlockSize { get; init; } = EigenOptions.DefaultBlockSize;

    /// <summary>
    /// Start the Lanczos run from the slow modes of a coarse grid (<see cref="CoarseGridStart"/>) when the
    /// grid is large enough for that to pay; false for a random start block.
    /// </summary>
    public bool CoarseStart { get; init; } = true;

    /// <summary>Cells per axis of the coarse level when <see cref="CoarseStart"/> is set; null for <see cref="CoarseGridStart.DefaultCoarseCellsPerAxis"/>.</summary>
    public int? CoarseCellsPerAxis { get; init; }

    /// <summary>
    /// Shift σ of the shift-invert transformation; null chooses it: inside the range of the coarse
    /// rates when a coarse level is used (<see cref="InteriorShift"/>: fewer solves), otherwise
    /// <see cref="RelaxationSpectrumSolver.ShiftFor"/>, just below the spectrum. A σ inside the spectrum
    /// is accepted only when the run returned every eigenvalue that the LDLᵀ inertia of A − σI puts
    /// below it; otherwise the run is repeated with the shift below the spectrum (and says so in its
    /// messages). The stopping rule is measured from the shift below the spectrum either way.
    /// </summary>
    public double? Shift { get; init; }

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

    /// <summary>
    /// Called on the solver's thread when the right and left vectors are final and the inertia count is
    /// still to come (the shared-shift left vectors all accepted), so that a caller can start writing them
    /// beside the count; it should return at once. Called again with new arrays if the count makes the
    /// solve repeat; not called when the left vectors are finished after the count (per-mode refinement).
    /// </summary>
    public Action<FinalVectors>? VectorsFinal { get; init; }
}
