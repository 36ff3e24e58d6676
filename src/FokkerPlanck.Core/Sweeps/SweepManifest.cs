namespace FokkerPlanck.Core.Sweeps;

/// <summary>What a shard folder holds: which plan, which shard, which items, and whether the shard ran to its end.</summary>
/// <param name="Fingerprint">The plan's fingerprint (<see cref="SweepPlan.Fingerprint"/>).</param>
/// <param name="Shard">The shard.</param>
/// <param name="PlanItems">Items in the whole plan.</param>
/// <param name="ItemIds">Ids of the shard's items, by plan index.</param>
/// <param name="Complete">True once every item of the shard has its result.</param>
public sealed record SweepManifest(string Fingerprint, SweepShard Shard, int PlanItems, IReadOnlyList<string> ItemIds, bool Complete)
{
    /// <summary>The manifest of a shard of <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="shard">The shard.</param>
    /// <param name="complete">Whether every item has its result.</param>
    public static SweepManifest Of(SweepPlan plan, SweepShard shard, bool complete)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new SweepManifest(plan.Fingerprint, shard, plan.Items.Count, [.. plan.ItemsOf(shard).Select(i => i.Id)], complete);
    }
}

/// <summary>A shard folder as read back for a merge: where it is, its manifest and its item results.</summary>
/// <param name="Source">The folder (named in messages).</param>
/// <param name="Manifest">Its manifest.</param>
/// <param name="Results">Its item results.</param>
public sealed record SweepShardContents(string Source, SweepManifest Manifest, IReadOnlyList<SweepItemResult> Results);

/// <summary>A merged sweep: the plan's fingerprint and every item's result, by plan index.</summary>
/// <param name="Fingerprint">The plan's fingerprint.</param>
/// <param name="Results">One result per plan item, by index.</param>
public sealed record MergedSweep(string Fingerprint, IReadOnlyList<SweepItemResult> Results);
