using System.Text.Json.Nodes;
using FokkerPlanck.Core.Sweeps;

namespace FokkerPlanck.Reporting;

/// <summary>The merged <c>sweep.json</c>: the plan's fingerprint, the swept axes, and one entry per item by plan index.</summary>
public static class SweepJson
{
    /// <summary>The document. Wall times are kept apart (<c>item_seconds</c>) so that <c>results</c> depends only on the plan.</summary>
    /// <param name="merged">The merged sweep.</param>
    public static JsonObject Build(MergedSweep merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var items = merged.Results.Select(r => r.Item).ToArray();
        return new JsonObject
        {
            ["fingerprint"] = merged.Fingerprint,
            ["items"] = merged.Results.Count,
            ["swept"] = new JsonArray([.. SweepCoordinate.Swept(items).Select(c => (JsonNode)c.Name)]),
            ["optimal_plateau_rule"] = "the lowest cooling strong Mpemba point (eta_h* above eta_c) of the effective slowest mode; error: grid convergence index when the grid study is on",
            ["results"] = new JsonArray([.. merged.Results.Select(r => (JsonNode)SweepItemJson.Result(r))]),
            ["item_seconds"] = JsonOutput.Numbers(merged.Results.Select(r => r.Seconds)),
        };
    }
}
