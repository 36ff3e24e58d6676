using System.Diagnostics;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.Benchmarks;

/// <summary>
/// Times the relaxation spectrum of a <see cref="BenchmarkCase"/> at one grid size the way the SciPy
/// peer computes it (<c>sqra_ref.py … si_mmd</c>): K modes with λ₁ = 0 included, no inertia
/// verification and no left-vector refinement; those are timed separately on request.
/// </summary>
/// <remarks>
/// Peak memory is the process-wide high-water mark (<see cref="Process.PeakWorkingSet64"/>, Linux
/// <c>VmHWM</c>, the quantity <c>ru_maxrss</c> reports to the peer), so a clean figure needs one
/// process per size; the caller arranges that.
/// </remarks>
public static class SpectrumBenchmark
{
    /// <summary>Modes, λ₁ = 0 included (the peer's <c>eigsh(k=6)</c>).</summary>
    public const int DefaultModes = 6;

    /// <summary>Relative residual tolerance of the eigenpairs.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>Grid size of the untimed warm-up solve that JIT-compiles every code path first.</summary>
    public const int WarmupCells = 32;

    /// <summary>Coarsening of the warm-up's coarse level (32² → 8²: small enough that the warm-up takes the coarse-start path too).</summary>
    public const int WarmupCoarsening = 4;

    private const double BytesPerMiB = 1024.0 * 1024.0;

    /// <summary>Runs the benchmark at N × N cells.</summary>
    /// <param name="benchmarkCase">The problem.</param>
    /// <param name="cellsPerAxis">N.</param>
    /// <param name="modes">Number of modes (λ₁ = 0 included).</param>
    /// <param name="tolerance">Eigenpair tolerance.</param>
    /// <param name="warmup">Run an untimed <see cref="WarmupCells"/>² solve first.</param>
    /// <param name="extras">Afterwards, time a second solve with inertia verification and left-vector refinement.</param>
    /// <param name="blockSize">Lanczos block size; null for the spectrum solver's choice (<see cref="SpectrumOptions.BlockSize"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">N &lt; 2, or modes outside [2, N²].</exception>
    public static SpectrumBenchmarkResult Run(BenchmarkCase benchmarkCase, int cellsPerAxis, int modes = DefaultModes,
        double tolerance = DefaultTolerance, bool warmup = true, bool extras = false, int? blockSize = null)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellsPerAxis, 2);
        var likeForLike = new SpectrumOptions { Modes = modes, Tolerance = tolerance, VerifyCount = false, RefineLeftVectors = false, BlockSize = blockSize ?? new SpectrumOptions().BlockSize };
        if (warmup)
            new RelaxationSpectrumSolver().Solve(benchmarkCase.CreateOperator(WarmupCells),
                likeForLike with { Modes = Math.Min(modes, WarmupCells * WarmupCells), CoarseCellsPerAxis = WarmupCells / WarmupCoarsening });
        GC.Collect();
        GC.WaitForPendingFinalizers();

        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        // the ordering depends on the grid only: it starts first and runs beside the sampling and assembly
        var analysis = RelaxationSpectrumSolver.AnalyzeGridAsync(benchmarkCase.CreateGrid(cellsPerAxis));
        var op = benchmarkCase.CreateOperator(cellsPerAxis);
        double tSample = sw.Elapsed.TotalSeconds;
        var spectrum = new RelaxationSpectrumSolver(analysis).Solve(op, likeForLike);
        double total = sw.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        double peak = process.PeakWorkingSet64 / BytesPerMiB;

        var a = op.Assemble(FokkerPlanckOperator.Form.SymmetricPositive);
        var (ours, scipy) = Residuals(a, spectrum.Eigenvalues, spectrum.SymmetricModes);
        var t = spectrum.Timings;

        SpectrumBenchmarkExtras? extra = null;
        if (extras)
        {
            var full = likeForLike with { VerifyCount = true, RefineLeftVectors = true };
            var sw2 = Stopwatch.StartNew();
            var s2 = new RelaxationSpectrumSolver().Solve(benchmarkCase.CreateOperator(cellsPerAxis), full);
            double t2 = sw2.Elapsed.TotalSeconds;
            process.Refresh();
            extra = new SpectrumBenchmarkExtras(s2.Timings.Verification, s2.MissedEigenvalues, s2.Timings.LeftVectors,
                s2.LeftResiduals.Max(), t2, process.PeakWorkingSet64 / BytesPerMiB);
        }

        return new SpectrumBenchmarkResult(benchmarkCase.Name, cellsPerAxis, op.Size, a.NonZerosCount,
            tSample + t.Assembly, t.Ordering, t.Factorization, t.Iteration, t.Verification + t.LeftVectors,
            total, cpu, peak, spectrum.Eigenvalues, ours, scipy, spectrum.Residuals,
            spectrum.Status.ToString(), spectrum.Iterations, spectrum.Solves, spectrum.Shift, spectrum.BlockSize, warmup ? WarmupCells : 0, extra, t.CoarseStart);
    }

    /// <summary>
    /// Eigen-residuals of unit vectors φ_k: <c>‖Aφ − λφ‖₂ / ‖A‖₁</c> and the peer's
    /// <c>‖Aφ − λφ‖₂ / max(1, max_k |λ_k|)</c>.
    /// </summary>
    public static (double[] Relative, double[] Scipy) Residuals(CsrMatrix a, IReadOnlyList<double> values, IReadOnlyList<double[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(vectors);
        double norm1 = OneNorm(a);
        double scale = Math.Max(1.0, values.Max(Math.Abs));
        var rel = new double[values.Count];
        var sci = new double[values.Count];
        var y = new double[a.RowCount];
        for (int k = 0; k < values.Count; k++)
        {
            var phi = vectors[k];
            a.Multiply(phi, y);
            double s = 0, nn = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double r = y[i] - values[k] * phi[i];
                s += r * r;
                nn += phi[i] * phi[i];
            }
            double res = Math.Sqrt(s / nn);
            rel[k] = res / norm1;
            sci[k] = res / scale;
        }
        return (rel, sci);
    }

    /// <summary>Largest absolute column sum (= row sum for symmetric A).</summary>
    private static double OneNorm(CsrMatrix a)
    {
        var rp = a.RowPointers; var v = a.Values;
        double best = 0;
        for (int i = 0; i < a.RowCount; i++)
        {
            double s = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++) s += Math.Abs(v[p]);
            best = Math.Max(best, s);
        }
        return best;
    }
}
