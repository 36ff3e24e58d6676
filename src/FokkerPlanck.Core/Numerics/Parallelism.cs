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

    /// <summary>
    /// Runs <paramref name="count"/> independent work items, at most <paramref name="workers"/> (default
    /// <see cref="Threads"/>) at once, taking
    /// them in <paramref name="order"/> (default: index order; put the longest first so the last ones to
    /// finish are short), and returns their results by index. <paramref name="completed"/> is called
    /// after each item, one call at a time. Each item's result does not depend on what runs beside it;
    /// when items fail, the failure of the lowest index is rethrown as it is, after the running ones end.
    /// </summary>
    /// <remarks>
    /// For studies made of several solves that are each only partly parallel (small grids, serial
    /// stretches of a factorization or an eigen-solve): running two at a time fills the cores.
    /// </remarks>
    public static T[] Map<T>(int count, Func<int, T> work, IReadOnlyList<int>? order = null, Action<int, T>? completed = null, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var results = new T[count];
        var errors = new Exception?[count];
        var sequence = order ?? [.. Enumerable.Range(0, count)];
        if (sequence.Count != count || sequence.Distinct().Count() != count || sequence.Any(i => i < 0 || i >= count))
            throw new ArgumentException("The order must list every index once.", nameof(order));
        int next = -1, failed = 0;
        var gate = new object();
        void Worker()
        {
            for (int q = Interlocked.Increment(ref next); q < count && Volatile.Read(ref failed) == 0; q = Interlocked.Increment(ref next))
            {
                int i = sequence[q];
                try
                {
                    results[i] = work(i);
                    if (completed is not null) lock (gate) completed(i, results[i]);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    errors[i] = e;
                    Volatile.Write(ref failed, 1);
                }
            }
        }
        int running = Math.Min(workers ?? Threads, count);
        if (running <= 1) Worker();
        else Task.WaitAll([.. Enumerable.Range(0, running).Select(_ => Task.Run(Worker))]);
        var first = errors.FirstOrDefault(e => e is not null);
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        return results;
    }

    /// <summary>
    /// Starts <paramref name="work"/> on the thread pool, beside the caller, when more than one thread is
    /// allowed (a mostly serial stage that the caller's own work can overlap); with one thread it runs
    /// here, now (no overlap, and a failure is thrown at once). Its result does not depend on the overlap.
    /// </summary>
    public static Task<T> Beside<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Threads > 1 ? Task.Run(work) : Task.FromResult(work());
    }

    /// <summary>Sets <see cref="Threads"/> (null: all cores).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static void SetThreads(int? threads)
    {
        if (threads is < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "--threads must be ≥ 1.");
        _options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
    }
}
