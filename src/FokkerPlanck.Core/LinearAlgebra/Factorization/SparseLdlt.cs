namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Sparse symmetric factorization <c>P A Pᵀ = L D Lᵀ</c> (L unit lower triangular, D diagonal) by
/// the supernodal multifrontal method with dense vectorized kernels, and its solver.
/// </summary>
/// <remarks>
/// <para>Algorithm: <see cref="SymbolicFactorization"/> (ordering, elimination tree, supernodes),
/// then the multifrontal numeric phase (Duff and Reid, ACM TOMS 9, 1983; Liu, SIAM Review 34,
/// 1992) with blocked dense LDLᵀ on each front (Golub and Van Loan, <i>Matrix Computations</i>,
/// 4th ed., §4.1). Davis, <i>Direct Methods for Sparse Linear Systems</i>, SIAM 2006, ch. 4.</para>
/// <para>Stability assumption: pivots are taken in the fill-reducing order without any
/// numerical pivoting (no 1×1/2×2 Bunch–Kaufman swaps). This is backward stable for symmetric
/// positive definite matrices and for symmetric quasi-definite ones (Vanderbei, SIAM J. Optim.
/// 5, 1995; Gill, Saunders and Shinnerl, SIAM J. Matrix Anal. Appl. 17, 1996). For an indefinite
/// shifted operator <c>A − σI</c> with σ inside the spectrum (shift-invert) it is not guaranteed:
/// growth is bounded in practice when σ is not extremely close to an eigenvalue of a leading
/// principal submatrix; a pivot that is exactly zero or not finite raises
/// <see cref="FactorizationException"/>, small pivots do not (check the solve's residual when σ
/// sits on top of an eigenvalue).</para>
/// <para>Inertia: by Sylvester's law of inertia D has as many negative entries as A has negative
/// eigenvalues, so for <c>A − σI</c> <see cref="NegativePivotCount"/> is the number of eigenvalues
/// of A below σ.</para>
/// <para>Only one of each symmetric pair of entries is read; A must be symmetric
/// (checked to a relative tolerance).</para>
/// </remarks>
public sealed class SparseLdlt : ILinearSolver, IDisposable
{
    /// <summary>
    /// Largest accepted <c>max |A_ij − A_ji| / max |A_ij|</c>: a few ulps more than exact symmetry,
    /// so matrices assembled symmetrically in floating point pass and real asymmetry is refused.
    /// </summary>
    public const double SymmetryTolerance = 1e-12;

    private readonly SupernodalSolver _solver;
    private readonly System.Buffers.ArrayPool<double> _pool;
    private readonly PanelStore _panels;
    private readonly double[] _pivots;
    private bool _valid;

    private SparseLdlt(SymbolicFactorization symbolic, MultifrontalFactorizer numeric)
    {
        Symbolic = symbolic;
        _pool = numeric.Pool;
        _pivots = numeric.Pivots!;
        _panels = numeric.Lower;
        _solver = new SupernodalSolver(symbolic, _panels, null, _pivots);
        CountInertia();
    }

    private void CountInertia()
    {
        NegativePivotCount = 0;
        PositivePivotCount = 0;
        foreach (double d in _pivots)
        {
            if (d < 0) NegativePivotCount++;
            else PositivePivotCount++;
        }
        _valid = true;
    }

    /// <summary>
    /// Factorizes new values with the same pattern in place, reusing the symbolic analysis, the
    /// factor storage, the front buffers and the solve workspace (nothing large is allocated): the refactorization
    /// path of implicit time steppers.
    /// </summary>
    /// <param name="a">Symmetric matrix with exactly the pattern of the original one.</param>
    /// <param name="progress">Receives the completed fraction of the flops, in [0, 1].</param>
    /// <exception cref="ArgumentException">The matrix is not square, not symmetric, or has another pattern.</exception>
    /// <exception cref="FactorizationException">A pivot is zero or not finite; the instance is unusable until a successful refactorization.</exception>
    public void Refactor(CsrMatrix a, IProgress<double>? progress = null) => Refactor(a, 0.0, progress);

    /// <summary>
    /// <see cref="Refactor(CsrMatrix, IProgress{double}?)"/> of <c>A − σI</c> without forming it (σ is
    /// subtracted on each front's pivot diagonal as it is assembled, as in
    /// <see cref="Create(CsrMatrix, SymbolicFactorization?, double, IProgress{double}?)"/>): the path of a
    /// time stepper whose stage matrix <c>I + cA</c> changes with its step and temperature.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite.</exception>
    public void Refactor(CsrMatrix a, double shift, IProgress<double>? progress = null)
    {
        FactorizationInput.Validate(a, Symbolic);
        if (!double.IsFinite(shift)) throw new ArgumentOutOfRangeException(nameof(shift), shift, "The shift must be finite.");
        CheckSymmetric(a);
        _valid = false;
        new MultifrontalFactorizer(Symbolic, a, symmetric: true, progress, _panels, null, _pivots, _pool, shift).Run();
        CountInertia();
    }

