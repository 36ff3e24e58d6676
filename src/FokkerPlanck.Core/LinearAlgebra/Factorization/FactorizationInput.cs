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


    /// <summary>Rows per work item of <see cref="SymmetryDefectAndScale"/>.</summary>
    private const int RowChunk = 1 << 14;

    /// <summary>
    /// Largest <c>|A_ij − A_ji|</c> (a missing partner counts as zero) and largest <c>|A_ij|</c> in one
    /// parallel pass over row chunks: each stored entry looks up its partner by binary search in the
    /// partner's (sorted) row, so chunks are independent; maxima do not depend on the schedule.
    /// </summary>
    public static (double Defect, double Scale) SymmetryDefectAndScale(CsrMatrix a)
    {
        int n = a.RowCount, chunks = Math.Max(1, (n + RowChunk - 1) / RowChunk);
        var defect = new double[chunks];
        var scale = new double[chunks];
        void Chunk(int c)
        {
            var rp = a.RowPointers; var ci = a.ColumnIndices; var v = a.Values;
            double d = 0, s = 0;
            for (int i = c * RowChunk, end = Math.Min(n, (c + 1) * RowChunk); i < end; i++)
            {
                for (int k = rp[i]; k < rp[i + 1]; k++)
                {
                    s = Math.Max(s, Math.Abs(v[k]));
                    int j = ci[k];
                    if (j == i) continue;
                    int p = ci[rp[j]..rp[j + 1]].BinarySearch(i);
                    // a missing partner counts as the entry itself against zero
                    d = Math.Max(d, p >= 0 ? Math.Abs(v[k] - v[rp[j] + p]) : Math.Abs(v[k]));
                }
            }
            defect[c] = d;
            scale[c] = s;
        }
        if (chunks > 1) Parallel.For(0, chunks, Chunk);
        else Chunk(0);
        return (defect.Max(), scale.Max());
    }

}
