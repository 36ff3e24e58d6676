using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Spectral.Dense;

/// <summary>
/// Complete eigendecomposition A = V Λ Vᵀ of a dense real symmetric matrix: Householder
/// tridiagonalization followed by implicit symmetric QR. O(n³) time (measured ≈ 1 s at n = 500 and
/// ≈ 5 s at n = 1000, Release build, on par with MathNet's managed EVD) and O(n²) memory, so meant
/// for n ≲ 2000: the Rayleigh–Ritz step of the Lanczos method, tiny 1D problems and test references.
/// </summary>
/// <remarks>
/// Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed. (2013): §8.3.1, Algorithm 8.3.1
/// (Householder tridiagonalization, using the symmetric rank-2 update A ← A − v wᵀ − w vᵀ with
/// p = βAv, w = p − (βpᵀv/2)v), §5.1.6 (backward accumulation of the Householder product) and
/// §8.3.5 (implicit QR, <see cref="SymmetricTridiagonalQr"/>). Only the lower triangle of the
/// input is read. Eigenvalues are returned in ascending order with unit-norm eigenvectors.
/// </remarks>
public sealed class DenseSymmetricEigen
{
    private readonly double[] _values;
    private readonly double[] _vectors;

    private DenseSymmetricEigen(int n, double[] values, double[] vectors, bool converged)
    {
        Size = n;
        _values = values;
        _vectors = vectors;
        Converged = converged;
    }

    /// <summary>Dimension n.</summary>
    public int Size { get; }

    /// <summary>False when the QR iteration hit its step cap (results unreliable; practically never happens).</summary>
    public bool Converged { get; }

    /// <summary>Eigenvalues in ascending order.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Eigenvectors, column-major n×n: column j (entries j·n … j·n + n − 1) belongs to <c>Values[j]</c>.</summary>
    public ReadOnlySpan<double> Vectors => _vectors;

    /// <summary>Eigenvector <paramref name="j"/> as a span of length n.</summary>
    /// <param name="j">Index in [0, n).</param>
    public ReadOnlySpan<double> Vector(int j) => _vectors.AsSpan(j * Size, Size);

    /// <summary>Decomposes a symmetric matrix given in column-major order (lower triangle read).</summary>
    /// <param name="matrix">Entries, length n², column-major.</param>
    /// <param name="n">Dimension.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    /// <exception cref="ArgumentException">The span length is not n² or an entry is not finite.</exception>
    public static DenseSymmetricEigen Compute(ReadOnlySpan<double> matrix, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (matrix.Length != n * n) throw new ArgumentException($"matrix has {matrix.Length} entries, expected n² = {n * n}.", nameof(matrix));
        if (!VectorOps.AllFinite(matrix)) throw new ArgumentException("matrix has non-finite entries.", nameof(matrix));
        var a = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++) a[i + j * n] = a[j + i * n] = matrix[i + j * n];

        var d = new double[n];
        var e = new double[Math.Max(n - 1, 0)];
        var beta = new double[n];
        Tridiagonalize(a, n, d, e, beta);
        var z = AccumulateQ(a, n, beta);
        bool ok = SymmetricTridiagonalQr.Diagonalize(d, e, z, n);
        return Sorted(n, d, z, ok);
    }

    /// <summary>Forms the dense matrix of an operator by applying it to the unit vectors, then decomposes it.</summary>
    /// <param name="matrix">A symmetric operator of small size.</param>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static DenseSymmetricEigen Compute(ILinearOperator matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.Size;
        var a = new double[n * n];
        var unit = new double[n];
        for (int j = 0; j < n; j++)
        {
            unit[j] = 1.0;
            matrix.Apply(unit, a.AsSpan(j * n, n));
            unit[j] = 0.0;
        }
        // Symmetrize so that reading the lower triangle loses nothing of a slightly asymmetric operator.
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++) a[i + j * n] = 0.5 * (a[i + j * n] + a[j + i * n]);
        return Compute(a, n);
    }

    /// <summary>Householder reduction to tridiagonal form; the vectors v_k are stored below the subdiagonal of column k.</summary>
    private static void Tridiagonalize(double[] a, int n, double[] d, double[] e, double[] beta)
    {
        var p = new double[n];
        for (int k = 0; k + 2 < n; k++)
        {
            int m = n - k - 1, off = k + 1;
            var v = a.AsSpan(off + k * n, m); // x = A[k+1:, k], overwritten by v
            double sigma = VectorOps.Norm(v);
            if (sigma == 0.0) { beta[k] = 0.0; e[k] = 0.0; continue; }
            double alpha = v[0] >= 0.0 ? -sigma : sigma; // avoid cancellation in v0 = x0 − alpha
            v[0] -= alpha;
            double b = 2.0 / VectorOps.Dot(v, v);
            beta[k] = b;
            e[k] = alpha;
            // p = β S v with S = A[k+1:, k+1:]
            var ps = p.AsSpan(0, m);
            ps.Clear();
            for (int j = 0; j < m; j++)
            {
                var col = a.AsSpan(off + (off + j) * n, m);
                VectorOps.AddScaled(ps, b * v[j], col);
            }
            double kk = 0.5 * b * VectorOps.Dot(ps, v);
            VectorOps.AddScaled(ps, -kk, v); // w = p − K v
            for (int j = 0; j < m; j++)
            {
                var col = a.AsSpan(off + (off + j) * n, m);
                double vj = v[j], wj = ps[j];
                for (int i = 0; i < m; i++) col[i] -= v[i] * wj + ps[i] * vj;
            }
        }
        for (int k = 0; k < n; k++) d[k] = a[k + k * n];
        if (n >= 2) e[n - 2] = a[(n - 1) + (n - 2) * n];
    }

    /// <summary>Q = H₀H₁…H_{n−3} by backward accumulation (G&amp;VL §5.1.6).</summary>
    private static double[] AccumulateQ(double[] a, int n, double[] beta)
    {
        var q = new double[n * n];
        for (int i = 0; i < n; i++) q[i + i * n] = 1.0;
        for (int k = n - 3; k >= 0; k--)
        {
            if (beta[k] == 0.0) continue;
            int m = n - k - 1, off = k + 1;
            var v = a.AsSpan(off + k * n, m);
            for (int j = off; j < n; j++)
            {
                var col = q.AsSpan(off + j * n, m);
                VectorOps.AddScaled(col, -beta[k] * VectorOps.Dot(v, col), v);
            }
        }
        return q;
    }

    private static DenseSymmetricEigen Sorted(int n, double[] d, double[] z, bool ok)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort((double[])d.Clone(), order);
        var values = new double[n];
        var vectors = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            values[j] = d[order[j]];
            z.AsSpan(order[j] * n, n).CopyTo(vectors.AsSpan(j * n, n));
        }
        return new DenseSymmetricEigen(n, values, vectors, ok);
    }
}
