using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>Construction of the front structures, relative indices and assembly map.</summary>
public sealed partial class SymbolicFactorization
{
    private static (int[] Pointers, int[] Children) BuildChildren(int[] parent)
    {
        int ns = parent.Length;
        var ptr = new int[ns + 1];
        foreach (int p in parent) if (p >= 0) ptr[p + 1]++;
        for (int s = 0; s < ns; s++) ptr[s + 1] += ptr[s];
        var next = (int[])ptr.Clone();
        var children = new int[ptr[ns]];
        for (int s = 0; s < ns; s++) if (parent[s] >= 0) children[next[parent[s]]++] = s;
        return (ptr, children);
    }

    /// <summary>
    /// Row structure of each front: its own columns, then (sorted) the rows below it coming from
    /// the original pattern of its columns and from the children's fronts.
    /// </summary>
    private static (int[] Pointers, int[] Rows) BuildRows(PermutedPattern pattern, int[] first, int[] childPtr, int[] children)
    {
        int n = pattern.Size, ns = first.Length - 1;
        var ptr = new int[ns + 1];
        var rows = new List<int>(4 * n);
        var mark = new int[n];
        mark.AsSpan().Fill(-1);
        var extra = new List<int>();
        for (int s = 0; s < ns; s++)
        {
            int f = first[s], l = first[s + 1];
            ptr[s] = rows.Count;
            extra.Clear();
            for (int j = f; j < l; j++)
            {
                rows.Add(j);
                foreach (int u in pattern.Above(j))
                    if (u >= l && mark[u] != s) { mark[u] = s; extra.Add(u); }
            }
            for (int c = childPtr[s]; c < childPtr[s + 1]; c++)
            {
                int ch = children[c];
                for (int q = ptr[ch]; q < ptr[ch + 1]; q++)
                {
                    int u = rows[q];
                    if (u >= l && mark[u] != s) { mark[u] = s; extra.Add(u); }
                }
            }
            SortRows(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(extra));
            rows.AddRange(extra);
        }
        ptr[ns] = rows.Count;
        return (ptr, rows.ToArray());
    }

    /// <summary>Lists at most this long are sorted by insertion: most fronts have a few dozen rows below their pivots.</summary>
    private const int InsertionSortMaxLength = 32;

    /// <summary>
    /// Sorts the rows below a front's pivots ascending: by insertion when short, else
    /// <see cref="MemoryExtensions.Sort{T}(Span{T})"/> (whose introsort took 5 % of the analysis's perf
    /// samples at 512², almost all on such short lists).
    /// </summary>
    private static void SortRows(Span<int> rows)
    {
        if (rows.Length > InsertionSortMaxLength)
        {
            rows.Sort();
            return;
        }
        for (int i = 1; i < rows.Length; i++)
        {
            int v = rows[i], j = i - 1;
            while (j >= 0 && rows[j] > v) { rows[j + 1] = rows[j]; j--; }
            rows[j + 1] = v;
        }
    }

    /// <summary>For each child front row below its pivots, the row's position in the parent front.</summary>
    private int[] BuildRelative(int n)
    {
        var rel = new int[Rows.Length];
        int ns = SupernodeCount;
        // each parent writes only its children's entries: chunks of parents run in parallel, each
        // worker with its own row → position map (entries of the map are only read after being set
        // for the current parent's rows)
        int chunks = (ns + RelativeSupernodeChunk - 1) / RelativeSupernodeChunk;
        Parallel.For(0, chunks, Parallelism.Options, () => new int[n], (chunk, _, map) =>
        {
            for (int s = chunk * RelativeSupernodeChunk, end = Math.Min(ns, s + RelativeSupernodeChunk); s < end; s++)
            {
                for (int q = RowPointers[s]; q < RowPointers[s + 1]; q++) map[Rows[q]] = q - RowPointers[s];
                for (int c = ChildPointers[s]; c < ChildPointers[s + 1]; c++)
                {
                    int ch = Children[c];
                    for (int q = RowPointers[ch] + Columns(ch); q < RowPointers[ch + 1]; q++) rel[q] = map[Rows[q]];
                }
            }
            return map;
        }, _ => { });
        return rel;
    }

