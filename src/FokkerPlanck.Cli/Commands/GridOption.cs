using System.CommandLine;
using System.Globalization;

namespace FokkerPlanck.Cli.Commands;

/// <summary>The shared <c>--grid NXxNY</c> (or <c>--grid NY</c> for 1D) override.</summary>
internal static class GridOption
{
    /// <summary>Creates the option.</summary>
    public static Option<string?> Create() => new("--grid") { Description = "Override the scenario grid: NXxNY (2D) or NY (1D), e.g. 256x512." };

    /// <summary>Parses the value into (nx, ny); nulls when absent.</summary>
    public static (int? Nx, int? Ny) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var parts = text.ToLowerInvariant().Split('x');
        int Cells(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= 2
            ? v : throw new UsageException($"--grid: '{text}' is not NXxNY or NY with integers ≥ 2 (e.g. 256x512).");
        return parts.Length switch
        {
            1 => (null, Cells(parts[0])),
            2 => (Cells(parts[0]), Cells(parts[1])),
            _ => throw new UsageException($"--grid: '{text}' is not NXxNY or NY (e.g. 256x512)."),
        };
    }
}
