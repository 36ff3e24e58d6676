using System.Text.Json.Nodes;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Reporting;

/// <summary>The JSON of a scenario check (<c>check --json</c>, and the check stage of <c>run</c>).</summary>
public static class CheckJson
{
    /// <summary>check.json: the grid, the operator's size, the diagnostics per temperature and the warnings.</summary>
    public static JsonObject Build(ScenarioCheckReport r) => new()
    {
        ["scenario"] = r.Scenario,
        ["landscape"] = r.Landscape,
        ["grid"] = new JsonObject
        {
            ["nx"] = r.Grid.Nx, ["ny"] = r.Grid.Ny, ["one_dimensional"] = r.Grid.IsOneDimensional,
            ["x"] = JsonOutput.Numbers([r.Grid.X.Min, r.Grid.X.Max]), ["y"] = JsonOutput.Numbers([r.Grid.Y.Min, r.Grid.Y.Max]),
            ["x_cell_min"] = r.Grid.X.MinWidth, ["x_cell_max"] = r.Grid.X.MaxWidth,
        },
        ["unknowns"] = r.Unknowns,
        ["nonzeros"] = r.NonZeros,
        ["checks"] = new JsonArray([.. r.Checks.Select(c => (JsonNode)new JsonObject
        {
            ["label"] = c.Label, ["lr"] = c.LearningRate, ["temperature"] = c.Temperature,
            ["mass_residual"] = c.MassResidual, ["detailed_balance_residual"] = c.DetailedBalanceResidual,
            ["cells_per_width_x"] = JsonOutput.Number(c.CellsPerWidthX), ["cells_per_width_y"] = JsonOutput.Number(c.CellsPerWidthY),
            ["wall_mass"] = new JsonObject
            {
                ["x_low"] = JsonOutput.Number(c.WallMass[0]), ["x_high"] = JsonOutput.Number(c.WallMass[1]),
                ["y_low"] = c.WallMass[2], ["y_high"] = c.WallMass[3],
            },
            ["assembly_seconds"] = c.AssemblySeconds,
        })]),
        ["warnings"] = new JsonArray([.. r.Warnings.Select(w => (JsonNode)w)]),
        ["memory"] = new JsonArray([.. r.Memory.Select(m => (JsonNode)new JsonObject
        {
            ["command"] = m.Command, ["workload"] = m.Estimate.Workload.ToString().ToLowerInvariant(), ["grid"] = m.Estimate.Grid,
            ["peak_bytes"] = m.Estimate.TotalBytes,
            ["terms"] = new JsonArray([.. m.Estimate.Terms.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["bytes"] = t.Bytes })]),
        })]),
    };
}
