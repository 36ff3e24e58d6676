namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>Holm-adjusted p-values of a family of tests and the verdicts at a level.</summary>
/// <param name="PValues">Raw p-values.</param>
/// <param name="AdjustedPValues">Holm-adjusted p-values, same order.</param>
/// <param name="Level">α of the family.</param>
public sealed record HolmResult(IReadOnlyList<double> PValues, IReadOnlyList<double> AdjustedPValues, double Level)
{
    /// <summary>The verdict on test <paramref name="index"/> (adjusted p ≤ α: inconsistent).</summary>
    public Verdict VerdictOf(int index) => Significance.Judge(AdjustedPValues[index], Level);

    /// <summary>The family's p-value, the smallest adjusted one, <c>min(1, m·p_min)</c> (1 for an empty family).</summary>
    public double FamilyPValue => AdjustedPValues.Count == 0 ? 1 : AdjustedPValues.Min();

    /// <summary>Inconsistent when any test of the family is rejected after the correction.</summary>
    public Verdict Overall => Significance.Judge(FamilyPValue, Level);

    /// <summary>Number of tests rejected after the correction.</summary>
    public int Rejections => AdjustedPValues.Count(p => p <= Level);
}
