using FokkerPlanck.Core.Analysis.Statistics;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>
/// Particles against a Fokker–Planck density at one time: the marginal histograms, the excess loss and
/// the mode amplitudes, each tested, and an overall verdict Holm-corrected over those tests.
/// </summary>
/// <param name="Count">Number of particles.</param>
/// <param name="Y">The y-marginal (river) histogram and its G-test.</param>
/// <param name="X">The x-marginal (valley) histogram and its G-test; null for a one-dimensional grid.</param>
/// <param name="ExcessLoss">The excess loss and its z-test.</param>
/// <param name="Amplitudes">The mode amplitudes and their z-tests (empty without left eigenvectors).</param>
/// <param name="Tests">Every test, in the order y, x, excess loss, amplitudes, with Holm-adjusted p-values.</param>
/// <param name="Holm">The Holm–Bonferroni correction over <paramref name="Tests"/> at the level α.</param>
public sealed record ParticleComparison(int Count, MarginalComparison Y, MarginalComparison? X, LossComparison ExcessLoss,
    IReadOnlyList<AmplitudeComparison> Amplitudes, IReadOnlyList<TestOutcome> Tests, HolmResult Holm)
{
    /// <summary>The level α of the verdicts.</summary>
    public double Level => Holm.Level;

    /// <summary>Inconsistent when any test is rejected after Holm's correction over this time's tests (family-wise error rate α).</summary>
    public Verdict Verdict => Holm.Overall;

    /// <summary>The smallest Holm-adjusted p-value (the family's p-value).</summary>
    public double PValue => Holm.FamilyPValue;
}
