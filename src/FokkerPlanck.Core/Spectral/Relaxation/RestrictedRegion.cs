using System.Runtime.CompilerServices;
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
    private readonly bool[] _inside;

    private RestrictedRegion(CsrMatrix backward, bool[] inside, int[] cells, CsrMatrix matrix, SymbolicFactorization symbolic)
    {
        _backward = backward;
        _inside = inside;
        Cells = cells;
        Matrix = matrix;
        Symbolic = symbolic;
    }

    /// <summary>Global index of each cell of the region, in grid order.</summary>
    public int[] Cells { get; }

    /// <summary>G_CC = −(Lᵀ)_CC, or A_CC.</summary>
    public CsrMatrix Matrix { get; }

    public SymbolicFactorization Symbolic { get; }

    /// <summary>
    /// <c>T = exp(½(ln π − max_C ln π))</c> on the cells of <paramref name="inside"/> (grid order, as
    /// <see cref="Cells"/>), or null when it would leave the normal range (<see cref="SharedShiftLeftVectors.MinHalfLogScale"/>).
    /// </summary>
    public static double[]? ScaleWithin(bool[] inside, ReadOnlySpan<double> logPi)
    {
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        var cells = CellsOf(inside);
        foreach (int i in cells) { max = Math.Max(max, logPi[i]); min = Math.Min(min, logPi[i]); }
        if (0.5 * (min - max) < SharedShiftLeftVectors.MinHalfLogScale) return null;
        var scale = new double[cells.Length];
        for (int r = 0; r < cells.Length; r++) scale[r] = Math.Exp(0.5 * (logPi[cells[r]] - max));
        return scale;
    }

    /// <summary>
    /// The region of the cells marked <paramref name="inside"/>: the block A_CC of <paramref name="symmetric"/> when
    /// given, else G_CC = −(Lᵀ)_CC, and its symbolic analysis under <paramref name="ordering"/> restricted to
    /// the region (null: a nested dissection of its graph). Null when no cell is inside.
    /// </summary>
    public static RestrictedRegion? Create(CsrMatrix backward, bool[] inside, Permutation? ordering, CsrMatrix? symmetric = null)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(inside);
        int n = backward.RowCount;
        if (inside.Length != n) throw new ArgumentException($"The mask has {inside.Length} cells, the operator {n}.", nameof(inside));
        var cells = CellsOf(inside);
        if (cells.Length == 0) return null;
        var local = new int[n];
        Array.Fill(local, -1);
        for (int r = 0; r < cells.Length; r++) local[cells[r]] = r;
        var restricted = Restrict(symmetric ?? backward, symmetric is null ? -1.0 : 1.0, inside, local, cells);
        Permutation? order = null;
        if (ordering is not null && ordering.Size == n)
        {
            var newToOld = new int[cells.Length];
            int next = 0;
            foreach (int old in ordering.NewToOld) if (inside[old]) newToOld[next++] = local[old];
            order = Permutation.FromNewToOld(newToOld);
        }
        return new RestrictedRegion(backward, inside, cells, restricted, SymbolicFactorization.Analyze(restricted, order));
    }

    private static int[] CellsOf(bool[] inside)
    {
        var cells = new List<int>();
        for (int i = 0; i < inside.Length; i++) if (inside[i]) cells.Add(i);
        return [.. cells];
    }

    /// <summary><c>sign · matrix</c> on the region's rows and columns, columns renumbered to the region (their order is kept, so columns stay sorted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the region: JIT-compiled for the machine, not precompiled (docs/startup.md, "Core precompiled")
    private static CsrMatrix Restrict(CsrMatrix matrix, double sign, bool[] inside, int[] local, int[] cells)
    {
        var rp = matrix.RowPointers; var ci = matrix.ColumnIndices; var values = matrix.Values;
        int c = cells.Length;
        var rowPointers = new int[c + 1];
        for (int r = 0; r < c; r++)
        {
            int i = cells[r], count = 0;
            for (int e = rp[i]; e < rp[i + 1]; e++) if (inside[ci[e]]) count++;
            rowPointers[r + 1] = rowPointers[r] + count;
        }
        var columns = new int[rowPointers[c]];
        var entries = new double[rowPointers[c]];
        for (int r = 0; r < c; r++)
        {
            int i = cells[r], p = rowPointers[r];
            for (int e = rp[i]; e < rp[i + 1]; e++)
            {
                if (!inside[ci[e]]) continue;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the region: JIT-compiled for the machine, not precompiled (docs/startup.md, "Core precompiled")
    public void BoundaryTerms(double[] column, Span<double> terms)
    {
        var rp = _backward.RowPointers; var ci = _backward.ColumnIndices; var bv = _backward.Values;
        for (int r = 0; r < Cells.Length; r++)
        {
            int i = Cells[r];
            double s = 0.0;
            for (int e = rp[i]; e < rp[i + 1]; e++) if (!_inside[ci[e]]) s += bv[e] * column[ci[e]];
            terms[r] = s;
        }
    }
}
