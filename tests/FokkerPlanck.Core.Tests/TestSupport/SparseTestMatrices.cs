using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>Deterministic sparse test matrices (fixed seeds) for the direct solvers.</summary>
internal static class SparseTestMatrices
{
    /// <summary>5-point graph Laplacian of an nx × ny grid (index i + nx·j) with unit spacing, plus <paramref name="shift"/>·I.</summary>
    public static CsrMatrix GridLaplacian(int nx, int ny, double shift)
    {
        var t = new List<(int, int, double)>();
        foreach (var (i, j) in GridEdges(nx, ny))
        {
            t.Add((i, i, 1.0)); t.Add((j, j, 1.0)); t.Add((i, j, -1.0)); t.Add((j, i, -1.0));
        }
        for (int k = 0; k < nx * ny; k++) t.Add((k, k, shift));
        return CsrMatrix.FromTriplets(nx * ny, nx * ny, t);
    }

    /// <summary>Dirichlet 5-point Laplacian (4 on the diagonal, −1 off) with h = 1, minus σ·I.</summary>
    public static CsrMatrix DirichletLaplacian(int nx, int ny, double sigma)
    {
        var t = new List<(int, int, double)>();
        for (int k = 0; k < nx * ny; k++) t.Add((k, k, (ny > 1 ? 4.0 : 2.0) - sigma));
        foreach (var (i, j) in GridEdges(nx, ny)) { t.Add((i, j, -1.0)); t.Add((j, i, -1.0)); }
        return CsrMatrix.FromTriplets(nx * ny, nx * ny, t);
    }

    /// <summary>Random SPD matrix on the 5-point grid pattern: weighted Laplacian plus a random positive diagonal.</summary>
    public static CsrMatrix RandomSpdGrid(int nx, int ny, int seed)
    {
        var rng = new Random(seed);
        var t = new List<(int, int, double)>();
        foreach (var (i, j) in GridEdges(nx, ny))
        {
            double w = 0.5 + rng.NextDouble();
            t.Add((i, i, w)); t.Add((j, j, w)); t.Add((i, j, -w)); t.Add((j, i, -w));
        }
        for (int k = 0; k < nx * ny; k++) t.Add((k, k, 0.1 + rng.NextDouble()));
        return CsrMatrix.FromTriplets(nx * ny, nx * ny, t);
    }

    /// <summary>Random SPD matrix with a random (non-grid) symmetric pattern of about <paramref name="degree"/> neighbours per row.</summary>
    public static CsrMatrix RandomSpdPattern(int n, int degree, int seed)
    {
        var rng = new Random(seed);
        var t = new List<(int, int, double)>();
        var diag = new double[n];
        for (int e = 0; e < n * degree / 2; e++)
        {
            int i = rng.Next(n), j = rng.Next(n);
            if (i == j) continue;
            double w = rng.NextDouble() - 0.5;
            t.Add((i, j, w)); t.Add((j, i, w));
            diag[i] += Math.Abs(w); diag[j] += Math.Abs(w);
        }
        for (int k = 0; k < n; k++) t.Add((k, k, diag[k] + 0.1 + rng.NextDouble()));
        return CsrMatrix.FromTriplets(n, n, t);
    }

    /// <summary>
    /// Upwind convection–diffusion on an nx × ny grid: −Δu + v·∇u + c·u with a swirling velocity and
    /// first-order upwinding. An M-matrix (nonpositive off-diagonals, column sums ≥ c) with a
    /// symmetric pattern and unsymmetric values.
    /// </summary>
    public static CsrMatrix UpwindConvectionDiffusion(int nx, int ny, double speed, double c)
    {
        var t = new List<(int, int, double)>();
        foreach (var (i, j) in GridEdges(nx, ny))
        {
            // velocity at the edge midpoint, projected on the edge direction (i → j)
            int xi = i % nx, yi = i / nx, xj = j % nx, yj = j / nx;
            double mx = 0.5 * (xi + xj) / nx - 0.5, my = 0.5 * (yi + yj) / Math.Max(1, ny) - 0.5;
            double vx = -my * speed, vy = mx * speed;
            double v = (xj - xi) * vx + (yj - yi) * vy; // flux from i to j
            // diffusion 1 plus upwind: outflow from the upwind node
            double aij = -1.0 - Math.Max(-v, 0); // effect of u_j on row i
            double aji = -1.0 - Math.Max(v, 0);
            t.Add((i, j, aij)); t.Add((j, i, aji));
            t.Add((i, i, -aji)); t.Add((j, j, -aij));
        }
        for (int k = 0; k < nx * ny; k++) t.Add((k, k, c));
        return CsrMatrix.FromTriplets(nx * ny, nx * ny, t);
    }

    /// <summary>Edges (i, j), i &lt; j, of the 5-point stencil on an nx × ny grid.</summary>
    public static IEnumerable<(int I, int J)> GridEdges(int nx, int ny)
    {
        for (int y = 0; y < ny; y++)
            for (int x = 0; x < nx; x++)
            {
                int k = x + nx * y;
                if (x + 1 < nx) yield return (k, k + 1);
                if (y + 1 < ny) yield return (k, k + nx);
            }
    }

    /// <summary>Deterministic vector with entries in [−1, 1].</summary>
    public static double[] RandomVector(int n, int seed)
    {
        var rng = new Random(seed);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * rng.NextDouble() - 1;
        return v;
    }

    /// <summary>Relative residual ‖b − A x‖₂ / ‖b‖₂.</summary>
    public static double RelativeResidual(CsrMatrix a, ReadOnlySpan<double> x, ReadOnlySpan<double> b)
    {
        var ax = new double[b.Length];
        a.Multiply(x, ax);
        double r = 0, nb = 0;
        for (int i = 0; i < b.Length; i++) { r += (b[i] - ax[i]) * (b[i] - ax[i]); nb += b[i] * b[i]; }
        return Math.Sqrt(r / nb);
    }
}