    /// <summary>Parent supernodes per parallel work item of <see cref="BuildRelative"/> (most are leaves with nothing to map).</summary>
    private const int RelativeSupernodeChunk = 2048;

    /// <summary>
    /// Supernodes per parallel work item of <see cref="BuildSymmetricAssembly"/> (most supernodes are
    /// leaves of a few dozen entries: work items of single supernodes would cost more than they do).
    /// </summary>
    private const int AssemblySupernodeChunk = 256;

    /// <summary>
    /// The assembly map of <see cref="BuildAssembly"/> for a structurally symmetric pattern, built
    /// per supernode in parallel without a global sort: the entries a supernode owns are, for each
    /// of its columns j (original row i = p⁻¹(j)), the entries (i, c) of row i with p(c) ≥ j and, when
    /// p(c) &gt; j, their partners (c, i), found by binary search in the sorted row c. Every entry is
    /// owned by exactly one supernode, that of min(p(i), p(c)), as in the general map; only the order
    /// within a supernode differs, and distinct entries have distinct targets, so the factorization
    /// is the same to the bit. Measured at 512² / 1024²: the general map's serial bucket sort alone
    /// took 19–25 / 98–104 ms.
    /// </summary>
    private (int[] Pointers, int[] Source, int[] Target) BuildSymmetricAssembly(CsrMatrix a)
    {
        int n = Size, ns = SupernodeCount;
        var rp = a.RowPointerArray;
        var ci = a.ColumnIndexArray;
        var perm = Ordering.NewToOldArray;
        var inv = Ordering.OldToNewArray;
        var first = SupernodeFirst;
        var ptr = new int[ns + 1];
        int chunks = (ns + AssemblySupernodeChunk - 1) / AssemblySupernodeChunk;
        Parallel.For(0, chunks, Parallelism.Options, c =>
        {
            for (int s = c * AssemblySupernodeChunk, s1 = Math.Min(ns, s + AssemblySupernodeChunk); s < s1; s++)
            {
                int count = 0;
                for (int j = first[s]; j < first[s + 1]; j++)
                {
                    int i = perm[j];
                    for (int k = rp[i]; k < rp[i + 1]; k++)
                    {
                        int pc = inv[ci[k]];
                        if (pc > j) count += 2;
                        else if (pc == j) count++;
                    }
                }
                ptr[s + 1] = count;
            }
        });
        for (int s = 0; s < ns; s++) ptr[s + 1] += ptr[s];
        var src = new int[ptr[ns]];
        var target = new int[ptr[ns]];
        Parallel.For(0, chunks, Parallelism.Options, () => new int[n], (c, _, map) =>
        {
            for (int s = c * AssemblySupernodeChunk, s1 = Math.Min(ns, s + AssemblySupernodeChunk); s < s1; s++)
            {
                int m = FrontSize(s), rb = RowPointers[s], w = ptr[s];
                for (int q = rb; q < RowPointers[s + 1]; q++) map[Rows[q]] = q - rb;
                for (int j = first[s]; j < first[s + 1]; j++)
                {
                    int i = perm[j], lj = j - first[s];
                    for (int k = rp[i]; k < rp[i + 1]; k++)
                    {
                        int col = ci[k], pc = inv[col];
                        if (pc < j) continue;
                        int lc = map[pc];
                        // (i, col) sits in row lj, column lc ≥ lj of the front: upper triangle unless diagonal
                        int dst = lj + lc * m;
                        src[w] = k;
                        target[w++] = lj >= lc ? dst : ~dst;
                        if (pc == j) continue;
                        // its partner (col, i) sits in row lc, column lj: lower triangle
                        int partner = FindColumn(ci, rp[col], rp[col + 1], i);
                        if (partner < 0) throw new InvalidOperationException($"Entry ({col}, {i}) is missing from a pattern analysed as structurally symmetric.");
                        src[w] = partner;
                        target[w++] = lc + lj * m;
                    }
                }
            }
            return map;
        }, _ => { });
        return (ptr, src, target);
    }

