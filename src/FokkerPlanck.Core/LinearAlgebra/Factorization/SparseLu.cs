namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Sparse LU factorization <c>P A Pᵀ = L U</c> without pivoting for unsymmetric matrices with a
/// (structurally) symmetric pattern, by the supernodal multifrontal method; L and U are stored
/// as separate panels.
/// </summary>
/// <remarks>
/// <para>Same symbolic analysis as <see cref="SparseLdlt"/> (the pattern of <c>A + Aᵀ</c>); each
/// front is a full square matrix factorized by blocked right-looking LU (Golub and Van Loan,
/// <i>Matrix Computations</i>, 4th ed., §3.2.11). Amestoy and Duff, "Vectorization of a
/// multiprocessor multifrontal code", Int. J. Supercomputer Appl. 3 (1989), for unsymmetric fronts
/// on a symmetrized pattern.</para>
/// <para>Stability assumption: Gaussian elimination without pivoting (any symmetric
/// reordering) is stable for matrices that are diagonally dominant by rows or by columns and for
/// nonsingular M-matrices: every Schur complement inherits the property, so pivots stay
/// nonzero and growth is bounded by 2 (Higham, <i>Accuracy and Stability of Numerical
/// Algorithms</i>, 2nd ed., 2002, §9.5 and §9.6). Upwind and Scharfenberg–Gummel discretizations
/// of Fokker–Planck generators with a shift are such matrices. Other matrices may fail with
/// <see cref="FactorizationException"/> (zero or non-finite pivot) or lose accuracy.</para>
/// </remarks>
public sealed unsafe class SparseLu : ILinearSolver, IDisposable
{
    private readonly SupernodalSolver _solver;
    private readonly System.Buffers.ArrayPool<double> _pool;
    private readonly PanelStore _lower;
    private readonly PanelStore _upper;
    private bool _valid = true;

    private SparseLu(SymbolicFactorization symbolic, MultifrontalFactorizer numeric)
    {
        Symbolic = symbolic;
        _pool = numeric.Pool;
        _lower = numeric.Lower;
        _upper = numeric.Upper!;
        _solver = new SupernodalSolver(symbolic, _lower, _upper, null);
        CountNegativePivots();
    }

    /// <summary>
    /// Pivots (diagonal of U) below zero. Without pivoting the k-th pivot is the ratio of consecutive
    /// leading principal minors of the permuted matrix, so for a matrix diagonally similar to a
    /// symmetric one (a generator under detailed balance, <c>D⁻¹ A D</c>) the pivots are those of the
    /// LDLᵀ of A and this count is A's inertia (Sylvester): zero exactly when A is positive definite.
    /// </summary>
    public int NegativePivotCount { get; private set; }

    private void CountNegativePivots()
    {
        int count = 0;
        for (int sn = 0; sn < Symbolic.SupernodeCount; sn++)
        {
            // U's diagonal block sits at the top of each supernode's transposed panel (m × k, leading dimension m)
            double* t = _upper.Panel(sn);
            int m = Symbolic.FrontSize(sn);
            for (int p = 0, k = Symbolic.Columns(sn); p < k; p++) if (t[(long)p * m + p] < 0) count++;
        }
        GC.KeepAlive(_upper);
        NegativePivotCount = count;
    }

    /// <summary>
    /// Factorizes new values with the same pattern in place, reusing the symbolic analysis, the
    /// factor storage, the front buffers and the solve workspace.
    /// </summary>
    /// <param name="a">Matrix with exactly the pattern of the original one.</param>
    /// <param name="progress">Receives the completed fraction of the flops, in [0, 1].</param>
    /// <exception cref="ArgumentException">The matrix is not square or has another pattern.</exception>
    /// <exception cref="FactorizationException">A pivot is zero or not finite; the instance is unusable until a successful refactorization.</exception>
    public void Refactor(CsrMatrix a, IProgress<double>? progress = null) => Refactor(a, 0.0, progress);

