using System.Diagnostics;
using FokkerPlanck.Core.LinearAlgebra.Ordering;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Benchmark of the sparse LDLᵀ solver on 2D 5-point grid matrices: ordering + analysis,
/// factorization, one solve and a multi-RHS solve (after one untimed solve that allocates the
/// workspace), and an in-place refactorization (used by the CLI's <c>bench</c> command).
/// </summary>
public static class FactorizationBenchmark
{
    /// <summary>Diagonal shift added to the benchmark matrices so they are nonsingular.</summary>
    public const double Shift = 1e-3;

    /// <summary>Barrier height of the double well in the Fokker–Planck benchmark, in units of k_BT.</summary>
    private const double BarrierHeight = 4.0;

    /// <summary>Tilt of the double well, in units of k_BT across the domain.</summary>
    private const double Tilt = 0.5;

    /// <summary>Runs the benchmark on an <paramref name="nx"/> × <paramref name="ny"/> grid.</summary>
    /// <param name="nx">Grid points in x (≥ 1).</param>
    /// <param name="ny">Grid points in y (≥ 1).</param>
    /// <param name="matrix">Which matrix to factorize.</param>
    /// <param name="rhsCount">Right-hand sides in the multi-RHS solve (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or the RHS count is not positive.</exception>
    public static FactorizationBenchmarkResult Run(int nx, int ny, BenchmarkMatrix matrix = BenchmarkMatrix.ShiftedGraphLaplacian, int rhsCount = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ny);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rhsCount);
        var a = Build(nx, ny, matrix);
        int n = a.RowCount;
        var sw = Stopwatch.StartNew();
        var symbolic = SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(nx, ny));
        var analyze = sw.Elapsed;
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        sw.Restart();
        using var ldlt = SparseLdlt.Create(a, symbolic);
        var factor = sw.Elapsed;
        process.Refresh();
        var factorCpu = process.TotalProcessorTime - cpu0;
        var b = new double[n * rhsCount];
        var rng = new Random(1);
        for (int i = 0; i < b.Length; i++) b[i] = 2 * rng.NextDouble() - 1;
        var x = new double[n * rhsCount];
        // untimed first solve: allocates the solve workspace once (as an eigensolver's first call would)
        ldlt.Solve(b, x, rhsCount);
        sw.Restart();
        ldlt.Solve(b.AsSpan(0, n), x.AsSpan(0, n));
        var solve = sw.Elapsed;
        var ax = new double[n];
        a.Multiply(x.AsSpan(0, n), ax);
        double r = 0, nb = 0;
        for (int i = 0; i < n; i++) { r += (b[i] - ax[i]) * (b[i] - ax[i]); nb += b[i] * b[i]; }
        sw.Restart();
        ldlt.Solve(b, x, rhsCount);
        var multi = sw.Elapsed;
        sw.Restart();
        ldlt.Refactor(a);
        var refactor = sw.Elapsed;
        process.Refresh();
        long peak = process.PeakWorkingSet64;
        return new FactorizationBenchmarkResult(nx, ny, matrix, n, ldlt.NonZerosInFactor, ldlt.FlopCount,
            analyze, factor, factorCpu, refactor, solve, multi, rhsCount, Math.Sqrt(r / nb), peak);
    }

    /// <summary>Builds the benchmark matrix (index i + nx·j).</summary>
    public static CsrMatrix Build(int nx, int ny, BenchmarkMatrix matrix)
    {
        int n = checked(nx * ny);
        var u = new double[n];
        if (matrix == BenchmarkMatrix.SymmetrizedFokkerPlanck)
        {
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++)
                {
                    double x = -1.5 + 3.0 * (i + 0.5) / nx, y = -1.5 + 3.0 * (j + 0.5) / ny;
                    u[i + nx * j] = BarrierHeight * (x * x - 1) * (x * x - 1) + Tilt * x + 2 * y * y;
                }
        }
        var rp = new int[n + 1];
        var ci = new int[5 * n];
        var v = new double[5 * n];
        int w = 0;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int k = i + nx * j;
                rp[k] = w;
                double diag = Shift;
                int dpos;
                void Edge(int nb, ref double d)
                {
                    // SQRA rate sqrt(π_nb/π_k) = exp(−(u_nb − u_k)/2); symmetrized off-diagonal is −1
                    d += Math.Exp(-(u[nb] - u[k]) / 2);
                }
                if (j > 0) { Edge(k - nx, ref diag); ci[w] = k - nx; v[w++] = -1; }
                if (i > 0) { Edge(k - 1, ref diag); ci[w] = k - 1; v[w++] = -1; }
                dpos = w; ci[w] = k; w++;
                if (i + 1 < nx) { Edge(k + 1, ref diag); ci[w] = k + 1; v[w++] = -1; }
                if (j + 1 < ny) { Edge(k + nx, ref diag); ci[w] = k + nx; v[w++] = -1; }
                v[dpos] = diag;
            }
        rp[n] = w;
        Array.Resize(ref ci, w);
        Array.Resize(ref v, w);
        return new CsrMatrix(n, n, rp, ci, v);
    }
}
