namespace FokkerPlanck.Core.Numerics;

/// <summary>
/// The exponential of a small dense matrix by the diagonal Padé approximant of degree 6 with
/// scaling and squaring (Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., Algorithm 9.3.1;
/// Moler and Van Loan, SIAM Review 45, 3 (2003), method 3).
/// </summary>
/// <remarks>
/// The matrix is scaled by <c>2^{−s}</c> until <c>‖A/2^s‖_∞ ≤ ½</c>, where the [6/6] approximant's
/// relative error bound <c>2^{3−2q}(q!)²/((2q)!(2q+1)!)</c> with q = 6 is 3.4·10⁻¹⁶; the result is
/// squared s times. Meant for the projected matrices of Krylov methods (order ≤ ~100).
/// </remarks>
public static class DenseMatrixExponential
{
    /// <summary>Padé degree q.</summary>
    private const int Degree = 6;

    /// <summary>Norm the scaled matrix must not exceed (for the error bound above).</summary>
    private const double ScaledNormLimit = 0.5;

    /// <summary>Returns <c>exp(a)</c>.</summary>
    /// <exception cref="ArgumentException">The matrix is not square or not finite.</exception>
    public static double[,] Exponential(double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.GetLength(0);
        if (a.GetLength(1) != n) throw new ArgumentException("The matrix must be square.", nameof(a));
        double norm = InfinityNorm(a);
        if (!double.IsFinite(norm)) throw new ArgumentException("The matrix has non-finite entries.", nameof(a));
        int s = norm > ScaledNormLimit ? (int)Math.Ceiling(Math.Log2(norm / ScaledNormLimit)) : 0;
        var x = Scale(a, Math.Pow(2, -s));
        // N = Σ c_k X^k, D = Σ (−1)^k c_k X^k, c_0 = 1, c_k = c_{k−1}(q − k + 1)/((2q − k + 1)k)
        var num = Identity(n); var den = Identity(n); var power = Identity(n);
        double c = 1;
        for (int k = 1; k <= Degree; k++)
        {
            c *= (double)(Degree - k + 1) / ((2 * Degree - k + 1) * k);
            power = Multiply(power, x);
            AddScaled(num, power, c);
            AddScaled(den, power, k % 2 == 0 ? c : -c);
        }
        var e = Solve(den, num);
        for (int k = 0; k < s; k++) e = Multiply(e, e);
        return e;
    }

    /// <summary><c>exp(a)·v</c> for a vector v.</summary>
    public static double[] Apply(double[,] a, ReadOnlySpan<double> v)
    {
        var e = Exponential(a);
        int n = v.Length;
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += e[i, j] * v[j];
            y[i] = s;
        }
        return y;
    }

    private static double InfinityNorm(double[,] a)
    {
        double m = 0;
        for (int i = 0; i < a.GetLength(0); i++)
        {
            double s = 0;
            for (int j = 0; j < a.GetLength(1); j++) s += Math.Abs(a[i, j]);
            m = Math.Max(m, s);
        }
        return m;
    }

    private static double[,] Identity(int n)
    {
        var r = new double[n, n];
        for (int i = 0; i < n; i++) r[i, i] = 1;
        return r;
    }

    /// <summary><c>f·a</c> as a new matrix.</summary>
    internal static double[,] Scale(double[,] a, double f)
    {
        int n = a.GetLength(0);
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) r[i, j] = f * a[i, j];
        return r;
    }

    private static void AddScaled(double[,] target, double[,] a, double f)
    {
        int n = a.GetLength(0);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) target[i, j] += f * a[i, j];
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                double aik = a[i, k];
                if (aik == 0) continue;
                for (int j = 0; j < n; j++) r[i, j] += aik * b[k, j];
            }
        return r;
    }

    /// <summary>Solves <c>D X = N</c> by Gaussian elimination with partial pivoting (for the Padé denominator, well conditioned when ‖X‖ ≤ ½; also the small inverses of Krylov methods).</summary>
    internal static double[,] Solve(double[,] d, double[,] rhs)
    {
        int n = d.GetLength(0);
        var a = (double[,])d.Clone();
        var x = (double[,])rhs.Clone();
        for (int k = 0; k < n; k++)
        {
            int p = k;
            for (int i = k + 1; i < n; i++) if (Math.Abs(a[i, k]) > Math.Abs(a[p, k])) p = i;
            if (p != k)
                for (int j = 0; j < n; j++) { (a[k, j], a[p, j]) = (a[p, j], a[k, j]); (x[k, j], x[p, j]) = (x[p, j], x[k, j]); }
            for (int i = k + 1; i < n; i++)
            {
                double f = a[i, k] / a[k, k];
                if (f == 0) continue;
                for (int j = k; j < n; j++) a[i, j] -= f * a[k, j];
                for (int j = 0; j < n; j++) x[i, j] -= f * x[k, j];
            }
        }
        for (int k = n - 1; k >= 0; k--)
            for (int j = 0; j < n; j++)
            {
                double s = x[k, j];
                for (int i = k + 1; i < n; i++) s -= a[k, i] * x[i, j];
                x[k, j] = s / a[k, k];
            }
        return x;
    }
}
