namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Cut of the supernodal elimination tree into independent subtrees (parallel tasks) and the
/// "top" supernodes above the cut (processed in order), shared by the numeric factorization and
/// the parallel triangular solves.
/// </summary>
/// <remarks>
/// Geist and Ng, "Task scheduling for parallel sparse Cholesky factorization", Int. J. Parallel
/// Programming 18 (1989): the heaviest subtree is split (its root moves above the cut, its
/// children become candidates) until every subtree is at most 1/<see cref="SubtreeShare"/>
/// of the total work. Every ancestor of a subtree root is a top supernode, so a subtree's
/// fronts touch rows outside the subtree only in columns of top supernodes.
/// <para>The cut does not depend on the number of threads: the solves sum the subtrees' updates of
/// the top columns in private buffers, so a cut that followed <c>--threads</c> would change the
/// rounding of every solve, and a result would depend on the thread count. One thread runs the same
/// tasks one after the other.</para>
/// </remarks>
internal sealed class TreeSchedule
{
    /// <summary>
    /// Subtrees are split until each is at most 1/SubtreeShare of the work: four tasks per core on up
    /// to four cores (more tasks balance uneven subtrees, fewer keep more work below the cut).
    /// </summary>
    public const int SubtreeShare = 16;

    /// <summary>Subtree roots, heaviest first (each subtree is the supernode range [SubtreeFirst[root], root]).</summary>
    public int[] Subtrees { get; }

    /// <summary>Supernodes above the cut, in increasing (postorder) order.</summary>
    public int[] Top { get; }

    /// <summary>For each permuted column, its index among the top supernodes' columns, or −1.</summary>
    public int[] TopColumnIndex { get; }

    /// <summary>Number of columns belonging to top supernodes.</summary>
    public int TopColumnCount { get; }

    public TreeSchedule(SymbolicFactorization s)
    {
        int ns = s.SupernodeCount;
        var flops = s.SubtreeLdltFlops;
        var candidates = new List<int>();
        for (int sn = 0; sn < ns; sn++) if (s.Parent[sn] < 0) candidates.Add(sn);
        var top = new List<int>();
        double total = 0;
        foreach (int r in candidates) total += flops[r];
        double limit = total / SubtreeShare;
        while (true)
        {
            int best = -1;
            foreach (int c in candidates) if (best < 0 || flops[c] > flops[best]) best = c;
            if (best < 0 || flops[best] <= limit || s.ChildPointers[best] == s.ChildPointers[best + 1]) break;
            candidates.Remove(best);
            top.Add(best);
            for (int c = s.ChildPointers[best]; c < s.ChildPointers[best + 1]; c++) candidates.Add(s.Children[c]);
        }
        candidates.Sort((x, y) => flops[y] != flops[x] ? flops[y].CompareTo(flops[x]) : x.CompareTo(y));
        top.Sort();
        Subtrees = candidates.ToArray();
        Top = top.ToArray();
        TopColumnIndex = new int[s.Size];
        TopColumnIndex.AsSpan().Fill(-1);
        int count = 0;
        foreach (int sn in Top)
            for (int j = s.SupernodeFirst[sn]; j < s.SupernodeFirst[sn + 1]; j++) TopColumnIndex[j] = count++;
        TopColumnCount = count;
    }
}
