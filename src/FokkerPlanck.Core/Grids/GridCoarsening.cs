namespace FokkerPlanck.Core.Grids;

/// <summary>
/// A coarser grid whose cells are unions of whole cells of a fine <see cref="TensorGrid"/>, and the
/// map from each fine cell to the coarse cell that contains it (piecewise-constant injection).
/// </summary>
/// <remarks>
/// Each axis keeps every r-th face (r = n / n_c, rounded per face), so coarse faces are fine faces
/// and non-uniform axes stay non-uniform in the same way; a one-dimensional grid stays
/// one-dimensional. Used to compute cheap approximations (start vectors) on a coarse level, the
/// nested-iteration idea of multigrid (Briggs, Henson &amp; McCormick, <i>A Multigrid Tutorial</i>,
/// 2nd ed., SIAM 2000, §3.3 "full multigrid").
/// </remarks>
public sealed class GridCoarsening
{
    private GridCoarsening(TensorGrid fine, TensorGrid coarse, int[] fineToCoarse)
    {
        Fine = fine;
        Coarse = coarse;
        FineToCoarse = fineToCoarse;
    }

    /// <summary>The fine grid.</summary>
    public TensorGrid Fine { get; }

    /// <summary>The coarse grid.</summary>
    public TensorGrid Coarse { get; }

    /// <summary>For each fine cell, the index of the coarse cell containing it.</summary>
    public IReadOnlyList<int> FineToCoarse { get; }

    /// <summary>
    /// Coarsens <paramref name="fine"/> to at most <paramref name="maxCellsPerAxis"/> cells per axis
    /// (axes already at or below it are kept).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCellsPerAxis"/> &lt; 1.</exception>
    public static GridCoarsening Create(TensorGrid fine, int maxCellsPerAxis)
    {
        ArgumentNullException.ThrowIfNull(fine);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCellsPerAxis, 1);
        var (x, xMap) = CoarsenAxis(fine.X, fine.IsOneDimensional ? fine.Nx : maxCellsPerAxis);
        var (y, yMap) = CoarsenAxis(fine.Y, maxCellsPerAxis);
        var coarse = new TensorGrid(x, y, fine.IsOneDimensional);
        var map = new int[fine.CellCount];
        for (int j = 0; j < fine.Ny; j++)
            for (int i = 0; i < fine.Nx; i++)
                map[fine.Index(i, j)] = coarse.Index(xMap[i], yMap[j]);
        return new GridCoarsening(fine, coarse, map);
    }

    private static (Axis Axis, int[] Map) CoarsenAxis(Axis axis, int maxCells)
    {
        int n = axis.Count;
        int nc = Math.Min(n, maxCells);
        var faces = axis.Faces;
        var coarseFaces = new double[nc + 1];
        var map = new int[n];
        // coarse face c sits on fine face ⌊c·n / nc⌉: every coarse cell holds ⌊n/nc⌋ or ⌈n/nc⌉ fine cells
        var start = new int[nc + 1];
        for (int c = 0; c <= nc; c++)
        {
            start[c] = (int)Math.Round((double)c * n / nc);
            coarseFaces[c] = faces[start[c]];
        }
        for (int c = 0; c < nc; c++)
            for (int i = start[c]; i < start[c + 1]; i++) map[i] = c;
        return (new Axis(coarseFaces), map);
    }
}
