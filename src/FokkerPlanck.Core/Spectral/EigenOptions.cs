namespace FokkerPlanck.Core.Spectral;

/// <summary>
/// Options of a sparse symmetric eigensolve: how many eigenpairs, where (the shift σ), how
/// accurately, and the Krylov-space parameters.
/// </summary>
/// <remarks>
/// <para><b>Count includes the known eigenpairs.</b> <see cref="Count"/> is the total number of
/// eigenpairs returned, the known (deflated) ones of <see cref="EigenProblem.KnownVectors"/>
/// included. For the Fokker–Planck generator with its stationary mode supplied as known,
/// <c>Count = 6</c> returns λ₁ = 0 and the five slowest relaxation rates λ₂…λ₆, and only five
/// are computed iteratively.</para>
/// <para>The eigenpairs returned are those nearest to σ (largest |ν| of the shift-invert
/// operator, ν = 1/(λ − σ)). For the smallest eigenvalues of a positive semi-definite matrix use
/// a σ slightly below zero, so that A − σI is non-singular and the ordering by |λ − σ| is the
/// ordering by λ; or, when estimates of them are at hand, a σ inside their range, nearer to every
/// wanted eigenvalue than to any unwanted one, which separates the outermost wanted eigenvalues
/// better from the rest (A − σI is then indefinite; its LDLᵀ inertia tells how many eigenvalues
/// lie below σ), with <see cref="ToleranceReference"/> below the spectrum so that the stopping
/// rule does not move with σ.</para>
/// </remarks>
public sealed record EigenOptions
{
    /// <summary>Default relative residual tolerance (see <see cref="Tolerance"/>).</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>Default limit on thick restarts.</summary>
    public const int DefaultMaxRestarts = 300;

    /// <summary>Default block size b = 2, chosen by measurement (see remarks).</summary>
    /// <remarks>
    /// Measured with <c>BlockSizeBenchmark</c> (tests): 6 slowest modes (stationary mode deflated)
    /// of the 512² Neumann Laplacian, σ = −1, τ = 1e-10, default Krylov dimension. Applications =
    /// vectors solved; calls = block solves. Modelled cost = calls·(1 + α(b − 1)) single-solve units,
    /// where α is the marginal cost of an extra right-hand side in a memory-bound sparse triangular
    /// solve (the factor is streamed once per call).
    /// <code>
    /// domain 1 × 1.1 (distinct λ)    b=1: 25 appl / 25 calls   b=2: 34/17   b=4: 52/13   b=8: 88/11
    /// cost α = 0.25 / 0.5 / 1        b=1: 25/25/25   b=2: 21/26/34   b=4: 23/32/52   b=8: 30/50/88
    /// square (λ₂ = λ₃, λ₅ = λ₆)      b=1: 21/21, 2 eigenvalues MISSED (inertia check)   b=2: 34/17   b=4: 52/13   b=8: 88/11
    /// 128² separable double well     b=1: 26/26   b=2: 34/17   b=4: 56/14   b=8: 96/12
    ///   (λ₂ = 8.2e-5, λ₃,₄ = 0.02027, 0.02035, λ₅,₆ = 21.0025, 21.0026; σ = −0.5)
    /// </code>
    /// b = 2 is cheapest for α ≤ 0.5 and, unlike b = 1, finds the exactly degenerate pairs that
    /// square-domain symmetry produces (a single-vector Krylov space holds only one vector of each
    /// eigenspace). Use b ≥ the largest expected multiplicity when higher symmetries are present.
    /// The Laplacian counts are nearly the same at 64² (shift-invert convergence is mesh-independent).
    /// </remarks>
    public const int DefaultBlockSize = 2;

    /// <summary>Default seed of the deterministic start-vector generator.</summary>
    public const ulong DefaultSeed = 20001;

    /// <summary>Total number of eigenpairs wanted, known (deflated) pairs included. Must be ≥ 1.</summary>
    public required int Count { get; init; }

    /// <summary>
    /// Shift σ of the spectral transformation (A − σI)⁻¹. It must not be an eigenvalue; the
    /// eigenvalues nearest σ are computed. Use a slightly negative σ for the smallest eigenvalues
    /// of a positive semi-definite matrix with a zero mode.
    /// </summary>
    public required double Shift { get; init; }

    /// <summary>
    /// Relative residual tolerance τ of the shift-invert problem: a pair (λ, u), ‖u‖ = 1, is converged
    /// when the true residual ‖A u − λ u‖ ≤ max(τ·|λ − ρ|, 8ε(‖A‖ + |λ|)), ρ = <see cref="ToleranceReference"/>
    /// (by default the shift σ), the second term being the rounding level of a computed residual with
    /// ‖A‖ an estimate of the matrix norm (the dense reference solver uses τ·max(|λ|, ‖A‖)).
    /// </summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>
    /// The point ρ the relative tolerance is measured from (see <see cref="Tolerance"/>); null for the
    /// shift σ. A shift placed inside the wanted part of the spectrum (to speed up convergence) would
    /// otherwise make the criterion depend on where σ sits: with ρ fixed below the spectrum (e.g. the
    /// slightly negative shift of a positive semi-definite matrix), τ·|λ − ρ| ≈ τ·λ is a relative
    /// accuracy of each eigenvalue, whatever σ is.
    /// </summary>
    public double? ToleranceReference { get; init; }

    /// <summary>Maximum number of thick restarts (outer iterations). Must be ≥ 1.</summary>
    public int MaxRestarts { get; init; } = DefaultMaxRestarts;

    /// <summary>
    /// Maximum dimension m (ARPACK <c>ncv</c>) of the projected Krylov space. <c>null</c> selects
    /// max(2·(Count − known), 20) + 2·BlockSize, capped by the problem size.
    /// </summary>
    public int? KrylovDimension { get; init; }

    /// <summary>Block size b: number of vectors per operator application (b = 1 is the classic single-vector method).</summary>
    public int BlockSize { get; init; } = DefaultBlockSize;

    /// <summary>Seed of the deterministic start-vector generator.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// Optional start vectors (e.g. eigenvectors of a coarser grid, prolonged): they fill the first
    /// block, the rest of the block is random. Null for a random start block.
    /// </summary>
    public IReadOnlyList<double[]>? StartVectors { get; init; }

    /// <summary>Checks the options on their own (not against a problem).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="ArgumentException">The shift or tolerance is not finite.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Count, nameof(Count));
        if (!double.IsFinite(Shift))
            throw new ArgumentException($"Shift must be finite, got {Shift}.", nameof(Shift));
        if (ToleranceReference is double reference && !double.IsFinite(reference))
            throw new ArgumentException($"ToleranceReference must be finite, got {reference}.", nameof(ToleranceReference));
        if (!double.IsFinite(Tolerance) || Tolerance <= 0.0 || Tolerance >= 1.0)
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must lie in (0, 1).");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRestarts, nameof(MaxRestarts));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BlockSize, nameof(BlockSize));
        if (KrylovDimension is int m && m < Count + BlockSize)
            throw new ArgumentOutOfRangeException(nameof(KrylovDimension), m,
                $"KrylovDimension must be at least Count + BlockSize = {Count + BlockSize}.");
    }
}