    /// <summary>
    /// <see cref="Refactor(CsrMatrix, IProgress{double}?)"/> of <c>A − σI</c> without forming it (σ is
    /// subtracted on each front's pivot diagonal as it is assembled, as in <see cref="SparseLdlt.Create(CsrMatrix, SymbolicFactorization?, double, IProgress{double}?)"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite.</exception>
    public void Refactor(CsrMatrix a, double shift, IProgress<double>? progress = null)
    {
        FactorizationInput.Validate(a, Symbolic);
        if (!double.IsFinite(shift)) throw new ArgumentOutOfRangeException(nameof(shift), shift, "The shift must be finite.");
        _valid = false;
        new MultifrontalFactorizer(Symbolic, a, symmetric: false, progress, _lower, _upper, null, _pool, shift).Run();
        CountNegativePivots();
        _valid = true;
    }

    /// <summary>Factorizes <paramref name="a"/>.</summary>
    /// <param name="a">Square matrix, ideally with a symmetric pattern.</param>
    /// <param name="symbolic">Analysis of the pattern of <paramref name="a"/> to reuse; computed with
    /// <see cref="SymbolicFactorization.Analyze"/> (graph nested dissection) when null.</param>
    /// <param name="progress">Receives the completed fraction of the flops, in [0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is not square or does not have the pattern of <paramref name="symbolic"/>.</exception>
    /// <exception cref="FactorizationException">A pivot is zero or not finite.</exception>
    public static SparseLu Create(CsrMatrix a, SymbolicFactorization? symbolic = null, IProgress<double>? progress = null)
        => Create(a, symbolic, 0.0, progress);

    /// <summary>Factorizes <c>A − σI</c> without forming it (see <see cref="Refactor(CsrMatrix, double, IProgress{double}?)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite.</exception>
    public static SparseLu Create(CsrMatrix a, SymbolicFactorization? symbolic, double shift, IProgress<double>? progress = null)
    {
        FactorizationInput.Validate(a, symbolic);
        if (!double.IsFinite(shift)) throw new ArgumentOutOfRangeException(nameof(shift), shift, "The shift must be finite.");
        symbolic ??= SymbolicFactorization.Analyze(a);
        var numeric = new MultifrontalFactorizer(symbolic, a, symmetric: false, progress, shift: shift);
        numeric.Run();
        return new SparseLu(symbolic, numeric);
    }

    /// <inheritdoc/>
    public int Size => Symbolic.Size;

    /// <summary>The symbolic analysis used (reusable for matrices with the same pattern).</summary>
    public SymbolicFactorization Symbolic { get; }

    /// <summary>Entries stored for L and U together (two dense supernodal trapezoids per front).</summary>
    public long NonZerosInFactor => 2 * Symbolic.NonZerosInFactor;

    /// <summary>Doubles the L and U panels' native storage holds, by its own accounting.</summary>
    internal long StoredEntries => _lower.Length + _upper.Length;

    /// <summary>Floating-point operations of the numeric factorization.</summary>
    public double FlopCount => Symbolic.LuFlops;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A vector has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">The last refactorization failed.</exception>
    public void Solve(ReadOnlySpan<double> b, Span<double> x) => Solve(b, x, 1);

    /// <summary>Releases the factors' native storage now instead of at finalization; the factor is unusable afterwards.</summary>
    public void Dispose()
    {
        _valid = false;
        _lower.Dispose();
        _upper.Dispose();
    }

    /// <inheritdoc/>
    /// <remarks>Streams each factor panel once for all <paramref name="count"/> columns; concurrent
    /// calls on the same instance are serialized.</remarks>
    /// <exception cref="ArgumentException">A vector has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">The last refactorization failed.</exception>
    public void Solve(ReadOnlySpan<double> b, Span<double> x, int count)
    {
        if (!_valid) throw new InvalidOperationException("The factor is not usable: the last refactorization failed or it was disposed.");
        _solver.Solve(b, x, count);
    }
}
