namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>The samples of one time against the Fokker–Planck density at that time.</summary>
/// <param name="Time">t (steps × η).</param>
/// <param name="Steps">SGD steps as the file gave them, or null for a file in time.</param>
/// <param name="Runs">Distinct runs among the samples (0 when the file names none).</param>
/// <param name="Comparison">The tests and the verdict.</param>
public sealed record SampleTimeCheck(double Time, double? Steps, int Runs, ParticleComparison Comparison);
