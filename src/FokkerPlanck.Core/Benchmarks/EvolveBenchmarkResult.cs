namespace FokkerPlanck.Core.Benchmarks;

/// <summary>
/// Figures of one <see cref="EvolveBenchmark"/> run at one grid size: a linear temperature decay
/// integrated by the <see cref="TimeStepping.TimeIntegrator"/> (times in wall-clock seconds).
/// </summary>
/// <param name="Case">Benchmark case name.</param>
/// <param name="CellsPerAxis">N (the grid is N × N).</param>
/// <param name="Unknowns">N² cells.</param>
/// <param name="HotTemperature">T_h: the run starts at the equilibrium of this temperature.</param>
/// <param name="ColdTemperature">T_c: the case's temperature, reached at the end of the decay and held.</param>
/// <param name="DecayTime">D: T falls linearly from T_h to T_c over [0, D].</param>
/// <param name="EndTime">t_end.</param>
/// <param name="Schedule">The schedule spec (<c>linear:D</c>, κ = 1 so η = T).</param>
/// <param name="RelativeTolerance">Relative tolerance per cell.</param>
/// <param name="AbsoluteTolerance">Absolute tolerance in units of the total mass (each cell gets it divided by N²).</param>
/// <param name="SetupSeconds">Landscape sampling, operator family, symbolic analysis (ordering) and the two equilibria.</param>
/// <param name="IntegrationSeconds">The time integration from 0 to t_end (every step, factorization, solve and the Krylov tail).</param>
/// <param name="TotalSeconds">Setup plus integration (wall clock of both).</param>
/// <param name="CpuSeconds">Process CPU time (all threads) of setup and integration.</param>
/// <param name="PeakMemoryMib">Peak resident set (VmHWM) of the process after the timed run (before the reference run, if any).</param>
/// <param name="Status">How the integration ended (<see cref="TimeStepping.IntegrationStatus"/>).</param>
/// <param name="AcceptedSteps">Accepted steps.</param>
/// <param name="RejectedSteps">Rejected steps.</param>
/// <param name="Factorizations">Numerical LU factorizations of stage matrices (the Krylov tail's included).</param>
/// <param name="Solves">Right-hand sides solved with a factor.</param>
/// <param name="Sweeps">Defect-correction sweeps with a reused factor.</param>
/// <param name="Assemblies">Operators assembled (one per new temperature).</param>
/// <param name="Products">Operator–vector products.</param>
/// <param name="FactorizationSeconds">Time in numerical factorizations.</param>
/// <param name="SolveSeconds">Time in triangular solves.</param>
/// <param name="TailStart">Time from which the Krylov exponential propagated to the end (NaN when it stepped all the way).</param>
/// <param name="TailDimension">Krylov dimension of the tail (0 when none).</param>
/// <param name="MassError">|Σm − 1| at t_end.</param>
/// <param name="MostNegativeMass">Most negative cell mass over accepted steps (0 when all stayed nonnegative).</param>
/// <param name="Times">The checkpoints t = D/2, D, (D + t_end)/2, t_end (the peer's).</param>
/// <param name="ExcessLoss">Per checkpoint <c>Σ m_i U_i − Σ π_c,i U_i</c> (U at cell centres).</param>
/// <param name="L1">Per checkpoint <c>Σ |m_i − π_c,i|</c>.</param>
/// <param name="WarmupCells">N of the untimed warm-up run that compiled the code first (0: none).</param>
/// <param name="Reference">The same run at tight tolerances (null when not asked for).</param>
public sealed record EvolveBenchmarkResult(
    string Case, int CellsPerAxis, int Unknowns, double HotTemperature, double ColdTemperature, double DecayTime, double EndTime, string Schedule,
    double RelativeTolerance, double AbsoluteTolerance,
    double SetupSeconds, double IntegrationSeconds, double TotalSeconds, double CpuSeconds, double PeakMemoryMib,
    string Status, int AcceptedSteps, int RejectedSteps, int Factorizations, long Solves, long Sweeps, int Assemblies, long Products,
    double FactorizationSeconds, double SolveSeconds, double TailStart, int TailDimension, double MassError, double MostNegativeMass,
    double[] Times, double[] ExcessLoss, double[] L1, int WarmupCells, EvolveBenchmarkReference? Reference)
{
    /// <summary>Steps tried: accepted plus rejected.</summary>
    public int Steps => AcceptedSteps + RejectedSteps;

    /// <summary>
    /// Per checkpoint <c>|E − E_ref| / |E_ref|</c> of this run's excess loss against the tight
    /// reference run, or null without one.
    /// </summary>
    public double[]? ReferenceDeviations => Reference is null ? null : EvolveBenchmark.RelativeDifferences(ExcessLoss, Reference.ExcessLoss);
}

/// <summary>The tight-tolerance run of an <see cref="EvolveBenchmark"/> (same case and size), the yardstick of both sides' accuracy.</summary>
/// <param name="RelativeTolerance">Its relative tolerance.</param>
/// <param name="AbsoluteTolerance">Its absolute tolerance (units of the total mass).</param>
/// <param name="Seconds">Setup plus integration, wall clock.</param>
/// <param name="Status">How the integration ended.</param>
/// <param name="Steps">Steps tried (accepted plus rejected).</param>
/// <param name="Factorizations">Numerical factorizations.</param>
/// <param name="ExcessLoss">Excess loss per checkpoint.</param>
/// <param name="L1">L1 distance to π_c per checkpoint.</param>
public sealed record EvolveBenchmarkReference(double RelativeTolerance, double AbsoluteTolerance, double Seconds, string Status, int Steps, int Factorizations,
    double[] ExcessLoss, double[] L1);
