using System.Text.Json;
using System.Text.Json.Nodes;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Sweeps;

namespace FokkerPlanck.Reporting;

/// <summary>
/// One sweep item's result as JSON: the file <c>items/ID.json</c> of a shard folder (with the plan's fingerprint and
/// the wall time), and the entries of the merged <c>sweep.json</c> (without them); read back for resume and merge.
/// </summary>
public static class SweepItemJson
{
    /// <summary>The item file: <see cref="Result"/> plus the plan's fingerprint and the item's wall time.</summary>
    /// <param name="result">The result.</param>
    /// <param name="fingerprint">The plan's fingerprint.</param>
    public static JsonObject File(SweepItemResult result, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = new JsonObject { ["fingerprint"] = fingerprint };
        foreach (var (key, value) in Result(result)) o[key] = value?.DeepClone();
        o["seconds"] = result.Seconds;
        return o;
    }

    /// <summary>The coordinates and findings of an item (everything that does not depend on the machine or the run).</summary>
    /// <param name="r">The result.</param>
    public static JsonObject Result(SweepItemResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var item = r.Item;
        var optimal = r.Optimal;
        return new JsonObject
        {
            ["index"] = item.Index, ["id"] = item.Id, ["seed"] = item.Seed,
            ["final_lr"] = item.FinalLr, ["kappa"] = item.Kappa, ["grid"] = item.Grid.ToString(),
            ["parameters"] = new JsonObject([.. item.Parameters.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value))]),
            ["status"] = r.Status.ToString(),
            ["optimal_plateau_lr"] = JsonOutput.Number(optimal?.Lr ?? double.NaN),
            ["optimal_plateau_lr_error"] = JsonOutput.Number(optimal?.Error ?? double.NaN),
            ["gain"] = JsonOutput.Number(r.Gain),
            ["lambda2"] = JsonOutput.Number(r.Lambda2), ["lambda3"] = JsonOutput.Number(r.Lambda3),
            ["closest_approach_lr"] = JsonOutput.Number(r.ClosestApproachLr),
            ["strong_points"] = Points(r.Points),
            ["reduced_1d"] = r.Reduced1D is null ? null : Points(r.Reduced1D),
        };
    }

    /// <summary>Reads an item file back.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The fingerprint it was written under, and the result.</returns>
    /// <exception cref="SweepException">The file is not an item file (the subject names it).</exception>
    public static (string Fingerprint, SweepItemResult Result) Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            var o = doc.RootElement;
            var grid = GridCells.TryParse(o.GetProperty("grid").GetString(), out var g) ? g : throw new FormatException("bad grid");
            var parameters = o.GetProperty("parameters").EnumerateObject().Select(p => new KeyValuePair<string, double>(p.Name, p.Value.GetDouble())).ToArray();
            var item = new SweepItem(o.GetProperty("index").GetInt32(), o.GetProperty("id").GetString()!, o.GetProperty("seed").GetUInt64(),
                o.GetProperty("final_lr").GetDouble(), o.GetProperty("kappa").GetDouble(), grid, parameters);
            var reduced = o.GetProperty("reduced_1d");
            var result = new SweepItemResult(item, ReadPoints(o.GetProperty("strong_points")), reduced.ValueKind == JsonValueKind.Null ? null : ReadPoints(reduced),
                Number(o.GetProperty("lambda2")), Number(o.GetProperty("lambda3")), Number(o.GetProperty("closest_approach_lr")), o.GetProperty("seconds").GetDouble());
            return (o.GetProperty("fingerprint").GetString()!, result);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SweepException($"item file '{path}'", $"is not a sweep item file ({e.Message}).", e);
        }
    }

    private static JsonArray Points(IEnumerable<PointEstimate> points) => new([.. points.Select(p => (JsonNode)new JsonObject
    {
        ["kind"] = p.Kind, ["lr"] = p.Lr, ["error"] = JsonOutput.Number(p.Error), ["per_grid"] = JsonOutput.Numbers(p.PerGrid),
        ["observed_order"] = JsonOutput.Number(p.ObservedOrder), ["gain"] = JsonOutput.Number(p.Gain),
    })]);

    private static PointEstimate[] ReadPoints(JsonElement a) => [.. a.EnumerateArray().Select(p => new PointEstimate(
        p.GetProperty("kind").GetString()!, p.GetProperty("lr").GetDouble(), Number(p.GetProperty("error")),
        [.. p.GetProperty("per_grid").EnumerateArray().Select(Number)], Number(p.GetProperty("observed_order")), Number(p.GetProperty("gain"))))];

    /// <summary>A number written by <see cref="JsonOutput.Number"/> (null for a non-finite value) read back.</summary>
    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();
}
