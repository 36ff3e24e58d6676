namespace FokkerPlanck.Core.Benchmarks;

/// <summary>Figures of one <see cref="SpectrumBenchmark"/> run at one grid size (times in wall-clock seconds).</summary>
/// <param name="Case">Benchmark case name.</param>
/// <param name="CellsPerAxis">N (the grid is N × N).</param>
/// <param name="Unknowns">N² cells.</param>
/// <param name="NonZeros">Non-zeros of the symmetrized operator A.</param>
/// <param name="AssemblySeconds">Landscape sampling, face conductances and CSR assembly of A.</param>
/// <param name="OrderingSeconds">Nested-dissection ordering and symbolic analysis.</param>
/// <param name="FactorizationSeconds">Numeric LDLᵀ of A − σI.</param>
/// <param name="IterationSeconds">Block Lanczos iteration (solves, orthogonalization, Ritz residuals).</param>
/// <param name="PostprocessSeconds">Mode sign fixing, left vectors by division, their residuals (no refinement).</param>
/// <param name="TotalSeconds">Wall clock of the whole computation, assembly included.</param>
/// <param name="CpuSeconds">Process CPU time (all threads) spent in the measured computation.</param>
/// <param name="PeakMemoryMib">Peak resident set (VmHWM) of the process after the measured computation.</param>
/// <param name="Rates">Eigenvalues <c>0 = λ₁ &lt; λ₂ ≤ …</c> of A (relaxation rates).</param>
/// <param name="Residuals">Per mode <c>‖Aφ − λφ‖₂ / ‖A‖₁</c> (φ unit).</param>
/// <param name="ScipyResiduals">Per mode <c>‖Aφ − λφ‖₂ / max(1, max|λ|)</c>, the peer's measure.</param>
/// <param name="SolverResiduals">Per mode residuals the solver itself reports.</param>
/// <param name="Status">Convergence status.</param>
/// <param name="Restarts">Lanczos restarts.</param>
/// <param name="Solves">Right-hand sides solved with the factorization.</param>
/// <param name="Shift">Shift σ.</param>
/// <param name="BlockSize">Lanczos block size.</param>
/// <param name="WarmupCells">N of the untimed warm-up solve that compiled the code first (0: none).</param>
/// <param name="Extras">The optional stages timed separately (null when not run).</param>
/// <param name="CoarseStartSeconds">Start vectors from the coarse level (its sampling, factorization and iteration).</param>
public sealed record SpectrumBenchmarkResult(
    string Case, int CellsPerAxis, int Unknowns, int NonZeros,
    double AssemblySeconds, double OrderingSeconds, double FactorizationSeconds, double IterationSeconds, double PostprocessSeconds,
    double TotalSeconds, double CpuSeconds, double PeakMemoryMib,
    double[] Rates, double[] Residuals, double[] ScipyResiduals, double[] SolverResiduals,
    string Status, int Restarts, long Solves, double Shift, int BlockSize, int WarmupCells, SpectrumBenchmarkExtras? Extras, double CoarseStartSeconds)
{
    /// <summary>The eigen part: ordering + factorization + coarse start + iteration (the peer's <c>t_eig</c> counterpart).</summary>
    public double EigenSeconds => OrderingSeconds + FactorizationSeconds + CoarseStartSeconds + IterationSeconds;

    /// <summary>Largest of <see cref="Residuals"/>.</summary>
    public double MaxResidual => Residuals.Max();

    /// <summary>Largest of <see cref="ScipyResiduals"/>.</summary>
    public double MaxScipyResidual => ScipyResiduals.Max();
}
