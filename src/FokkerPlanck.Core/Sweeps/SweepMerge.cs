namespace FokkerPlanck.Core.Sweeps;

/// <summary>
/// Combines the shards of one plan into one result, after checking that they fit together: one plan
/// (fingerprint), one shard count, every shard present once and complete, every item present once.
/// </summary>
public static class SweepMerge
{
    /// <summary>Merges <paramref name="shards"/>.</summary>
    /// <param name="shards">The shard folders' contents.</param>
    /// <returns>Every item's result, by plan index.</returns>
    /// <exception cref="SweepException">The shards do not form one whole plan; the message names the shard or item at fault and the folders involved.</exception>
    public static MergedSweep Combine(IReadOnlyList<SweepShardContents> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new SweepException("merge", "no shard folders given.");
        var first = shards[0];
        foreach (var s in shards.Skip(1))
        {
            if (s.Manifest.Fingerprint != first.Manifest.Fingerprint)
                throw new SweepException($"shard {s.Manifest.Shard}", $"'{s.Source}' belongs to another plan (fingerprint {s.Manifest.Fingerprint}) than '{first.Source}' ({first.Manifest.Fingerprint}); merge shards of one sweep file and scenario only.");
            if (s.Manifest.Shard.Count != first.Manifest.Shard.Count)
                throw new SweepException($"shard {s.Manifest.Shard}", $"'{s.Source}' splits the plan into {s.Manifest.Shard.Count} shards but '{first.Source}' into {first.Manifest.Shard.Count}.");
        }
        CheckShards(shards, first.Manifest.Shard.Count);
        var byIndex = new SweepItemResult?[first.Manifest.PlanItems];
        var from = new string?[byIndex.Length];
        foreach (var s in shards)
            foreach (var r in s.Results)
            {
                int i = r.Item.Index;
                if (i < 0 || i >= byIndex.Length || !s.Manifest.Shard.Contains(i))
                    throw new SweepException($"item {r.Item.Id}", $"'{s.Source}' holds it with index {i}, which is not in shard {s.Manifest.Shard} of a {byIndex.Length}-item plan.");
                if (byIndex[i] is not null)
                    throw new SweepException($"item {r.Item.Id}", $"appears twice, in '{from[i]}' and in '{s.Source}'.");
                byIndex[i] = r;
                from[i] = s.Source;
            }
        var missing = Enumerable.Range(0, byIndex.Length).Where(i => byIndex[i] is null).ToArray();
        if (missing.Length > 0)
            throw new SweepException($"item {missing[0]}", $"{missing.Length} item(s) of the plan have no result (first: index {missing[0]} of shard {missing[0] % first.Manifest.Shard.Count}/{first.Manifest.Shard.Count}).");
        return new MergedSweep(first.Manifest.Fingerprint, [.. byIndex.Select(r => r!)]);
    }

    private static void CheckShards(IReadOnlyList<SweepShardContents> shards, int count)
    {
        var seen = new Dictionary<int, string>();
        foreach (var s in shards)
        {
            string name = $"shard {s.Manifest.Shard}";
            if (seen.TryGetValue(s.Manifest.Shard.Index, out string? other))
                throw new SweepException(name, $"appears twice, in '{other}' and in '{s.Source}'.");
            seen[s.Manifest.Shard.Index] = s.Source;
            if (!s.Manifest.Complete)
                throw new SweepException(name, $"'{s.Source}' did not finish ({s.Results.Count} of {s.Manifest.ItemIds.Count} items); rerun the same command to resume it.");
            var ids = s.Results.Select(r => r.Item.Id).ToHashSet(StringComparer.Ordinal);
            string? lost = s.Manifest.ItemIds.FirstOrDefault(id => !ids.Contains(id));
            if (lost is not null) throw new SweepException(name, $"'{s.Source}' lists item {lost} but holds no result for it.");
        }
        var absent = Enumerable.Range(0, count).Where(i => !seen.ContainsKey(i)).ToArray();
        if (absent.Length > 0)
            throw new SweepException($"shard {absent[0]}/{count}", $"is missing{(absent.Length > 1 ? $" (and {string.Join(", ", absent.Skip(1).Select(i => $"{i}/{count}"))})" : "")}; given: {string.Join(", ", shards.Select(s => $"{s.Manifest.Shard} in '{s.Source}'"))}.");
    }
}
