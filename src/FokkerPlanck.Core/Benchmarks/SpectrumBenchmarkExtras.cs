namespace FokkerPlanck.Core.Benchmarks;

/// <summary>The stages SciPy does not compute, timed in a second solve after the like-for-like one.</summary>
/// <param name="VerificationSeconds">Inertia count (an extra LDLᵀ) proving no eigenvalue was missed.</param>
/// <param name="MissedEigenvalues">Eigenvalues below the largest computed one that were missed (0 = complete).</param>
/// <param name="LeftVectorSeconds">Backward LU and left-eigenvector refinement per mode.</param>
/// <param name="MaxLeftResidual">Largest left-vector residual after refinement.</param>
/// <param name="TotalSeconds">Wall clock of that second solve, all stages.</param>
/// <param name="PeakMemoryMib">Process peak resident set after it.</param>
public sealed record SpectrumBenchmarkExtras(
    double VerificationSeconds, int? MissedEigenvalues, double LeftVectorSeconds, double MaxLeftResidual, double TotalSeconds, double PeakMemoryMib);
