using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>
/// Cell-centred finite-volume Neumann Laplacians (negated, so positive semi-definite) on the unit
/// interval / square, and their exact discrete spectra: 1D eigenvalues 4/h² sin²(πk/(2n)),
/// k = 0…n−1, eigenvectors cos(πk(i+½)/n); 2D eigenvalues are sums (Kronecker sum, x fastest).
/// </summary>
internal static class Laplacians
{
    public static CsrMatrix Neumann1D(int n, double h)
    {
        var t = new List<(int, int, double)>();
        double s = 1.0 / (h * h);
        for (int i = 0; i < n; i++)
        {
            double diag = 0.0;
            if (i > 0) { t.Add((i, i - 1, -s)); diag += s; }
            if (i < n - 1) { t.Add((i, i + 1, -s)); diag += s; }
            t.Add((i, i, diag));
        }
        return CsrMatrix.FromTriplets(n, n, t);
    }

    public static CsrMatrix Neumann2D(int nx, int ny, double hx, double hy, Func<int, int, double>? potential = null)
    {
        var t = new List<(int, int, double)>();
        double sx = 1.0 / (hx * hx), sy = 1.0 / (hy * hy);
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int p = i + nx * j;
                double diag = potential?.Invoke(i, j) ?? 0.0;
                if (i > 0) { t.Add((p, p - 1, -sx)); diag += sx; }
                if (i < nx - 1) { t.Add((p, p + 1, -sx)); diag += sx; }
                if (j > 0) { t.Add((p, p - nx, -sy)); diag += sy; }
                if (j < ny - 1) { t.Add((p, p + nx, -sy)); diag += sy; }
                t.Add((p, p, diag));
            }
        return CsrMatrix.FromTriplets(nx * ny, nx * ny, t);
    }

    public static double[] Spectrum1D(int n, double h)
    {
        var v = new double[n];
        for (int k = 0; k < n; k++)
        {
            double s = Math.Sin(Math.PI * k / (2.0 * n));
            v[k] = 4.0 / (h * h) * s * s;
        }
        return v;
    }

    public static double[] Spectrum2D(int nx, int ny, double hx, double hy)
    {
        var x = Spectrum1D(nx, hx);
        var y = Spectrum1D(ny, hy);
        var all = new double[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) all[i + nx * j] = x[i] + y[j];
        Array.Sort(all);
        return all;
    }

    /// <summary>The normalized constant vector: the exact null vector of every Neumann Laplacian here.</summary>
    public static double[] ConstantMode(int n)
    {
        var q = new double[n];
        Array.Fill(q, 1.0 / Math.Sqrt(n));
        return q;
    }
}
