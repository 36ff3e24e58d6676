using System.Diagnostics;
using System.Numerics;

namespace FokkerPlanck.Core.Benchmarks;

/// <summary>
/// Sustained read bandwidth of main memory (a vectorized sum over a buffer far larger than the
/// caches), the ceiling of the memory-bound kernels: sparse triangular solves stream the whole
/// factor and Gram–Schmidt streams the Krylov basis.
/// </summary>
public static class MemoryBandwidth
{
    /// <summary>Buffer size in doubles (512 MiB): several times any last-level cache.</summary>
    public const int BufferLength = 1 << 26;

    /// <summary>Timed repetitions; the best one is reported (the least disturbed by other tenants).</summary>
    public const int Repetitions = 3;

    /// <summary>Best read bandwidth in GB/s (10⁹ bytes per second) with <paramref name="threads"/> threads.</summary>
    /// <param name="threads">Threads reading disjoint slices (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is not positive.</exception>
    public static double Measure(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var buffer = new double[BufferLength];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var (start, length) = Slice(t, threads);
            buffer.AsSpan(start, length).Fill(1.0); // touch every page before timing
        });
        var sums = new double[threads];
        double best = 0.0;
        for (int rep = 0; rep < Repetitions; rep++)
        {
            var sw = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var (start, length) = Slice(t, threads);
                sums[t] = Sum(buffer.AsSpan(start, length));
            });
            double seconds = sw.Elapsed.TotalSeconds;
            best = Math.Max(best, BufferLength * (double)sizeof(double) / seconds / 1e9);
        }
        return sums.Sum() > 0 ? best : double.NaN;
    }

    private static (int Start, int Length) Slice(int t, int threads)
    {
        int per = BufferLength / threads;
        int start = t * per;
        return (start, t == threads - 1 ? BufferLength - start : per);
    }

    private static double Sum(ReadOnlySpan<double> x)
    {
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        int w = Vector<double>.Count, i = 0;
        for (; i + 2 * w <= x.Length; i += 2 * w)
        {
            acc0 += new Vector<double>(x.Slice(i, w));
            acc1 += new Vector<double>(x.Slice(i + w, w));
        }
        double s = Vector.Sum(acc0 + acc1);
        for (; i < x.Length; i++) s += x[i];
        return s;
    }
}
