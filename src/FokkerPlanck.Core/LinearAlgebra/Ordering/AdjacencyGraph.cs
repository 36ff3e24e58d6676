using FokkerPlanck.Core.Numerics;
namespace FokkerPlanck.Core.LinearAlgebra.Ordering;

/// <summary>
/// The undirected graph of the pattern of <c>A + Aᵀ</c> without self loops, in compressed
/// adjacency form (neighbours sorted, no duplicates).
/// </summary>
internal sealed class AdjacencyGraph
{
    private AdjacencyGraph(int[] pointers, int[] neighbours, bool symmetricSource)
    {
        Pointers = pointers;
        Neighbours = neighbours;
        SymmetricSource = symmetricSource;
    }

    /// <summary>True when the graph was read from a structurally symmetric pattern (every entry (i, j) has its partner (j, i)).</summary>
    public bool SymmetricSource { get; }

    /// <summary>Number of vertices.</summary>
    public int VertexCount => Pointers.Length - 1;

    /// <summary>Adjacency pointers (length n + 1).</summary>
    public int[] Pointers { get; }

    /// <summary>Concatenated neighbour lists.</summary>
    public int[] Neighbours { get; }

    /// <summary>Neighbours of vertex <paramref name="v"/>.</summary>
    public ReadOnlySpan<int> Of(int v) => Neighbours.AsSpan(Pointers[v], Pointers[v + 1] - Pointers[v]);

    /// <summary>
    /// Neighbour lists up to this length are sorted by insertion sort: grid stencils give 4–8
    /// entries, where the call overhead of <see cref="Array.Sort{T}(T[], int, int)"/> dominates.
    /// </summary>
    private const int InsertionSortLimit = 16;

    private static void InsertionSort(int[] a, int start, int end)
    {
        for (int i = start + 1; i < end; i++)
        {
            int v = a[i], j = i - 1;
            while (j >= start && a[j] > v) { a[j + 1] = a[j]; j--; }
            a[j + 1] = v;
        }
    }

    /// <summary>Builds the symmetrized graph of a square CSR pattern.</summary>
    public static AdjacencyGraph FromPattern(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        // a matrix symmetric by construction needs no check (the check took 3.5 % of the analysis's perf samples at 512²)
        return a.IsSymmetricByConstruction || IsStructurallySymmetric(a) ? FromSymmetricPattern(a) : FromGeneralPattern(a);
    }

    /// <summary>Rows per parallel work item of the symmetric-pattern copy.</summary>
    private const int CopyChunk = 1 << 14;

    /// <summary>
    /// True when every stored (i, j) has a stored (j, i): one merge-like pass with a cursor per row
    /// (rows are sorted), the same walk as the factorizations' symmetry check.
    /// </summary>
    private static bool IsStructurallySymmetric(CsrMatrix a)
    {
        int n = a.RowCount;
        if (a.ColumnCount != n) return false;
        var rp = a.RowPointers;
        var ci = a.ColumnIndices;
        var cursor = rp[..n].ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int k = rp[i]; k < rp[i + 1]; k++)
            {
                int j = ci[k];
                if (j <= i) continue;
                int c = cursor[j];
                // entries of row j left of column i have no partner (i, ·) visited in order
                if (c < rp[j + 1] && ci[c] < i) return false;
                if (c >= rp[j + 1] || ci[c] != i) return false;
                cursor[j] = c + 1;
            }
            // every entry of row i left of the diagonal must have been matched by its partner row
            int left = cursor[i];
            if (left < rp[i + 1] && ci[left] < i) return false;
        }
        return true;
    }

    /// <summary>A structurally symmetric pattern is its own adjacency: the rows without the diagonal, already sorted (row chunks in parallel).</summary>
    private static AdjacencyGraph FromSymmetricPattern(CsrMatrix a)
    {
        int n = a.RowCount;
        var rows = a.RowPointers;
        var columns = a.ColumnIndices;
        var ptr = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            int diagonal = 0;
            for (int k = rows[i]; k < rows[i + 1]; k++) if (columns[k] == i) { diagonal = 1; break; }
            ptr[i + 1] = ptr[i] + rows[i + 1] - rows[i] - diagonal;
        }
        var adj = new int[ptr[n]];
        Parallel.For(0, (n + CopyChunk - 1) / CopyChunk, Parallelism.Options, c =>
        {
            var rp = a.RowPointers; var ci = a.ColumnIndices;
            int i1 = Math.Min(n, (c + 1) * CopyChunk);
            for (int i = c * CopyChunk; i < i1; i++)
            {
                int w = ptr[i];
                for (int k = rp[i]; k < rp[i + 1]; k++) if (ci[k] != i) adj[w++] = ci[k];
            }
        });
        return new AdjacencyGraph(ptr, adj, symmetricSource: true);
    }

    private static AdjacencyGraph FromGeneralPattern(CsrMatrix a)
    {
        int n = a.RowCount;
        var rp = a.RowPointers;
        var ci = a.ColumnIndices;
        var count = new int[n + 1];
        for (int i = 0; i < n; i++)
            for (int k = rp[i]; k < rp[i + 1]; k++)
            {
                int j = ci[k];
                if (j == i) continue;
                count[i + 1]++;
                count[j + 1]++;
            }
        for (int i = 0; i < n; i++) count[i + 1] += count[i];
        var next = (int[])count.Clone();
        var adj = new int[count[n]];
        for (int i = 0; i < n; i++)
            for (int k = rp[i]; k < rp[i + 1]; k++)
            {
                int j = ci[k];
                if (j == i) continue;
                adj[next[i]++] = j;
                adj[next[j]++] = i;
            }
        // sort and remove duplicates in place
        var ptr = new int[n + 1];
        int w = 0;
        for (int v = 0; v < n; v++)
        {
            int s = count[v], e = count[v + 1];
            if (e - s <= InsertionSortLimit) InsertionSort(adj, s, e);
            else Array.Sort(adj, s, e - s);
            ptr[v] = w;
            for (int k = s; k < e; k++)
                if (w == ptr[v] || adj[w - 1] != adj[k]) adj[w++] = adj[k];
        }
        ptr[n] = w;
        Array.Resize(ref adj, w);
        return new AdjacencyGraph(ptr, adj, symmetricSource: false);
    }
}
