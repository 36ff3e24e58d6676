namespace FokkerPlanck.Core.Benchmarks;

/// <summary>One timed <see cref="LangevinBenchmark.Run"/>: throughput and the ensemble's moments at the end.</summary>
/// <param name="Case">Scenario name.</param>
/// <param name="Method">Langevin method.</param>
/// <param name="Gradient">Gradient implementation.</param>
/// <param name="Simd">Lane width of the kernels (<c>Vector512</c>, <c>Vector256</c>, <c>Scalar</c>).</param>
/// <param name="Particles">Ensemble size.</param>
/// <param name="Steps">Steps taken.</param>
/// <param name="TimeStep">dt.</param>
/// <param name="Temperature">T.</param>
/// <param name="StartX">Initial x of every particle.</param>
/// <param name="StartY">Initial y of every particle.</param>
/// <param name="Threads">Worker threads.</param>
/// <param name="Seed">Noise seed.</param>
/// <param name="WallSeconds">Wall-clock time of the propagation.</param>
/// <param name="CpuSeconds">Process CPU time of the propagation (all threads).</param>
/// <param name="ParticleStepsPerSecond">Particles × steps ÷ wall seconds.</param>
/// <param name="Mean">Ensemble mean of (x, y) at the end.</param>
/// <param name="Variance">Ensemble variance (population, as NumPy's <c>var</c>) of (x, y).</param>
/// <param name="FourthMoment">Fourth central moment of (x, y) (for the standard error of the variance).</param>
/// <param name="Load">1/5/15-minute load averages just before the run.</param>
public sealed record LangevinBenchmarkResult(string Case, string Method, string Gradient, string Simd, int Particles, int Steps, double TimeStep,
    double Temperature, double StartX, double StartY, int Threads, ulong Seed, double WallSeconds, double CpuSeconds, double ParticleStepsPerSecond,
    double[] Mean, double[] Variance, double[] FourthMoment, string Load);
