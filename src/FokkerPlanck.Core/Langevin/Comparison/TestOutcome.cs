using FokkerPlanck.Core.Analysis.Statistics;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>One test of a comparison with its Holm-adjusted p-value and verdict.</summary>
/// <param name="Name">"y marginal", "x marginal", "excess loss", "a2", …</param>
/// <param name="PValue">The test's own p-value.</param>
/// <param name="AdjustedPValue">Holm-adjusted over the tests of the same time.</param>
/// <param name="Verdict">Inconsistent when the adjusted p-value is at most α.</param>
public sealed record TestOutcome(string Name, double PValue, double AdjustedPValue, Verdict Verdict);
