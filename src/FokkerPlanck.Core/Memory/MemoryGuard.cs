using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Memory;

/// <summary>A command refused because its estimated peak memory exceeds what is available.</summary>
/// <param name="message">One line: what is needed, what is there, and which grid would fit.</param>
public sealed class MemoryLimitException(string message) : Exception(message);

/// <summary>
/// The check made before the expensive work: the estimate of <see cref="MemoryModel"/> against the
/// memory available, refused with one line that says how much is needed, how much is there and
/// which grid would fit.
/// </summary>
public static class MemoryGuard
{
    /// <summary>Each try of a smaller grid shrinks the axes by this much more than the estimate's ratio asks (the estimate grows faster than the cell count: fill is n log n).</summary>
    private const double ShrinkMargin = 0.95;

    /// <summary>Grids tried when looking for one that fits.</summary>
    private const int MaxTries = 12;

    /// <summary>
    /// Throws <see cref="MemoryLimitException"/> when <paramref name="estimate"/> of the grid
    /// <paramref name="cells"/> exceeds <paramref name="availableBytes"/>.
    /// </summary>
    /// <param name="command">The command's name, for the message.</param>
    /// <param name="cells">The grid to run on.</param>
    /// <param name="estimate">Estimated peak for a grid (nx = 1 for 1D).</param>
    /// <param name="availableBytes">Bytes available.</param>
    /// <param name="source">Where the available figure comes from, e.g. "--max-memory" or "MemAvailable".</param>
    /// <param name="gridSetting">How a user asks for another grid (default <c>--grid NXxNY</c>).</param>
    /// <returns>The estimate of <paramref name="cells"/> (when it fits).</returns>
    public static MemoryEstimate Enforce(string command, GridCells cells, Func<int, int, MemoryEstimate> estimate, long availableBytes, string source,
        Func<GridCells, string>? gridSetting = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        int nx = cells.Nx ?? 1, ny = cells.Ny;
        var need = estimate(nx, ny);
        if (need.TotalBytes <= availableBytes) return need;
        string fit = FittingGrid(cells, estimate, need.TotalBytes, availableBytes) is var (g, e)
            ? $"a {g} grid fits (about {MemoryEstimate.FormatBytes(e.TotalBytes)}; {(gridSetting ?? (c => $"--grid {c}"))(g)})"
            : "no grid fits";
        throw new MemoryLimitException(
            $"not enough memory: {command} on the {cells} grid needs about {MemoryEstimate.FormatBytes(need.TotalBytes)} (estimate), "
            + $"{MemoryEstimate.FormatBytes(availableBytes)} available ({source}); {fit}.");
    }

    /// <summary>Scales both axes down by the square root of the estimate's excess until the estimate fits.</summary>
    private static (GridCells Grid, MemoryEstimate Estimate)? FittingGrid(GridCells cells, Func<int, int, MemoryEstimate> estimate, long needed, long available)
    {
        double nx = cells.Nx ?? 1, ny = cells.Ny;
        bool oneD = cells.Nx is null;
        for (int t = 0; t < MaxTries; t++)
        {
            double f = ShrinkMargin * (oneD ? (double)available / needed : Math.Sqrt((double)available / needed));
            nx = oneD ? 1 : Math.Floor(nx * f);
            ny = Math.Floor(ny * f);
            if (ny < GridCells.MinCellsPerAxis || (!oneD && nx < GridCells.MinCellsPerAxis)) return null;
            var e = estimate((int)nx, (int)ny);
            if (e.TotalBytes <= available) return (new GridCells(oneD ? null : (int)nx, (int)ny), e);
            needed = e.TotalBytes;
        }
        return null;
    }
}
