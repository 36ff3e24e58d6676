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

    /// <summary>
    /// Assembly map: CSR entry → offset in the column-major front of the supernode owning
    /// <c>min(p(i), p(j))</c>. Entries in the upper triangle of the front are stored bit-complemented,
    /// so the symmetric factorization can skip them with a sign test.
    /// </summary>
    private (int[] Pointers, int[] Source, int[] Target) BuildAssembly(CsrMatrix a, int[] snodeOf)
    {
        int n = Size, ns = SupernodeCount;
        var inv = Ordering.OldToNew;
        var rp = a.RowPointers;
        var ci = a.ColumnIndices;
        int nnz = ci.Length;
        var ptr = new int[ns + 1];
        for (int i = 0; i < n; i++)
            for (int k = rp[i]; k < rp[i + 1]; k++)
                ptr[snodeOf[Math.Min(inv[i], inv[ci[k]])] + 1]++;
        for (int s = 0; s < ns; s++) ptr[s + 1] += ptr[s];
        var next = (int[])ptr.Clone();
        var src = new int[nnz];
        var rowNew = new int[nnz];
        var colNew = new int[nnz];
        for (int i = 0; i < n; i++)
            for (int k = rp[i]; k < rp[i + 1]; k++)
            {
                int ni = inv[i], nj = inv[ci[k]];
                int pos = next[snodeOf[Math.Min(ni, nj)]]++;
                src[pos] = k;
                rowNew[pos] = ni;
                colNew[pos] = nj;
            }
        var target = new int[nnz];
        var map = new int[n];
        for (int s = 0; s < ns; s++)
        {
            int m = FrontSize(s);
            for (int q = RowPointers[s]; q < RowPointers[s + 1]; q++) map[Rows[q]] = q - RowPointers[s];
            for (int e = ptr[s]; e < ptr[s + 1]; e++)
            {
                int lr = map[rowNew[e]], lc = map[colNew[e]];
                int dst = lr + lc * m;
                target[e] = lr >= lc ? dst : ~dst;
            }
        }
        return (ptr, src, target);
    }
}
