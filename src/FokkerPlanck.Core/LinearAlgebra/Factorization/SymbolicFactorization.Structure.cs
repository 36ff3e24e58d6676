using FokkerPlanck.Core.LinearAlgebra.Ordering;

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
            extra.Sort();
            rows.AddRange(extra);
        }
        ptr[ns] = rows.Count;
        return (ptr, rows.ToArray());
    }

    /// <summary>For each child front row below its pivots, the row's position in the parent front.</summary>
    private int[] BuildRelative(int n)
    {
        var rel = new int[Rows.Length];
        var map = new int[n];
        for (int s = 0; s < SupernodeCount; s++)
        {
            for (int q = RowPointers[s]; q < RowPointers[s + 1]; q++) map[Rows[q]] = q - RowPointers[s];
            for (int c = ChildPointers[s]; c < ChildPointers[s + 1]; c++)
            {
                int ch = Children[c];
                for (int q = RowPointers[ch] + Columns(ch); q < RowPointers[ch + 1]; q++) rel[q] = map[Rows[q]];
            }
        }
        return rel;
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
        Parallel.For(0, (n + AssemblyChunk - 1) / AssemblyChunk, c =>
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
        Parallel.For(0, ns, () => new int[n], (s, _, map) =>
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
