namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>Argument checks shared by the factorizations' <c>Create</c> methods.</summary>
internal static class FactorizationInput
{
    /// <summary>Throws for a null or non-square matrix, or one whose pattern differs from <paramref name="symbolic"/>.</summary>
    public static void Validate(CsrMatrix a, SymbolicFactorization? symbolic)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount)
            throw new ArgumentException($"Matrix must be square, got {a.RowCount}×{a.ColumnCount}.", nameof(a));
        if (symbolic != null && !symbolic.Matches(a))
            throw new ArgumentException("The matrix pattern differs from the one the symbolic factorization was built for.", nameof(symbolic));
    }

    /// <summary>Largest absolute stored value.</summary>
    public static double MaxAbs(CsrMatrix a)
    {
        double m = 0;
        foreach (double v in a.Values) m = Math.Max(m, Math.Abs(v));
        return m;
    }

    /// <summary>
    /// Largest <c>|A_ij − A_ji|</c> (a missing partner counts as zero) in one O(nnz) sweep: rows are
    /// visited in order, so the partners (j, i) of the upper entries (i, j) are met in increasing
    /// column order within each row j and a cursor per row pairs them without searching.
    /// </summary>
    public static double SymmetryDefect(CsrMatrix a)
    {
        int n = a.RowCount;
        var rp = a.RowPointers;
        var ci = a.ColumnIndices;
        var v = a.Values;
        var cursor = rp[..n].ToArray();
        double defect = 0;
        for (int i = 0; i < n; i++)
        {
            for (int k = rp[i]; k < rp[i + 1]; k++)
            {
                int j = ci[k];
                if (j <= i) continue;
                int c = cursor[j];
                while (c < rp[j + 1] && ci[c] < i) { defect = Math.Max(defect, Math.Abs(v[c])); c++; }
                if (c < rp[j + 1] && ci[c] == i) { defect = Math.Max(defect, Math.Abs(v[k] - v[c])); c++; }
                else defect = Math.Max(defect, Math.Abs(v[k]));
                cursor[j] = c;
            }
        }
        for (int j = 0; j < n; j++)
            for (int c = cursor[j]; c < rp[j + 1] && ci[c] < j; c++) defect = Math.Max(defect, Math.Abs(v[c]));
        return defect;
    }
}
