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
}