    private static void CheckSymmetric(CsrMatrix a)
    {
        if (a.IsSymmetricByConstruction) return; // both entries of each pair are one stored value
        double scale = FactorizationInput.MaxAbs(a);
        double defect = FactorizationInput.SymmetryDefect(a);
        if (defect > SymmetryTolerance * scale)
            throw new ArgumentException($"Matrix is not symmetric: max |A_ij − A_ji| = {defect:G3} for max |A_ij| = {scale:G3}.", nameof(a));
    }

    /// <summary>Factorizes the symmetric matrix <paramref name="a"/>.</summary>
    /// <param name="a">Square symmetric matrix.</param>
    /// <param name="symbolic">Analysis of the pattern of <paramref name="a"/> to reuse; computed with
    /// <see cref="SymbolicFactorization.Analyze"/> (graph nested dissection) when null.</param>
    /// <param name="progress">Receives the completed fraction of the flops, in [0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is not square, not symmetric, or does not have the pattern of <paramref name="symbolic"/>.</exception>
    /// <exception cref="FactorizationException">A pivot is zero or not finite.</exception>
    public static SparseLdlt Create(CsrMatrix a, SymbolicFactorization? symbolic = null, IProgress<double>? progress = null)
        => Create(a, symbolic, 0.0, progress);

    /// <summary>
    /// Factorizes <c>A − σI</c> for the symmetric matrix <paramref name="a"/> without forming it: σ is
    /// subtracted from each pivot as its front is assembled (shift-invert needs one such factorization
    /// per shift; a shifted copy of A would cost an O(nnz) pass and its memory).
    /// </summary>
    /// <param name="a">Square symmetric matrix.</param>
    /// <param name="symbolic">Analysis of the pattern of <paramref name="a"/> to reuse, or null.</param>
    /// <param name="shift">σ, finite.</param>
    /// <param name="progress">Receives the completed fraction of the flops, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite.</exception>
    /// <exception cref="ArgumentException">The matrix is not square, not symmetric, or does not have the pattern of <paramref name="symbolic"/>.</exception>
    /// <exception cref="FactorizationException">A pivot is zero or not finite.</exception>
    public static SparseLdlt Create(CsrMatrix a, SymbolicFactorization? symbolic, double shift, IProgress<double>? progress = null)
    {
        FactorizationInput.Validate(a, symbolic);
        if (!double.IsFinite(shift)) throw new ArgumentOutOfRangeException(nameof(shift), shift, "The shift must be finite.");
        CheckSymmetric(a);
        symbolic ??= SymbolicFactorization.Analyze(a);
        var numeric = new MultifrontalFactorizer(symbolic, a, symmetric: true, progress, shift: shift);
        numeric.Run();
        return new SparseLdlt(symbolic, numeric);
    }

    /// <inheritdoc/>
    public int Size => Symbolic.Size;

    /// <summary>The symbolic analysis used (reusable for matrices with the same pattern).</summary>
    public SymbolicFactorization Symbolic { get; }

    /// <summary>Number of negative entries of D = number of negative eigenvalues of A (Sylvester).</summary>
    public int NegativePivotCount { get; private set; }

    /// <summary>Number of positive entries of D = number of positive eigenvalues of A.</summary>
    public int PositivePivotCount { get; private set; }

    /// <summary>The pivots D in factorization (permuted) order.</summary>
    public ReadOnlySpan<double> Pivots => _pivots;

    /// <summary>Entries of L as stored (dense supernodal trapezoids, diagonal included).</summary>
    public long NonZerosInFactor => Symbolic.NonZerosInFactor;

    /// <summary>Doubles the factor's native storage holds, by its own accounting (what the memory model must predict).</summary>
    internal long StoredEntries => _panels.Length;

    /// <summary>Floating-point operations of the numeric factorization.</summary>
    public double FlopCount => Symbolic.LdltFlops;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A vector has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">The last refactorization failed.</exception>
    public void Solve(ReadOnlySpan<double> b, Span<double> x) => Solve(b, x, 1);

    /// <summary>Releases the factor's native storage now instead of at finalization; the factor is unusable afterwards.</summary>
    public void Dispose()
    {
        _valid = false;
        _panels.Dispose();
    }

    /// <inheritdoc/>
    /// <remarks>Streams each factor panel once for all <paramref name="count"/> columns. Not thread-safe
    /// against concurrent calls on the same instance (they are serialized).</remarks>
    /// <exception cref="ArgumentException">A vector has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">The last refactorization failed.</exception>
    public void Solve(ReadOnlySpan<double> b, Span<double> x, int count)
    {
        if (!_valid) throw new InvalidOperationException("The factor is not usable: the last refactorization failed or it was disposed.");
        _solver.Solve(b, x, count);
    }
}
