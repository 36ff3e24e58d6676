using FokkerPlanck.Core.Grids;

namespace FokkerPlanck.Core.Langevin;

/// <summary>
/// Reductions of an ensemble to numbers, computed on the fly from the current positions (nothing of
/// the trajectories is kept): a grid field read at each particle's cell (averaged by <see cref="Analysis.Statistics.MeanEstimate"/>).
/// </summary>
public static class ParticleReductions
{
    /// <summary>The cell of the grid that holds <c>(x, y)</c> (clamped to the box; x is ignored on 1D grids).</summary>
    public static int CellOf(TensorGrid grid, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int i = grid.IsOneDimensional ? 0 : grid.X.CellOf(x);
        return grid.Index(i, grid.Y.CellOf(y));
    }

    /// <summary><paramref name="field"/> (one value per cell) read at every particle's cell, into <paramref name="values"/>.</summary>
    public static void Sample(TensorGrid grid, ReadOnlySpan<double> field, ParticleState state, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (field.Length != grid.CellCount) throw new ArgumentException($"the field has {field.Length} cells, the grid {grid.CellCount}.", nameof(field));
        for (int p = 0; p < state.Count; p++) values[p] = field[CellOf(grid, state.X[p], state.Y[p])];
    }
}
