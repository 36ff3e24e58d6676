using FokkerPlanck.Core.Benchmarks;

namespace FokkerPlanck.Cli.Bench;

/// <summary>Our figures at one thread count: the fastest of the repetitions, and all of them.</summary>
/// <param name="Best">The fastest run.</param>
/// <param name="Repetitions">Every run, in the order measured.</param>
internal sealed record LangevinBenchRow(LangevinBenchmarkResult Best, IReadOnlyList<LangevinBenchmarkResult> Repetitions)
{
    /// <summary>The row of several runs (load from other processes only slows a run down, so the fastest is the least disturbed).</summary>
    public static LangevinBenchRow Of(IReadOnlyList<LangevinBenchmarkResult> runs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(runs.Count);
        return new LangevinBenchRow(runs.MaxBy(r => r.ParticleStepsPerSecond)!, runs);
    }
}
