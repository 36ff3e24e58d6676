namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>Adjacent bins <c>First … Last</c> (inclusive) tested as one category.</summary>
/// <param name="First">First original bin.</param>
/// <param name="Last">Last original bin (≥ <paramref name="First"/>).</param>
/// <param name="Observed">Observed count of the group.</param>
/// <param name="Expected">Expected count of the group, <c>n·Σp</c>.</param>
public sealed record BinGroup(int First, int Last, long Observed, double Expected)
{
    /// <summary>Number of original bins in the group.</summary>
    public int Width => Last - First + 1;
}
