namespace FokkerPlanck.Core.LinearAlgebra.Ordering;

/// <summary>
/// Symbolic analysis of a symmetric pattern: elimination tree, postorder and the column counts
/// of the Cholesky factor.
/// </summary>
/// <remarks>
/// Davis, <i>Direct Methods for Sparse Linear Systems</i>, SIAM 2006, ch. 4: §4.1 (elimination
/// tree by Liu's algorithm with path compression), §4.3 (postorder by depth-first search) and
/// §4.2/§4.5 (row subtrees: <c>L(i, j) ≠ 0</c> exactly when j lies in the i-th row subtree, so
/// walking each row subtree once counts every nonzero of L, O(|L|) time).
/// All methods work on the pattern of <c>P (A + Aᵀ) Pᵀ</c>; the roots of the forest have parent −1.
/// </remarks>
public static class EliminationTree
{
    /// <summary>Elimination tree of <c>P (A + Aᵀ) Pᵀ</c>: parent of each permuted column, −1 for roots.</summary>
    /// <exception cref="ArgumentException">The matrix is not square or the permutation has the wrong size.</exception>
    public static int[] Compute(CsrMatrix a, Permutation ordering)
    {
        var pattern = Pattern(a, ordering);
        return Parents(pattern);
    }

    /// <summary>Column counts (diagonal included) of the Cholesky factor of <c>P (A + Aᵀ) Pᵀ</c>.</summary>
    /// <exception cref="ArgumentException">The matrix is not square or the permutation has the wrong size.</exception>
    public static int[] ColumnCounts(CsrMatrix a, Permutation ordering)
    {
        var pattern = Pattern(a, ordering);
        return ColumnCounts(pattern, Parents(pattern));
    }

    /// <summary>
    /// A postorder of the forest given by <paramref name="parent"/>: <c>post[k]</c> is the k-th node
    /// visited; children are visited in increasing index order, so the result is deterministic.
    /// </summary>
    /// <exception cref="ArgumentException">A parent index is out of range or the parents contain a cycle.</exception>
    public static int[] Postorder(ReadOnlySpan<int> parent)
    {
        int n = parent.Length;
        var head = new int[n];
        var next = new int[n];
        head.AsSpan().Fill(-1);
        // insert children in reverse so that each list is in increasing order
        for (int j = n - 1; j >= 0; j--)
        {
            int p = parent[j];
            if (p == -1) continue;
            if ((uint)p >= (uint)n) throw new ArgumentException($"parent[{j}] = {p} is out of range.", nameof(parent));
            next[j] = head[p];
            head[p] = j;
        }
        var post = new int[n];
        var stack = new int[n];
        int k = 0;
        for (int root = 0; root < n; root++)
        {
            if (parent[root] != -1) continue;
            int top = 0;
            stack[0] = root;
            while (top >= 0)
            {
                int p = stack[top];
                int child = head[p];
                if (child == -1)
                {
                    top--;
                    post[k++] = p;
                }
                else
                {
                    head[p] = next[child];
                    stack[++top] = child;
                }
            }
        }
        if (k != n) throw new ArgumentException("The parent array contains a cycle.", nameof(parent));
        return post;
    }

    internal static PermutedPattern Pattern(CsrMatrix a, Permutation ordering)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(ordering);
        if (a.RowCount != a.ColumnCount)
            throw new ArgumentException($"Matrix must be square, got {a.RowCount}×{a.ColumnCount}.", nameof(a));
        if (ordering.Size != a.RowCount)
            throw new ArgumentException($"Ordering has size {ordering.Size}, matrix {a.RowCount}.", nameof(ordering));
        return PermutedPattern.Create(AdjacencyGraph.FromPattern(a), ordering);
    }

    /// <summary>Liu's algorithm with path compression (Davis §4.1).</summary>
    internal static int[] Parents(PermutedPattern pattern)
    {
        int n = pattern.Size;
        var parent = new int[n];
        var ancestor = new int[n];
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            ancestor[k] = -1;
            foreach (int i0 in pattern.Below(k))
            {
                int i = i0;
                while (i != -1 && i < k)
                {
                    int inext = ancestor[i];
                    ancestor[i] = k;
                    if (inext == -1) parent[i] = k;
                    i = inext;
                }
            }
        }
        return parent;
    }

    /// <summary>Column counts by walking each row subtree once (Davis §4.2).</summary>
    internal static int[] ColumnCounts(PermutedPattern pattern, int[] parent)
    {
        // Row k of L is the union of the etree paths from the entries of row k of the (permuted,
        // lower) pattern up to k (the "row subtree", Liu 1990 §3; Davis 2006 §4.1): every column j on
        // it gains one entry. The traversal costs O(nnz(L)); rows are independent given the parent
        // array, so contiguous row ranges are counted in parallel, each with its own marks and
        // counts, and the counts are added in range order (integer sums: exact, deterministic).
        int n = pattern.Size;
        if (n < ParallelCountMinimum)
        {
            var count = new int[n];
            CountRows(pattern, parent, 0, n, count, new int[n]);
            return count;
        }
        // Separator rows near the end have the longest row subtrees: many small ranges, handed out
        // dynamically, balance the threads; each thread keeps one count and one mark array.
        int chunks = ChunksPerThread * Environment.ProcessorCount;
        var partial = new List<int[]>();
        Parallel.For(0, chunks, () => (Count: new int[n], Mark: new int[n]), (c, _, local) =>
        {
            CountRows(pattern, parent, (int)((long)n * c / chunks), (int)((long)n * (c + 1) / chunks), local.Count, local.Mark);
            return local;
        }, local => { lock (partial) partial.Add(local.Count); });
        var total = partial[0];
        for (int c = 1; c < partial.Count; c++)
        {
            var p = partial[c];
            for (int j = 0; j < n; j++) total[j] += p[j];
        }
        return total;
    }

    /// <summary>Adds the row subtrees of rows [k0, k1) to <paramref name="count"/>; <paramref name="mark"/> holds no value in [k0, k1) on entry.</summary>
    private static void CountRows(PermutedPattern pattern, int[] parent, int k0, int k1, int[] count, int[] mark)
    {
        for (int k = k0; k < k1; k++)
        {
            count[k]++;
            mark[k] = k + 1;
            foreach (int i in pattern.Below(k))
            {
                for (int j = i; mark[j] != k + 1; j = parent[j])
                {
                    count[j]++;
                    mark[j] = k + 1;
                }
            }
        }
    }

    /// <summary>Row ranges per thread in the parallel column count (load balance against the long separator rows).</summary>
    private const int ChunksPerThread = 16;

    /// <summary>Unknowns below which the column counts run on one thread (task start-up and the extra arrays cost more).</summary>
    private const int ParallelCountMinimum = 1 << 16;
}
