using System.Text.Json;
using System.Text.Json.Nodes;
using FokkerPlanck.Core.Sweeps;

namespace FokkerPlanck.Reporting;

/// <summary>A shard folder's <c>manifest.json</c>: plan fingerprint, shard i/N, plan size, the shard's item ids, complete or not.</summary>
public static class SweepManifestJson
{
    /// <summary>The manifest's content.</summary>
    /// <param name="m">The manifest.</param>
    /// <param name="sweepFile">The sweep file the shard was run from (for people; not checked).</param>
    public static JsonObject Build(SweepManifest m, string sweepFile)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new JsonObject
        {
            ["fingerprint"] = m.Fingerprint, ["shard"] = m.Shard.ToString(), ["shard_index"] = m.Shard.Index, ["shard_count"] = m.Shard.Count,
            ["plan_items"] = m.PlanItems, ["complete"] = m.Complete, ["sweep_file"] = sweepFile,
            ["item_ids"] = new JsonArray([.. m.ItemIds.Select(id => (JsonNode)id)]),
        };
    }

    /// <summary>Reads a manifest back.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="SweepException">The file is not a manifest (the subject names it).</exception>
    public static SweepManifest Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var o = doc.RootElement;
            var shard = new SweepShard(o.GetProperty("shard_index").GetInt32(), o.GetProperty("shard_count").GetInt32());
            if (shard.Count < 1 || shard.Index < 0 || shard.Index >= shard.Count) throw new FormatException($"shard {shard} is not i/N with 0 ≤ i < N");
            return new SweepManifest(o.GetProperty("fingerprint").GetString()!, shard, o.GetProperty("plan_items").GetInt32(),
                [.. o.GetProperty("item_ids").EnumerateArray().Select(e => e.GetString()!)], o.GetProperty("complete").GetBoolean());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SweepException($"manifest '{path}'", $"is not a sweep manifest ({e.Message}).", e);
        }
    }
}
