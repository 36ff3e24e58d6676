using System.Globalization;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Sweeps;

/// <summary>
/// One independent work item of a <see cref="SweepPlan"/>: a point of the parameter grid, with its place in
/// the plan, a stable id and a seed.
/// </summary>
/// <param name="Index">Position in the plan (0-based); decides the shard (<see cref="SweepShard.Contains"/>).</param>
/// <param name="Id">Stable, file-name-safe id built from the coordinates, e.g. <c>grid=24x48_kappa=1_A=46_lr=0.145</c>.</param>
/// <param name="Seed">Seed derived from <paramref name="Index"/> alone (<see cref="SeedOf"/>), for stochastic stages; the spectral Mpemba analysis is deterministic and does not draw from it.</param>
/// <param name="FinalLr">η_c.</param>
/// <param name="Kappa">κ.</param>
/// <param name="Grid">Grid cells.</param>
/// <param name="Parameters">Landscape parameter values by name, in the plan's axis order.</param>
public sealed record SweepItem(int Index, string Id, ulong Seed, double FinalLr, double Kappa, GridCells Grid, IReadOnlyList<KeyValuePair<string, double>> Parameters)
{
    /// <summary>Increment of the SplitMix64 generator (2⁶⁴/φ, Steele, Lea &amp; Flood, OOPSLA 2014).</summary>
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// The seed of item <paramref name="index"/>: the SplitMix64 output for state <c>(index + 1)·γ</c>. Neighbouring
    /// indices get uncorrelated seeds, and the seed depends on nothing but the index (not on the shard or machine).
    /// </summary>
    /// <param name="index">Item index.</param>
    public static ulong SeedOf(int index)
    {
        unchecked
        {
            ulong z = (ulong)(index + 1) * GoldenGamma;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The id of a point: every coordinate as <c>name=value</c> (shortest round-trip numbers), joined by '_'.</summary>
    internal static string IdOf(double finalLr, double kappa, GridCells grid, IEnumerable<KeyValuePair<string, double>> parameters)
    {
        var parts = new List<string> { $"grid={grid}", $"kappa={Number(kappa)}" };
        parts.AddRange(parameters.Select(p => $"{p.Key}={Number(p.Value)}"));
        parts.Add($"lr={Number(finalLr)}");
        return string.Join('_', parts);
    }

    /// <summary>A number as in ids and tables: shortest round-trip form, invariant culture.</summary>
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// The scenario of this item: the parameters set, then κ changed with the temperatures of the plateau scan kept
    /// (<see cref="Scenario.WithKappa"/>), then the final LR and the grid set. Final LRs stay in LR units, so a κ sweep
    /// at a fixed final LR changes T_c = κη_c.
    /// </summary>
    /// <param name="scenario">The sweep's scenario.</param>
    public Scenario ApplyTo(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var withParameters = scenario.WithParameters(Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        return (withParameters.WithKappa(Kappa) with { FinalLr = FinalLr }).WithGrid(Grid.Nx, Grid.Ny);
    }
}
