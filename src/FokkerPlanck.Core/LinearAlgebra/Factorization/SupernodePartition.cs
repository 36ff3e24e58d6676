namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Partition of the postordered columns into relaxed supernodes: contiguous column ranges
/// whose factor columns are stored and factorized as one dense trapezoid.
/// </summary>
/// <remarks>
/// Fundamental supernodes (Liu, Ng and Peyton, "On finding supernodes for sparse matrix
/// computations", SIAM J. Matrix Anal. Appl. 14, 1993): column j joins j−1 when j−1 is its
/// only child and <c>|L_{j−1}| = |L_j| + 1</c>. Relaxed amalgamation (Ashcraft and Grimes,
/// "The influence of relaxed supernode partitions on the multifrontal method", ACM TOMS 15,
/// 1989) then merges a child into its parent when the explicit zeros this adds stay small;
/// the thresholds follow the spirit of CHOLMOD's defaults (Chen, Davis, Hager and
/// Rajamanickam, ACM TOMS 35, 2008). Dense kernels on bigger blocks more than repay the zeros.
/// </remarks>
internal static class SupernodePartition
{
    /// <summary>Merged supernodes up to this many columns are always accepted (per-front overhead dominates).</summary>
    private const int AlwaysMergeColumns = 4;

    /// <summary>
    /// Small merged supernodes: column limit for the generous zero fraction. Every explicit zero is
    /// read again by each triangular solve, and a shift-invert run makes 9–11 two-vector sweeps of
    /// two passes each: on the benchmark valley 8 (against 16) stores 13.3M instead of 14.5M entries
    /// at 512² and 61.1M instead of 66.0M at 1024² (11.8M and 55.2M are true nonzeros), with two-vector
    /// solves of 32–35 against 38–40 ms and 113–144 against 147–152 ms (minima of 15, alternating
    /// processes) and the same factorization time.
    /// </summary>
    private const int SmallMergeColumns = 8;

    /// <summary>Zero fraction accepted for small merged supernodes.</summary>
    private const double SmallMergeZeroFraction = 0.8;

    /// <summary>Medium merged supernodes: column limit for the moderate zero fraction.</summary>
    private const int MediumMergeColumns = 64;

    /// <summary>Zero fraction accepted for medium merged supernodes.</summary>
    private const double MediumMergeZeroFraction = 0.2;

    /// <summary>Zero fraction accepted for any merge: keeps large separators nearly exact.</summary>
    private const double LargeMergeZeroFraction = 0.05;

    /// <summary>
    /// Returns the first column of each supernode followed by <c>n</c> (length = supernodes + 1).
    /// </summary>
    public static int[] Compute(int[] parent, int[] colCount)
    {
        int n = parent.Length;
        var childCount = new int[n];
        for (int j = 0; j < n; j++) if (parent[j] >= 0) childCount[parent[j]]++;
        // stack of merged supernodes: (first, ncols, rows of first column, true nonzeros)
        var first = new List<int>();
        var ncols = new List<int>();
        var rows = new List<long>();
        var actual = new List<long>();
        int j0 = 0;
        while (j0 < n)
        {
            int j1 = j0 + 1;
            while (j1 < n && parent[j1 - 1] == j1 && childCount[j1] == 1 && colCount[j1 - 1] == colCount[j1] + 1) j1++;
            int cf = j0, ck = j1 - j0;
            long cm = colCount[j0], ca = 0;
            for (int j = j0; j < j1; j++) ca += colCount[j];
            while (first.Count > 0)
            {
                int t = first.Count - 1;
                int childLast = first[t] + ncols[t] - 1;
                int p = parent[childLast];
                if (p < cf || p >= cf + ck) break;
                long k = ncols[t] + ck;
                long m = ncols[t] + cm;
                long dense = k * m - k * (k - 1) / 2;
                double zeroFraction = (double)(dense - actual[t] - ca) / dense;
                bool merge = k <= AlwaysMergeColumns
                    || (k <= SmallMergeColumns && zeroFraction < SmallMergeZeroFraction)
                    || (k <= MediumMergeColumns && zeroFraction < MediumMergeZeroFraction)
                    || zeroFraction < LargeMergeZeroFraction;
                if (!merge) break;
                cf = first[t]; ck = (int)k; cm = m; ca += actual[t];
                first.RemoveAt(t); ncols.RemoveAt(t); rows.RemoveAt(t); actual.RemoveAt(t);
            }
            first.Add(cf); ncols.Add(ck); rows.Add(cm); actual.Add(ca);
            j0 = j1;
        }
        var result = new int[first.Count + 1];
        for (int s = 0; s < first.Count; s++) result[s] = first[s];
        result[first.Count] = n;
        return result;
    }
}
