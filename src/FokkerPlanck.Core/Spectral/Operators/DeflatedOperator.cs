using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Operators;

/// <summary>
/// Projects known exact eigenvectors out of an operator: y = P B P x with P = I − Q Qᵀ, where the
/// columns of Q span the known eigenvectors (orthonormalized here). The deflated pairs are handled
/// exactly and never found by iteration.
/// </summary>
/// <remarks>
/// If Q spans an invariant subspace of the symmetric B, then P B P has the same eigenpairs as B on
/// range(P) and maps range(Q) to zero (Golub &amp; Van Loan, 4th ed., §7.3.2 on deflation / orthogonal
/// projection onto invariant subspaces). Projecting after the application keeps rounding errors
/// amplified by B (for shift-invert: by 1/|λ₁ − σ|) out of the Krylov basis.
/// Not thread-safe: work vectors are allocated once and reused between calls.
/// </remarks>
public sealed class DeflatedOperator : IBlockLinearOperator
{
    /// <summary>
    /// A known vector whose norm falls below this fraction of its original norm after
    /// orthogonalization against the previous ones is linearly dependent on them (the remaining
    /// digits are rounding noise, about √ε).
    /// </summary>
    private const double DependenceThreshold = 1e-8;

    /// <summary>
    /// Gram–Schmidt passes of the projection: one classical pass leaves components of size ε‖x‖/‖Px‖,
    /// a second makes the result orthogonal to working precision ("twice is enough", Giraud, Langou
    /// &amp; Rozložník 2005). The second pass is skipped when the first kept at least
    /// <see cref="SinglePassRatio"/> of the norm, where ε‖x‖/‖Px‖ ≤ √2·ε already.
    /// </summary>
    private const int ProjectionPasses = 2;

    /// <summary>DGKS criterion (Daniel, Gragg, Kaufman &amp; Stewart 1976): a pass that keeps 1/√2 of the norm needs no repetition.</summary>
    private const double SinglePassRatio = 0.7071067811865476;

    /// <summary>Rows per panel of the fused projection sweeps (a panel of x and of q, 2 × 16 KiB, stays in L1).</summary>
    private const int PanelRows = 2048;

    /// <summary>Vector length below which the projection runs on one thread (task overhead ≈ tens of µs).</summary>
    private const int ParallelMinimumLength = 1 << 16;

    private readonly ILinearOperator _inner;
    private readonly double[][] _basis;
    private readonly double[] _work;
    private readonly bool _inputsDeflated;
    private double[] _blockWork = [];
    private double[] _partial = [];

    /// <summary>Deflates the span of <paramref name="knownVectors"/> from <paramref name="inner"/>.</summary>
    /// <param name="inner">The operator B (symmetric, with the known vectors as eigenvectors).</param>
    /// <param name="knownVectors">Known eigenvectors, each of length <c>inner.Size</c>; copied and orthonormalized.</param>
    /// <param name="inputsDeflated">
    /// The caller guarantees every input already lies in range(P) to rounding (a Krylov basis grown from
    /// projected vectors): the input projection is skipped and y = P B x is returned. This equals P B P x
    /// because B maps the known eigenvectors into their own span, which P annihilates (P B Q = Q Λ − Q Λ = 0);
    /// a rounding-size component of x along Q is amplified by B and then removed by the output projection.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A vector has the wrong length, is not finite or is linearly dependent on the previous ones.</exception>
    public DeflatedOperator(ILinearOperator inner, IReadOnlyList<double[]> knownVectors, bool inputsDeflated = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(knownVectors);
        _inner = inner;
        _basis = Orthonormalize(inner.Size, knownVectors);
        _work = new double[inner.Size];
        _inputsDeflated = inputsDeflated;
    }

    /// <inheritdoc/>
    public int Size => _inner.Size;

    /// <summary>Number of deflated directions.</summary>
    public int DeflatedCount => _basis.Length;

    /// <summary>The orthonormalized known vector <paramref name="index"/>.</summary>
    /// <param name="index">Index in [0, <see cref="DeflatedCount"/>).</param>
    public ReadOnlySpan<double> BasisVector(int index) => _basis[index];

