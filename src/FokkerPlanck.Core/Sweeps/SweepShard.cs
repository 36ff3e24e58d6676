using System.Globalization;

namespace FokkerPlanck.Core.Sweeps;

/// <summary>
/// Shard <c>i/N</c> of a sweep: the items whose plan index is <c>i</c> modulo <c>N</c> (round robin, 0-based
/// like a Kubernetes <c>JOB_COMPLETION_INDEX</c> and a Slurm array <c>0-(N-1)</c>). Round robin spreads each
/// axis over the shards, so shards cost about the same even when one grid of the sweep is much finer.
/// </summary>
/// <param name="Index">i, in [0, N).</param>
/// <param name="Count">N ≥ 1.</param>
public sealed record SweepShard(int Index, int Count)
{
    /// <summary>The whole plan in one shard.</summary>
    public static SweepShard All { get; } = new(0, 1);

    /// <summary>Whether the item with plan index <paramref name="itemIndex"/> belongs to this shard.</summary>
    public bool Contains(int itemIndex) => itemIndex % Count == Index;

    /// <summary>Parses <c>i/N</c> with 0 ≤ i &lt; N.</summary>
    /// <param name="text">The text.</param>
    /// <param name="shard">The shard when valid.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryParse(string? text, out SweepShard shard)
    {
        shard = All;
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || i >= n) return false;
        shard = new SweepShard(i, n);
        return true;
    }

    /// <summary><c>i/N</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
