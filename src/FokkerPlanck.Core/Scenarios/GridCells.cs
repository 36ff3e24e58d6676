using System.Globalization;

namespace FokkerPlanck.Core.Scenarios;

/// <summary>Cell counts of a grid as written on a command line or in a sweep file: <c>NXxNY</c> (2D) or <c>NY</c> (1D).</summary>
/// <param name="Nx">Cells along x; null for a one-dimensional grid.</param>
/// <param name="Ny">Cells along y.</param>
public readonly record struct GridCells(int? Nx, int Ny)
{
    /// <summary>Fewest cells per axis (a finite-volume axis needs two cells for one interior face).</summary>
    public const int MinCellsPerAxis = 2;

    /// <summary>The grid of a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    public static GridCells Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var g = scenario.Problem.Grid;
        return new GridCells(scenario.IsOneDimensional ? null : g.Nx, g.Ny);
    }

    /// <summary>Parses <c>NXxNY</c> or <c>NY</c> (integers ≥ <see cref="MinCellsPerAxis"/>, an upper-case X allowed).</summary>
    /// <param name="text">The text.</param>
    /// <param name="cells">The cell counts when the text is valid.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryParse(string? text, out GridCells cells)
    {
        cells = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().ToLowerInvariant().Split('x');
        static int Cells(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= MinCellsPerAxis ? v : -1;
        if (parts.Length == 1 && Cells(parts[0]) is var ny1 && ny1 > 0) { cells = new GridCells(null, ny1); return true; }
        if (parts.Length == 2 && Cells(parts[0]) is var nx && nx > 0 && Cells(parts[1]) is var ny && ny > 0) { cells = new GridCells(nx, ny); return true; }
        return false;
    }

    /// <summary><c>NXxNY</c>, or <c>NY</c> for a one-dimensional grid.</summary>
    public override string ToString() => Nx is int nx ? $"{nx}x{Ny}" : Ny.ToString(CultureInfo.InvariantCulture);
}
