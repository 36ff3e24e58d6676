namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>Wall-clock seconds of each stage of a spectrum computation.</summary>
/// <param name="Assembly">Operator assembly (incl. landscape sampling when done here).</param>
/// <param name="Ordering">Nested-dissection ordering and symbolic analysis: the wall time waited for them after the assembly, beside which (and beside the sampling, when the caller starts them early) they run.</param>
/// <param name="Factorization">Numeric LDLᵀ of the shifted operator.</param>
/// <param name="Iteration">Lanczos iterations (solves, orthogonalization, residuals).</param>
/// <param name="Verification">Inertia count (an LDLᵀ at the probe, none when the accepted factor already counts).</param>
/// <param name="LeftVectors">Left eigenvectors: block inverse iteration with the eigen solve's LDLᵀ, and the per-mode LU refinement of any column that stalls.</param>
/// <param name="CoarseStart">Start vectors from the coarse level (<see cref="CoarseGridStart"/>): the wall time waited for it after the factorization; it runs beside the assembly, the ordering and the factorization.</param>
public sealed record StageTimings(double Assembly, double Ordering, double Factorization, double Iteration, double Verification, double LeftVectors, double CoarseStart = 0.0)
{
    /// <summary>Sum of all stages.</summary>
    public double Total => Assembly + Ordering + Factorization + Iteration + Verification + LeftVectors + CoarseStart;
}
