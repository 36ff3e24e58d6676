using FokkerPlanck.Core.Grids;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>
/// The uniform grid an SGD transition matrix lives on: cells sized to the step's noise <c>√(2Tη)</c>, so the
/// matrix has the same bandwidth at every learning rate (about (2·7·c + 2)² entries per column for c cells per
/// noise width), with a cap that keeps hot plateaus' grids fine enough for the landscape.
/// </summary>
public static class SgdGrid
{
    /// <summary>Default cells per noise width: one cell per standard deviation (Sheppard's identity to 5·10⁻⁸).</summary>
    public const double DefaultCellsPerNoise = 1.0;

    /// <summary>
    /// Default largest cell, as a fraction of the smaller domain side: hot plateaus have wide noise, and 1/60 of the
    /// river box (0.062 on the default scenario, where the basins are 2 apart and the sharp valley's hottest
    /// width is 0.14) keeps the landscape resolved there.
    /// </summary>
    public const double DefaultMaxCellFraction = 1.0 / 60;

    /// <summary>The grid for noise <paramref name="noise"/> on the box of <paramref name="like"/> (its walls, its dimension).</summary>
    /// <param name="like">A grid of the scenario (only its domain and dimension are used).</param>
    /// <param name="noise">√(2Tη).</param>
    /// <param name="cellsPerNoise">c: the cell is noise/c (at least <see cref="GaussianBins.MinNoiseCells"/>).</param>
    /// <param name="maxCell">The largest cell allowed.</param>
    public static TensorGrid For(TensorGrid like, double noise, double cellsPerNoise, double maxCell)
    {
        ArgumentNullException.ThrowIfNull(like);
        if (!(cellsPerNoise >= GaussianBins.MinNoiseCells))
            throw new ArgumentOutOfRangeException(nameof(cellsPerNoise), cellsPerNoise, $"The SGD grid needs at least {GaussianBins.MinNoiseCells} cells per noise width.");
        double h = Math.Min(noise / cellsPerNoise, maxCell);
        var y = Uniform(like.Y, h);
        return like.IsOneDimensional ? TensorGrid.OneDimensional(y) : new TensorGrid(Uniform(like.X, h), y);
    }

    /// <summary>The default largest cell for a scenario's box.</summary>
    public static double DefaultMaxCell(TensorGrid like)
        => DefaultMaxCellFraction * (like.IsOneDimensional ? like.Y.Length : Math.Min(like.X.Length, like.Y.Length));

    private static Axis Uniform(Axis axis, double h) => Axis.Uniform(axis.Min, axis.Max, Math.Max(2, (int)Math.Ceiling(axis.Length / h)));
}
