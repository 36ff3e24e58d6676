namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>The outcome of a hypothesis test at a stated level (see <see cref="Significance"/>).</summary>
public enum Verdict
{
    /// <summary>The data do not contradict the reference at the level (p &gt; α): no evidence of a difference, not a proof of agreement.</summary>
    Consistent,

    /// <summary>The reference is rejected at the level (p ≤ α).</summary>
    Inconsistent,
}
