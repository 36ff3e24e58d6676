namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>The outcome of a <see cref="GTest"/>: statistic, correction, degrees of freedom, p-value and the bins as tested.</summary>
/// <param name="Count">Number of observations n.</param>
/// <param name="OriginalBins">Bins before merging.</param>
/// <param name="Groups">The categories tested: adjacent bins merged until each expects at least <see cref="MinimumExpected"/>.</param>
/// <param name="MinimumExpected">The merging threshold (<see cref="GTest.MinimumExpected"/> unless the caller chose another).</param>
/// <param name="Statistic">G = 2 Σ O ln(O/E) over the groups (before the correction).</param>
/// <param name="WilliamsFactor">Williams' q = 1 + (k² − 1)/(6nν) (1 when ν = 0).</param>
/// <param name="PValue">P(χ²_ν ≥ G/q); 1 when ν = 0 (nothing to test).</param>
public sealed record GTestResult(long Count, int OriginalBins, IReadOnlyList<BinGroup> Groups, double MinimumExpected,
    double Statistic, double WilliamsFactor, double PValue)
{
    /// <summary>Degrees of freedom ν = (groups − 1): the probabilities are given, none is estimated from the data.</summary>
    public int DegreesOfFreedom => Groups.Count - 1;

    /// <summary>The corrected statistic G/q, compared with χ²_ν.</summary>
    public double CorrectedStatistic => Statistic / WilliamsFactor;

    /// <summary>True when sparse bins were merged (fewer groups than bins).</summary>
    public bool Merged => Groups.Count < OriginalBins;

    /// <summary>Whether the test could say anything: at least two groups (ν ≥ 1).</summary>
    public bool IsTestable => DegreesOfFreedom >= 1;

    /// <summary>The verdict at level α.</summary>
    public Verdict VerdictAt(double level = Significance.DefaultLevel) => Significance.Judge(PValue, level);

    /// <summary>One sentence on the binning, e.g. "96 bins merged into 41 groups of adjacent bins with ≥ 5 expected each (Cochran's rule; the merge uses the expected counts only)".</summary>
    public string MergeNote => !IsTestable
        ? $"{OriginalBins} bins merged into one group: n = {Count} is too few to form two groups with ≥ {MinimumExpected:G3} expected each, nothing to test"
        : Merged
            ? $"{OriginalBins} bins merged into {Groups.Count} groups of adjacent bins with ≥ {MinimumExpected:G3} expected each (Cochran's rule; the merge uses the expected counts only)"
            : $"{OriginalBins} bins, each with ≥ {MinimumExpected:G3} expected (no merging needed)";
}
