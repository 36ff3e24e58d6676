using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Cli.Commands;

/// <summary>The shared <c>--grid NXxNY</c> (or <c>--grid NY</c> for 1D) override.</summary>
internal static class GridOption
{
    /// <summary>Creates the option.</summary>
    public static System.CommandLine.Option<string?> Create() => new("--grid") { Description = "Override the scenario grid: NXxNY (2D) or NY (1D), e.g. 256x512." };

    /// <summary>Parses the value into (nx, ny); nulls when absent.</summary>
    public static (int? Nx, int? Ny) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (!GridCells.TryParse(text, out var cells))
            throw new UsageException($"--grid: '{text}' is not NXxNY or NY with integers ≥ {GridCells.MinCellsPerAxis} (e.g. 256x512).");
        return (cells.Nx, cells.Ny);
    }
}