    /// <summary>Rows at most this long are searched linearly (a 5-point row has 5 entries): cheaper than bisection there.</summary>
    private const int LinearSearchMaxLength = 16;

    /// <summary>
    /// Position of column <paramref name="column"/> in the sorted row segment <c>ci[lo..hi)</c>, or −1.
    /// Written out instead of <see cref="Array.BinarySearch{T}(T[], int, int, T)"/>, whose generic
    /// comparer path took 5 % of the analysis's perf samples at 512².
    /// </summary>
    private static int FindColumn(int[] ci, int lo, int hi, int column)
    {
        if (hi - lo <= LinearSearchMaxLength)
        {
            for (int k = lo; k < hi; k++) if (ci[k] == column) return k;
            return -1;
        }
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            int c = ci[mid];
            if (c == column) return mid;
            if (c < column) lo = mid + 1; else hi = mid;
        }
        return -1;
    }

    /// <summary>
    /// The assembly map by the general construction (<see cref="BuildAssembly"/>), whatever the pattern:
    /// the tests' reference for the map a structurally symmetric pattern gets from <see cref="BuildSymmetricAssembly"/>.
    /// </summary>
    internal (int[] Pointers, int[] Source, int[] Target) GeneralAssemblyMap(CsrMatrix a)
    {
        var snodeOf = new int[Size];
        for (int s = 0; s < SupernodeCount; s++)
            for (int j = SupernodeFirst[s]; j < SupernodeFirst[s + 1]; j++) snodeOf[j] = s;
        return BuildAssembly(a, snodeOf);
    }

    /// <summary>Rows per parallel work item when locating the supernode of each matrix entry.</summary>
    private const int AssemblyChunk = 1 << 14;

    /// <summary>
    /// Assembly map: CSR entry → offset in the column-major front of the supernode owning
    /// <c>min(p(i), p(j))</c>. Entries in the upper triangle of the front are stored bit-complemented,
    /// so the symmetric factorization can skip them with a sign test.
    /// </summary>
    private (int[] Pointers, int[] Source, int[] Target) BuildAssembly(CsrMatrix a, int[] snodeOf)
    {
        int n = Size, ns = SupernodeCount;
        var inv = Ordering.OldToNew.ToArray();
        var rp = a.RowPointers.ToArray();
        var ci = a.ColumnIndices.ToArray();
        int nnz = ci.Length;
        var ptr = new int[ns + 1];
        var entrySnode = new int[nnz];
        Parallel.For(0, (n + AssemblyChunk - 1) / AssemblyChunk, Parallelism.Options, c =>
        {
            int i1 = Math.Min(n, (c + 1) * AssemblyChunk);
            for (int i = c * AssemblyChunk; i < i1; i++)
                for (int k = rp[i]; k < rp[i + 1]; k++) entrySnode[k] = snodeOf[Math.Min(inv[i], inv[ci[k]])];
        });
        for (int k = 0; k < nnz; k++) ptr[entrySnode[k] + 1]++;
        for (int s = 0; s < ns; s++) ptr[s + 1] += ptr[s];
        var next = (int[])ptr.Clone();
        var src = new int[nnz];
        var rowNew = new int[nnz];
        for (int i = 0; i < n; i++)
        {
            int ni = inv[i];
            for (int k = rp[i]; k < rp[i + 1]; k++)
            {
                int pos = next[entrySnode[k]]++;
                src[pos] = k;
                rowNew[pos] = ni;
            }
        }
        var target = new int[nnz];
        // each supernode's entries map through its own row list; supernodes are independent, each
        // thread keeps one global→local row map
        Parallel.For(0, ns, Parallelism.Options, () => new int[n], (s, _, map) =>
        {
            int m = FrontSize(s);
            for (int q = RowPointers[s]; q < RowPointers[s + 1]; q++) map[Rows[q]] = q - RowPointers[s];
            for (int e = ptr[s]; e < ptr[s + 1]; e++)
            {
                int lr = map[rowNew[e]], lc = map[inv[ci[src[e]]]];
                int dst = lr + lc * m;
                target[e] = lr >= lc ? dst : ~dst;
            }
            return map;
        }, _ => { });
        return (ptr, src, target);
    }
}
