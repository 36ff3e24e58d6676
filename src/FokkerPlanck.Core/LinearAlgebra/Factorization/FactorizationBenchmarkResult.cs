namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>Measurements of one <see cref="FactorizationBenchmark"/> run (times are wall-clock).</summary>
/// <param name="Nx">Grid points in x.</param>
/// <param name="Ny">Grid points in y.</param>
/// <param name="Matrix">Which test matrix was factorized.</param>
/// <param name="Size">Matrix dimension n = nx·ny.</param>
/// <param name="NonZerosInFactor">Stored entries of L (supernodal trapezoids, diagonal included).</param>
/// <param name="FlopCount">Floating-point operations of the numeric factorization.</param>
/// <param name="AnalyzeTime">Ordering plus symbolic analysis.</param>
/// <param name="FactorTime">Numeric LDLᵀ factorization.</param>
/// <param name="FactorProcessorTime">CPU time of all threads during the factorization (robust on a shared machine).</param>
/// <param name="RefactorTime">In-place refactorization with the same values (<see cref="SparseLdlt.Refactor(CsrMatrix, IProgress{double}?)"/>: storage reused, no page faults).</param>
/// <param name="SolveTime">One solve with one right-hand side.</param>
/// <param name="MultiSolveTime">One solve with <paramref name="RhsCount"/> right-hand sides.</param>
/// <param name="RhsCount">Right-hand sides in the multi-RHS solve.</param>
/// <param name="RelativeResidual">‖b − A x‖₂ / ‖b‖₂ of the single solve.</param>
/// <param name="PeakWorkingSetBytes">Peak working set of the process after the run.</param>
public sealed record FactorizationBenchmarkResult(
    int Nx,
    int Ny,
    BenchmarkMatrix Matrix,
    int Size,
    long NonZerosInFactor,
    double FlopCount,
    TimeSpan AnalyzeTime,
    TimeSpan FactorTime,
    TimeSpan FactorProcessorTime,
    TimeSpan RefactorTime,
    TimeSpan SolveTime,
    TimeSpan MultiSolveTime,
    int RhsCount,
    double RelativeResidual,
    long PeakWorkingSetBytes)
{
    /// <summary>Factorization speed in 10⁹ flop/s.</summary>
    public double GigaflopsPerSecond => FlopCount / FactorTime.TotalSeconds / 1e9;

    /// <summary>Multi-RHS solve time divided by the number of right-hand sides.</summary>
    public TimeSpan MultiSolveTimePerRhs => MultiSolveTime / Math.Max(1, RhsCount);
}
