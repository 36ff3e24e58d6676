using FokkerPlanck.Core.Analysis.Statistics;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>A mode amplitude: the particles' mean of <c>v_k</c> (read at each particle's cell) against the Fokker–Planck <c>⟨v_k, p⟩</c>.</summary>
/// <param name="Mode">The mode number k (2 is the slowest relaxation mode).</param>
/// <param name="Particles">Mean of <c>v_k(cell of particle i)</c> with its standard error.</param>
/// <param name="FokkerPlanck">The FP amplitude <c>⟨v_k, p⟩</c>.</param>
/// <param name="Test">The z-test of the particles against the FP amplitude.</param>
public sealed record AmplitudeComparison(int Mode, MeanEstimate Particles, double FokkerPlanck, ZTestResult Test);
