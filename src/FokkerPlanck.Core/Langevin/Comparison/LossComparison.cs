using FokkerPlanck.Core.Analysis.Statistics;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>
/// The excess loss of the particles, <c>mean L(x_i, y_i) − E_π[L]</c>, against the Fokker–Planck value
/// <c>Σ p_k L(c_k) − E_π[L]</c> (the raw mean loss when no <c>E_π[L]</c> is given).
/// </summary>
/// <param name="Particles">The particles' mean excess loss with its standard error.</param>
/// <param name="Interval">Its two-sided confidence interval at <c>1 − α</c> (so it excludes the FP value about when the test rejects).</param>
/// <param name="FokkerPlanck">The FP value <c>Σ p_k L(c_k) − E_π[L]</c> (cell-centre quadrature, as <c>evolve</c> reports it).</param>
/// <param name="FokkerPlanckError">
/// The FP value's quadrature uncertainty <c>|Σ p_k (L̄_k − L(c_k))|</c>, with <c>L̄_k</c> the cell average of L
/// (3×3 Simpson): how much the within-cell shape of the density can move <c>E[L]</c> at this grid spacing;
/// it enters the test as the reference's standard error.
/// </param>
/// <param name="EquilibriumLoss"><c>E_π[L]</c> of the final equilibrium, or null (then both values are raw mean losses).</param>
/// <param name="Test">The z-test of the particles against the FP value.</param>
public sealed record LossComparison(MeanEstimate Particles, ConfidenceInterval Interval, double FokkerPlanck, double FokkerPlanckError, double? EquilibriumLoss, ZTestResult Test);
