using System.Diagnostics;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace FokkerPlanck.Core.Tests.Langevin.Drift;

/// <summary>
/// Timing of the vectorized <see cref="BlockGradient"/> against <see cref="ScalarBlockGradient"/>:
/// ns per point of <see cref="IGradientEvaluator.Gradient"/> over an ensemble in full blocks
/// (the Langevin hot loop), best of several rounds, in thread CPU time (so time descheduled on a
/// shared machine does not count) and in wall time, with the load average. Runs only when the
/// environment variable FP_DRIFT_BENCH is set (e.g. <c>FP_DRIFT_BENCH=1 dotnet test --filter
/// FullyQualifiedName~BlockGradientBenchmark</c>); otherwise it returns at once. Asserts nothing.
/// </summary>
public class BlockGradientBenchmark(ITestOutputHelper output)
{
    /// <summary>Particles per sweep: 64 K, so x, y, gx, gy (2 MB) sit in L2/L3 like a per-thread ensemble slice.</summary>
    private const int Particles = 1 << 16;

    /// <summary>Timed rounds; the minimum is reported (the machine is shared, so the mean is noise).</summary>
    private const int Rounds = 15;

    /// <summary>Sweeps per round.</summary>
    private const int Sweeps = 20;

    [Theory]
    [InlineData("peer-valley.json")]
    [InlineData("two-basin.json")]
    public void Gradient_Scenario_ReportsNanosecondsPerPoint(string name)
    {
        if (Environment.GetEnvironmentVariable("FP_DRIFT_BENCH") is null) return;
        var scenario = BlockGradientTests.Load(name);
        var (x, y) = BlockGradientTests.Sample(scenario, new System.Random(1), Particles);
        var vector = Time(BlockGradient.Create(scenario).CreateEvaluator(), x, y);
        var scalar = Time(new ScalarBlockGradient(ScenarioLandscapeFactory.Create(scenario)), x, y);
        string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        output.WriteLine($"{name}: vectorized {vector.Cpu:F2} ns/point CPU ({vector.Wall:F2} wall), scalar {scalar.Cpu:F2} ns/point CPU " +
                         $"({scalar.Wall:F2} wall), ratio {scalar.Cpu / vector.Cpu:F1}x; thread CPU clock {ThreadCpuClock.IsThreadCpuTime}; " +
                         $"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}; load average {load}");
    }

    private static (double Cpu, double Wall) Time(IGradientEvaluator evaluator, double[] x, double[] y)
    {
        double[] gx = new double[x.Length], gy = new double[x.Length];
        double best = double.PositiveInfinity, bestWall = double.PositiveInfinity;
        for (int round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            double cpu = ThreadCpuClock.Nanoseconds();
            for (int sweep = 0; sweep < Sweeps; sweep++)
            {
                for (int start = 0; start < x.Length; start += BlockGradient.MaxBlock)
                {
                    evaluator.Gradient(x.AsSpan(start, BlockGradient.MaxBlock), y.AsSpan(start, BlockGradient.MaxBlock),
                        gx.AsSpan(start, BlockGradient.MaxBlock), gy.AsSpan(start, BlockGradient.MaxBlock));
                }
            }

            double points = (double)Sweeps * x.Length;
            best = Math.Min(best, (ThreadCpuClock.Nanoseconds() - cpu) / points);
            bestWall = Math.Min(bestWall, clock.Elapsed.TotalNanoseconds / points);
        }

        return (best, bestWall);
    }
}
