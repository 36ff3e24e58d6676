using System.Globalization;

namespace FokkerPlanck.Core.Memory;

/// <summary>The kinds of work whose peak memory <see cref="MemoryModel"/> estimates.</summary>
public enum MemoryWorkload
{
    /// <summary>Eigen-solve (<c>spectrum</c>, <c>mpemba</c>): shift-invert LDLᵀ, Krylov basis, inertia count, left-vector LU.</summary>
    Spectrum,

    /// <summary>Time stepping (<c>evolve</c>): the eigen-solve of the final LR, then the implicit stepper's LU.</summary>
    Evolve,

    /// <summary>A Langevin ensemble (<c>langevin</c>) beside its Fokker–Planck reference run.</summary>
    Langevin,
}

/// <summary>One term of a memory estimate.</summary>
/// <param name="Name">What the bytes hold, e.g. "factor (2 × 14.5M entries)".</param>
/// <param name="Bytes">Bytes.</param>
/// <param name="PerProcess">Held once per process however many workloads run in it (the runtime), not once per workload.</param>
public sealed record MemoryTerm(string Name, long Bytes, bool PerProcess = false);

/// <summary>
/// Estimated peak memory (resident set) of a command on one grid: the sum of its <see cref="Terms"/>,
/// computed by <see cref="MemoryModel"/> from the symbolic analysis alone (nothing is factorized).
/// </summary>
/// <param name="Workload">The kind of work.</param>
/// <param name="Grid">The grid, <c>NXxNY</c> or <c>NY</c>.</param>
/// <param name="Terms">The terms that add up to the peak.</param>
public sealed record MemoryEstimate(MemoryWorkload Workload, string Grid, IReadOnlyList<MemoryTerm> Terms)
{
    /// <summary>The estimated peak, bytes.</summary>
    public long TotalBytes => Terms.Sum(t => t.Bytes);

    /// <summary>
    /// The peak of <paramref name="solves"/> such workloads running at once in one process: the
    /// per-process terms (the runtime, <see cref="MemoryModel.RuntimeBaselineBytes"/>) once, every other term that many times (an
    /// upper bound when the concurrent solves are on smaller grids than this one).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="solves"/> is below 1.</exception>
    public MemoryEstimate Concurrent(int solves)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(solves, 1);
        if (solves == 1) return this;
        return this with { Terms = [.. Terms.Select(t => t.PerProcess ? t : new MemoryTerm($"{solves} × {t.Name}", solves * t.Bytes))] };
    }

    /// <summary>
    /// How many such workloads may run at once within <paramref name="availableBytes"/>: the most, up
    /// to <paramref name="most"/>, whose <see cref="Concurrent"/> estimate fits (at least 1; the single
    /// one is checked by <see cref="MemoryGuard"/>).
    /// </summary>
    public int ConcurrentWithin(long availableBytes, int most)
    {
        int k = Math.Max(1, most);
        while (k > 1 && Concurrent(k).TotalBytes > availableBytes) k--;
        return k;
    }

    /// <summary>The terms as one line: <c>name bytes; …</c>.</summary>
    public string Describe() => string.Join("; ", Terms.Select(t => $"{t.Name} {FormatBytes(t.Bytes)}"));

    /// <summary>Bytes in binary units with three significant digits, e.g. <c>1.23 GiB</c>, <c>512 MiB</c>.</summary>
    public static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double v = bytes;
        int u = 0;
        while (Math.Abs(v) >= 1024 && u < units.Length - 1) { v /= 1024; u++; }
        string format = u == 0 || v >= 100 ? "F0" : v >= 10 ? "F1" : "F2";
        return v.ToString(format, CultureInfo.InvariantCulture) + " " + units[u];
    }
}
