namespace FokkerPlanck.Core.Numerics;

/// <summary>
/// The chunked loop shared by the vector and matrix sweeps: each chunk is one work item, run in
/// parallel when the caller's size test says the work pays for waking pool threads, else in order on
/// the calling thread. Bodies write disjoint results per chunk (partial sums are combined by the
/// caller in chunk order), so the result does not depend on which path ran.
/// </summary>
internal static class ChunkLoop
{
    /// <summary>Runs <paramref name="body"/> for chunks 0 … <paramref name="chunks"/> − 1.</summary>
    public static void For(int chunks, bool parallel, Action<int> body)
    {
        if (parallel && chunks > 1 && Parallelism.Threads > 1) Parallel.For(0, chunks, Parallelism.Options, body);
        else for (int c = 0; c < chunks; c++) body(c);
    }

    /// <summary>The chunks of <paramref name="size"/> items that cover <paramref name="length"/> items (at least one, empty when the length is 0).</summary>
    public static int Count(int length, int size) => Math.Max(1, (length + size - 1) / size);

    /// <summary>The items <c>[Start, End)</c> of chunk <paramref name="chunk"/> of <see cref="Count"/>.</summary>
    public static (int Start, int End) Range(int chunk, int length, int size) => (chunk * size, Math.Min(length, (chunk + 1) * size));
}
