using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// A set of cells (the cold ones of <see cref="ColdRegionSeeds"/>, the deep ones of <see cref="DeepCellSolve"/>),
/// the operator's block on them (G_CC or A_CC) and its symbolic analysis under the grid's ordering restricted to them.
/// </summary>
internal sealed class RestrictedRegion
{
    private readonly CsrMatrix _backward;
    private readonly bool[] _cold;

    private RestrictedRegion(CsrMatrix backward, bool[] cold, int[] cells, CsrMatrix matrix, SymbolicFactorization symbolic)
    {
        _backward = backward;
        _cold = cold;
        Cells = cells;
        Matrix = matrix;
        Symbolic = symbolic;
    }

    /// <summary>Global index of each cold cell, in grid order.</summary>
    public int[] Cells { get; }

    /// <summary>G_CC = −(Lᵀ)_CC, or A_CC.</summary>
    public CsrMatrix Matrix { get; }

    public SymbolicFactorization Symbolic { get; }

    /// <summary>The cold cells in grid order.</summary>
    public static int[] ColdCells(bool[] cold, int n)
    {
        if (cold.Length != n) throw new ArgumentException($"The cold mask has {cold.Length} cells, the operator {n}.", nameof(cold));
        var cells = new List<int>();
        for (int i = 0; i < n; i++) if (cold[i]) cells.Add(i);
        return [.. cells];
    }

    /// <summary>
    /// <c>T = exp(½(ln π − max_C ln π))</c> on the cold cells, or null when it would leave the normal
    /// range (<see cref="SharedShiftLeftVectors.MinHalfLogScale"/>).
    /// </summary>
    public static double[]? ScaleWithin(int[] cells, ReadOnlySpan<double> logPi)
    {
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        foreach (int i in cells) { max = Math.Max(max, logPi[i]); min = Math.Min(min, logPi[i]); }
        if (0.5 * (min - max) < SharedShiftLeftVectors.MinHalfLogScale) return null;
        var scale = new double[cells.Length];
        for (int r = 0; r < cells.Length; r++) scale[r] = Math.Exp(0.5 * (logPi[cells[r]] - max));
        return scale;
    }

    /// <summary>
    /// The region with <c>sign · matrix</c> restricted to <paramref name="cells"/> (sign −1: G_CC from
    /// Lᵀ; +1: A_CC) and its symbolic analysis under the restricted <paramref name="ordering"/>.
    /// </summary>
    public static RestrictedRegion Create(CsrMatrix matrix, double sign, CsrMatrix backward, bool[] cold, int[] cells, Permutation? ordering)
    {
        int n = backward.RowCount;
        var local = new int[n];
        Array.Fill(local, -1);
        for (int r = 0; r < cells.Length; r++) local[cells[r]] = r;
        var restricted = Restrict(matrix, sign, cold, local, cells);
        Permutation? order = null;
        if (ordering is not null && ordering.Size == n)
        {
            var newToOld = new int[cells.Length];
            int next = 0;
            foreach (int old in ordering.NewToOld) if (cold[old]) newToOld[next++] = local[old];
            order = Permutation.FromNewToOld(newToOld);
        }
        return new RestrictedRegion(backward, cold, cells, restricted, SymbolicFactorization.Analyze(restricted, order));
    }

    /// <summary><c>sign · matrix</c> on the cold rows and columns, columns renumbered to the cold cells (their order is kept, so columns stay sorted).</summary>
    private static CsrMatrix Restrict(CsrMatrix matrix, double sign, bool[] cold, int[] local, int[] cells)
    {
        var rp = matrix.RowPointers; var ci = matrix.ColumnIndices; var values = matrix.Values;
        int c = cells.Length;
        var rowPointers = new int[c + 1];
        for (int r = 0; r < c; r++)
        {
            int i = cells[r], count = 0;
            for (int e = rp[i]; e < rp[i + 1]; e++) if (cold[ci[e]]) count++;
            rowPointers[r + 1] = rowPointers[r] + count;
        }
        var columns = new int[rowPointers[c]];
        var entries = new double[rowPointers[c]];
        for (int r = 0; r < c; r++)
        {
            int i = cells[r], p = rowPointers[r];
            for (int e = rp[i]; e < rp[i + 1]; e++)
            {
                if (!cold[ci[e]]) continue;
                columns[p] = local[ci[e]];
                entries[p++] = sign * values[e];
            }
        }
        return new CsrMatrix(c, c, rowPointers, columns, entries);
    }

    /// <summary><c>−G_CW v_W = (Lᵀ)_CW v_W</c> of every column (column k at offset k·|C|).</summary>
    public double[] BoundaryTerms(double[][] seeds)
    {
        int c = Cells.Length;
        var terms = new double[c * seeds.Length];
        for (int k = 0; k < seeds.Length; k++) BoundaryTerms(seeds[k], terms.AsSpan(k * c, c));
        return terms;
    }

    /// <summary><c>−G_CW v_W = (Lᵀ)_CW v_W</c> of one column, the values on the region's own cells ignored.</summary>
    public void BoundaryTerms(double[] column, Span<double> terms)
    {
        var rp = _backward.RowPointers; var ci = _backward.ColumnIndices; var bv = _backward.Values;
        for (int r = 0; r < Cells.Length; r++)
        {
            int i = Cells[r];
            double s = 0.0;
            for (int e = rp[i]; e < rp[i + 1]; e++) if (!_cold[ci[e]]) s += bv[e] * column[ci[e]];
            terms[r] = s;
        }
    }
}
