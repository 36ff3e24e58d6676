namespace FokkerPlanck.Core.Numerics;

/// <summary>
/// The number of threads every parallel stage uses (assembly, ordering, factorization, solves, Krylov
/// passes, particles): all cores unless a command's <c>--threads</c> sets it for the process. Stages read
/// it when they start, so it is set once, before any work.
/// </summary>
public static class Parallelism
{
    private static ParallelOptions _options = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Threads a parallel stage may use.</summary>
    public static int Threads => _options.MaxDegreeOfParallelism;

    /// <summary>Options that cap a <see cref="Parallel"/> loop at <see cref="Threads"/>.</summary>
    public static ParallelOptions Options => _options;

    /// <summary>Sets <see cref="Threads"/> (null: all cores).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static void SetThreads(int? threads)
    {
        if (threads is < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "--threads must be ≥ 1.");
        _options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
    }
}
