using FokkerPlanck.Core.Analysis.Statistics;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>A sample file checked against the Fokker–Planck solution, time by time.</summary>
/// <param name="Times">One check per time the integration reached, in increasing time.</param>
/// <param name="RequestedTimes">Number of distinct sample times.</param>
/// <param name="Level">α of every verdict.</param>
/// <param name="EquilibriumLoss"><c>E_π[L]</c> of the final equilibrium (the zero of the excess losses).</param>
public sealed record SampleCheckResult(IReadOnlyList<SampleTimeCheck> Times, int RequestedTimes, double Level, double EquilibriumLoss)
{
    /// <summary>True when the integration reached every sample time.</summary>
    public bool Complete => Times.Count == RequestedTimes;

    /// <summary>Times whose samples are inconsistent with the FP density (after Holm's correction within the time).</summary>
    public int InconsistentTimes => Times.Count(t => t.Comparison.Verdict == Verdict.Inconsistent);

    /// <summary>Consistent when every checked time is. Each time is its own family: across k times about k·α consistent times fail by chance.</summary>
    public Verdict Verdict => InconsistentTimes == 0 ? Verdict.Consistent : Verdict.Inconsistent;
}