    /// <summary>Applies P = I − Q Qᵀ in place (twice where needed, so the result is orthogonal to working precision).</summary>
    /// <param name="x">Vector of length <see cref="Size"/>.</param>
    /// <remarks>
    /// For each known vector q, classical Gram–Schmidt in sweeps over memory: c = qᵀx together with
    /// ‖x‖²; if ‖x − cq‖² = ‖x‖² − c² keeps at least half of ‖x‖² (<see cref="SinglePassRatio"/>),
    /// one sweep x ← x − c q finishes (two sweeps, the usual case: the known vector is an eigenvector and
    /// its component in an operator output is rounding-sized). Otherwise x ← x − c q is fused with
    /// d = qᵀx on the same panel while it is in cache, then x ← x − d q. Panels run in parallel and
    /// partial sums are added in panel order, so the result does not depend on the scheduling.
    /// </remarks>
    public void Project(Span<double> x)
    {
        if (x.Length != Size) throw new ArgumentException($"x has length {x.Length}, expected {Size}.", nameof(x));
        foreach (var q in _basis)
        {
            var (c, norm2) = FusedSweep(q, x, 0.0, dot: true, norm: true);
            if (c * c <= (1.0 - SinglePassRatio * SinglePassRatio) * norm2)
            {
                if (c != 0.0) FusedSweep(q, x, c, dot: false, norm: false);
                continue;
            }
            for (int pass = 1; pass < ProjectionPasses; pass++) c = FusedSweep(q, x, c, dot: true, norm: false).Dot;
            if (c != 0.0) FusedSweep(q, x, c, dot: false, norm: false);
        }
    }

    /// <summary>
    /// x ← x − c q (skipped for c = 0) and, when asked, qᵀx and ‖x‖² after the update.
    /// </summary>
    private unsafe (double Dot, double Norm2) FusedSweep(double[] q, Span<double> x, double c, bool dot, bool norm)
    {
        int n = x.Length;
        int panels = (n + PanelRows - 1) / PanelRows;
        if (_partial.Length < 2 * panels) _partial = new double[2 * panels];
        var partial = _partial;
        fixed (double* xp0 = x)
        {
            nint xp = (nint)xp0;
            void Panel(int p)
            {
                int r0 = p * PanelRows, rows = Math.Min(PanelRows, n - r0);
                var xs = new Span<double>((double*)xp + r0, rows);
                var qs = new ReadOnlySpan<double>(q, r0, rows);
                if (c != 0.0) VectorOps.AddScaled(xs, -c, qs);
                partial[2 * p] = dot ? VectorOps.Dot(qs, xs) : 0.0;
                partial[2 * p + 1] = norm ? VectorOps.Dot(xs, xs) : 0.0;
            }
            ChunkLoop.For(panels, n >= ParallelMinimumLength, Panel);
        }
        double s = 0.0, t = 0.0;
        for (int p = 0; p < panels; p++) { s += partial[2 * p]; t += partial[2 * p + 1]; }
        return (s, t);
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (_inputsDeflated)
        {
            _inner.Apply(x, y);
        }
        else
        {
            x.CopyTo(_work);
            Project(_work);
            _inner.Apply(_work, y);
        }
        Project(y);
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> x, Span<double> y, int count)
    {
        int n = Size;
        if (_inner is IBlockLinearOperator block)
        {
            var xp = x[..(n * count)];
            if (!_inputsDeflated)
            {
                if (_blockWork.Length < n * count) _blockWork = new double[n * count];
                var copy = _blockWork.AsSpan(0, n * count);
                xp.CopyTo(copy);
                for (int j = 0; j < count; j++) Project(copy.Slice(j * n, n));
                xp = copy;
            }
            block.Apply(xp, y, count);
            for (int j = 0; j < count; j++) Project(y.Slice(j * n, n));
            return;
        }
        for (int j = 0; j < count; j++) Apply(x.Slice(j * n, n), y.Slice(j * n, n));
    }

    private static double[][] Orthonormalize(int n, IReadOnlyList<double[]> knownVectors)
    {
        var basis = new double[knownVectors.Count][];
        for (int i = 0; i < knownVectors.Count; i++)
        {
            var v = knownVectors[i] ?? throw new ArgumentNullException(nameof(knownVectors), $"Known vector {i} is null.");
            if (v.Length != n) throw new ArgumentException($"Known vector {i} has length {v.Length}, expected {n}.", nameof(knownVectors));
            var q = (double[])v.Clone();
            double original = VectorOps.Norm(q);
            if (!double.IsFinite(original) || original == 0.0)
                throw new ArgumentException($"Known vector {i} has norm {original}; it must be finite and non-zero.", nameof(knownVectors));
            for (int pass = 0; pass < ProjectionPasses; pass++)
                for (int j = 0; j < i; j++) VectorOps.AddScaled(q, -VectorOps.Dot(basis[j], q), basis[j]);
            double norm = VectorOps.Norm(q);
            if (norm < DependenceThreshold * original)
                throw new ArgumentException($"Known vector {i} is linearly dependent on the previous ones.", nameof(knownVectors));
            VectorOps.Scale(q, 1.0 / norm);
            basis[i] = q;
        }
        return basis;
    }
}
