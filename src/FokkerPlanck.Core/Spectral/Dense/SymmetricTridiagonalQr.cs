namespace FokkerPlanck.Core.Spectral.Dense;

/// <summary>
/// Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by the implicit symmetric
/// QR iteration with the Wilkinson shift.
/// </summary>
/// <remarks>
/// Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed. (2013), §8.3.5, Algorithm 8.3.2
/// (implicit symmetric QR step with Wilkinson shift, bulge chased by Givens rotations) and
/// Algorithm 8.3.3 (the driver that deflates when an off-diagonal entry becomes negligible,
/// |e_i| ≤ ε(|d_i| + |d_{i+1}|), eq. 8.3.15). Rotations are accumulated into Z so that the
/// eigenvectors of the original matrix are obtained when Z starts as the tridiagonalizing Q.
/// Convergence is cubic in practice; the iteration cap below only guards against pathologies.
/// </remarks>
internal static class SymmetricTridiagonalQr
{
    /// <summary>
    /// QR steps allowed per eigenvalue before giving up; Wilkinson-shifted QR needs about two on
    /// average (G&amp;VL §8.3.5), so 30 is generous (the same cap as the classic EISPACK drivers).
    /// </summary>
    private const int MaxStepsPerEigenvalue = 30;

    /// <summary>
    /// Absolute floor of the deflation test, for off-diagonals next to (near-)zero diagonal
    /// entries where the relative test |e| ≤ ε(|d_i| + |d_{i+1}|) can never fire.
    /// </summary>
    private const double AbsoluteDeflationFloor = 2.2250738585072014e-308; // smallest normal double

    /// <summary>
    /// Diagonalizes T = tridiag(e, d, e) in place: on return <paramref name="d"/> holds the
    /// eigenvalues (unsorted) and the columns of Z (n×n column-major, <paramref name="z"/>) have been
    /// multiplied by the accumulated rotations.
    /// </summary>
    /// <returns>False when the iteration cap was hit (the values are then unreliable).</returns>
    public static bool Diagonalize(Span<double> d, Span<double> e, Span<double> z, int n)
    {
        int steps = 0, maxSteps = MaxStepsPerEigenvalue * Math.Max(n, 1);
        int hi = n - 1;
        while (hi > 0)
        {
            if (Negligible(e[hi - 1], d[hi - 1], d[hi])) { e[hi - 1] = 0.0; hi--; continue; }
            int lo = hi - 1;
            while (lo > 0 && !Negligible(e[lo - 1], d[lo - 1], d[lo])) lo--;
            if (lo > 0) e[lo - 1] = 0.0;
            if (++steps > maxSteps) return false;
            Step(d, e, z, n, lo, hi);
        }
        return true;
    }

    private static bool Negligible(double e, double d0, double d1) =>
        Math.Abs(e) <= AbsoluteDeflationFloor || Math.Abs(e) <= Epsilon * (Math.Abs(d0) + Math.Abs(d1));

    /// <summary>Unit roundoff of IEEE double (2⁻⁵³).</summary>
    private const double Epsilon = 1.1102230246251565e-16;

    /// <summary>One implicit QR step with Wilkinson shift on the unreduced block [lo, hi].</summary>
    private static void Step(Span<double> d, Span<double> e, Span<double> z, int n, int lo, int hi)
    {
        // Wilkinson shift: eigenvalue of the trailing 2×2 block closer to d[hi] (G&VL eq. 8.3.13).
        double dd = 0.5 * (d[hi - 1] - d[hi]);
        double ee = e[hi - 1];
        double denom = dd + CopySign(Hypot(dd, ee), dd);
        double mu = denom == 0.0 ? d[hi] : d[hi] - ee * ee / denom;

        double x = d[lo] - mu, y = e[lo];
        for (int k = lo; k < hi; k++)
        {
            // Rotation R with columns (c, s) and (−s, c) on indices (k, k+1) zeroing y against x.
            double r = Hypot(x, y);
            double c = r == 0.0 ? 1.0 : x / r;
            double s = r == 0.0 ? 0.0 : y / r;
            if (k > lo) e[k - 1] = r;

            double a = d[k], b = e[k], cc = d[k + 1];
            d[k] = c * c * a + 2.0 * c * s * b + s * s * cc;
            d[k + 1] = s * s * a - 2.0 * c * s * b + c * c * cc;
            e[k] = c * s * (cc - a) + (c * c - s * s) * b;
            if (k < hi - 1)
            {
                double bulge = s * e[k + 1];
                e[k + 1] *= c;
                x = e[k];
                y = bulge;
            }

            var zk = z.Slice(k * n, n);
            var zk1 = z.Slice((k + 1) * n, n);
            for (int i = 0; i < n; i++)
            {
                double p = zk[i], q = zk1[i];
                zk[i] = c * p + s * q;
                zk1[i] = -s * p + c * q;
            }
        }
    }

    private static double Hypot(double a, double b) => double.Hypot(a, b);

    private static double CopySign(double magnitude, double sign) => sign >= 0.0 ? magnitude : -magnitude;
}
