using System.Diagnostics;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Lanczos;
using FokkerPlanck.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace FokkerPlanck.Core.Tests.Spectral.Lanczos;

/// <summary>
/// Measurement behind <see cref="EigenOptions.DefaultBlockSize"/>: operator applications and solve
/// calls for k = 6 slowest modes (stationary mode deflated) of a 2D Neumann Laplacian, per block
/// size. Runs only when the environment variable FP_EIGEN_BENCH is set to the grid side (e.g. 512);
/// otherwise it returns at once so the unit-test run stays fast.
/// </summary>
public class BlockSizeBenchmark(ITestOutputHelper output)
{
    /// <summary>
    /// Cost of one block solve with b right-hand sides in units of a single solve, t(b) = 1 + α(b − 1):
    /// a sparse triangular solve streams the factor once per call (memory-bound) and pays only the
    /// per-vector arithmetic and vector traffic for each extra column; α = 0.25…1 brackets SIMD-blocked
    /// to naive implementations.
    /// </summary>
    private static readonly double[] Alphas = [0.25, 0.5, 1.0];

    [Theory]
    [InlineData(1.0)] // square: exactly degenerate pairs
    [InlineData(1.1)] // rectangle 1 × 1.1: distinct eigenvalues
    public void Solve_Laplacian2D_ReportsApplicationsPerBlockSize(double aspect)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("FP_EIGEN_BENCH"), out int side)) return;
        int nx = side, ny = side;
        double hx = 1.0 / nx, hy = aspect / ny;
        var a = Laplacians.Neumann2D(nx, ny, hx, hy);
        var exact = Laplacians.Spectrum2D(nx, ny, hx, hy);
        output.WriteLine($"grid {nx}x{ny}, aspect {aspect}, exact λ1..6 = {string.Join(", ", exact.Take(6).Select(v => v.ToString("G8")))}");
        var dims = (Environment.GetEnvironmentVariable("FP_EIGEN_BENCH_M") ?? "0").Split(',').Select(int.Parse).ToArray();
        foreach (int m in dims)
        foreach (int b in (Environment.GetEnvironmentVariable("FP_EIGEN_BENCH_B") ?? "1,2,3,4,6,8").Split(',').Select(int.Parse))
        {
            var problem = new EigenProblem
            {
                Matrix = a,
                ShiftedSolverFactory = s => new KroneckerSumSolver(nx, ny, hx, hy, s),
                KnownVectors = [Laplacians.ConstantMode(nx * ny)],
                KnownValues = [0.0],
                EigenvalueCounter = x => exact.Count(l => l < x),
            };
            var sw = Stopwatch.StartNew();
            var r = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 6, Shift = -1.0, BlockSize = b, KrylovDimension = m == 0 ? null : m });
            sw.Stop();
            double maxErr = r.Values.Select((v, j) => Math.Abs(v - exact[j]) / exact[^1]).Max();
            string model = string.Join(" ", Alphas.Select(al => $"α={al}:{r.OperatorCalls * (1 + al * (b - 1)):F0}"));
            output.WriteLine($"m={(m == 0 ? "default" : m.ToString())} b={b}: status={r.Status} restarts={r.Iterations} applications={r.OperatorApplications} calls={r.OperatorCalls} " +
                             $"A-products={r.MatrixApplications} missed={r.MissedEigenvalues} max|Δλ|/‖A‖={maxErr:E1} model[{model}] wall={sw.Elapsed.TotalSeconds:F1}s");
        }
    }

    [Fact]
    public void Solve_SeparableDoubleWell2D_ReportsApplicationsPerBlockSize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("FP_EIGEN_BENCH"), out int side)) return;
        // Symmetrized SQRA generator of U(x, y) = (x² − 1)² + (y² − 1)²/2 at T = 0.08: a Kramers pair
        // λ₂ ≪ λ₃ from the x barrier, then the y barrier, and their sums.
        var ax = DoubleWellSpectrumTests.SymmetrizedDoubleWell(side, 0.08, out var px);
        var ay = DoubleWellSpectrumTests.SymmetrizedDoubleWell(side, 0.16, out var py);
        var a = KroneckerSumSolver.Assemble(ax, ay);
        var q = new double[side * side];
        for (int j = 0; j < side; j++)
            for (int i = 0; i < side; i++) q[i + side * j] = px[i] * py[j];
        foreach (int b in (Environment.GetEnvironmentVariable("FP_EIGEN_BENCH_B") ?? "1,2,3,4,6,8").Split(',').Select(int.Parse))
        {
            var problem = new EigenProblem
            {
                Matrix = a,
                ShiftedSolverFactory = s => new KroneckerSumSolver(ax, ay, s),
                KnownVectors = [q],
                KnownValues = [0.0],
            };
            var r = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 6, Shift = -0.5, BlockSize = b });
            string model = string.Join(" ", Alphas.Select(al => $"α={al}:{r.OperatorCalls * (1 + al * (b - 1)):F0}"));
            output.WriteLine($"double well {side}², b={b}: status={r.Status} restarts={r.Iterations} applications={r.OperatorApplications} calls={r.OperatorCalls} " +
                             $"λ = {string.Join(", ", r.Values.Select(v => v.ToString("G6")))} model[{model}]");
        }
    }
}
