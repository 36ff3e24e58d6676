using System.Diagnostics;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Propagation;
using FokkerPlanck.Core.Langevin.Random;

namespace FokkerPlanck.Core.Benchmarks;

/// <summary>
/// Throughput of <see cref="EnsemblePropagator"/> on the peer's ensemble benchmark (<c>em_ref.py valley
/// NPART NSTEPS DT</c>): every particle starts at the peer's point, steps of dt at the case temperature,
/// measured in particle-steps per second; plus the time of each stage alone (<see cref="MeasureStages"/>).
/// </summary>
public static class LangevinBenchmark
{
    /// <summary>Particles (the peer README's figure is for 10⁶).</summary>
    public const int DefaultParticles = 1_000_000;

    /// <summary>Steps: a few seconds of ours at the target rate.</summary>
    public const int DefaultSteps = 1000;

    /// <summary>dt (the peer README's).</summary>
    public const double DefaultTimeStep = 1e-4;

    /// <summary>Seed of the noise.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>Calls of each stage per timed block: 20000 × 256 ≈ 5·10⁶ particle-steps, tens of milliseconds.</summary>
    public const int StageCalls = 20_000;

    /// <summary>Timed blocks per stage; the fastest is kept (other load only ever adds time).</summary>
    public const int StageBlocks = 5;

    private const int WarmupParticles = 4096;
    private const int WarmupSteps = 50;

    /// <summary>Runs every code path once, untimed (JIT), at one and at all threads.</summary>
    public static void Warmup(LangevinBenchmarkCase bench, LangevinMethod method)
    {
        ArgumentNullException.ThrowIfNull(bench);
        foreach (int threads in new[] { 1, Environment.ProcessorCount })
            Propagate(bench, method, WarmupParticles, WarmupSteps, DefaultTimeStep, threads, DefaultSeed);
        MeasureStages(bench, DefaultTimeStep, DefaultSeed, calls: 10, blocks: 1);
    }

    /// <summary>Propagates <paramref name="particles"/> particles through <paramref name="steps"/> steps and times it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive or dt is not positive.</exception>
    public static LangevinBenchmarkResult Run(LangevinBenchmarkCase bench, LangevinMethod method, int particles, int steps, double timeStep, int threads, ulong seed, string load)
    {
        ArgumentNullException.ThrowIfNull(bench);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(particles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        if (!(timeStep > 0)) throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "dt must be positive.");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var (state, wall) = Propagate(bench, method, particles, steps, timeStep, threads, seed);
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var (mx, vx, fx) = Moments(state.X);
        var (my, vy, fy) = Moments(state.Y);
        return new LangevinBenchmarkResult(bench.Name, method.ToString(), bench.GradientKind, SimdSupport.Preferred.ToString(), particles, steps, timeStep,
            bench.Temperature, bench.StartX, bench.StartY, threads, seed, wall, cpu, (double)particles * steps / wall, [mx, my], [vx, vy], [fx, fy], load);
    }

    /// <summary>
    /// Times each stage of a step alone on one chunk of 256 particles (one thread): the Philox blocks,
    /// the normal transform, the gradient and the update with the wall check.
    /// </summary>
    public static LangevinStageTimes MeasureStages(LangevinBenchmarkCase bench, double timeStep, ulong seed, int calls = StageCalls, int blocks = StageBlocks)
    {
        ArgumentNullException.ThrowIfNull(bench);
        const int n = ChunkWorker.ChunkSize;
        var (x, y, gx, gy, xi, eta) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        var (wa, wb) = (new ulong[n], new ulong[n]);
        for (int i = 0; i < n; i++) (x[i], y[i]) = (bench.StartX + 0.01 * Math.Sin(i), bench.StartY + 0.01 * Math.Cos(i));
        var evaluator = bench.Gradient.CreateEvaluator();
        var walls = bench.Walls;
        double Best(Action<int> stage)
        {
            double best = double.PositiveInfinity;
            for (int b = 0; b < blocks; b++)
            {
                long t0 = Stopwatch.GetTimestamp();
                for (int k = 0; k < calls; k++) stage(k);
                best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalNanoseconds / ((double)calls * n));
            }
            return best;
        }
        double philox = Best(k => NoiseKernels.Words(SimdSupport.Preferred, seed, CounterLayout.Noise(k), 0, wa, wb));
        double noise = Best(k => GaussianNoise.FillUnchecked(seed, k, 0, xi, eta));
        double gradient = Best(_ => evaluator.Gradient(x, y, gx, gy));
        // the update repeated on one chunk would random-walk it into the walls (and time the rare fold):
        // zero drift and amplitude run the same instructions without moving anything
        var still = new double[n];
        double update = Best(_ =>
        {
            ParticleUpdate.AdvancePreferred(x, still, xi, default, timeStep, 0.0, walls.XMin, walls.XMax);
            ParticleUpdate.AdvancePreferred(y, still, eta, default, timeStep, 0.0, walls.YMin, walls.YMax);
        });
        return new LangevinStageTimes(philox, Math.Max(0, noise - philox), gradient, update, calls);
    }

    private static (ParticleState State, double WallSeconds) Propagate(LangevinBenchmarkCase bench, LangevinMethod method, int particles, int steps, double timeStep, int threads, ulong seed)
    {
        var state = ParticleState.Allocate(particles);
        Array.Fill(state.X, bench.StartX);
        Array.Fill(state.Y, bench.StartY);
        var plan = new StepPlan(0, Enumerable.Repeat(timeStep, steps).ToArray(), Enumerable.Repeat(bench.Temperature, steps).ToArray());
        long t0 = Stopwatch.GetTimestamp();
        EnsemblePropagator.Advance(state, plan, method, bench.Gradient, bench.Walls, seed, new PropagatorOptions { Threads = threads });
        return (state, Stopwatch.GetElapsedTime(t0).TotalSeconds);
    }

    /// <summary>Mean, population variance and fourth central moment.</summary>
    private static (double Mean, double Variance, double Fourth) Moments(ReadOnlySpan<double> v)
    {
        double m = 0;
        foreach (double z in v) m += z;
        m /= v.Length;
        double m2 = 0, m4 = 0;
        foreach (double z in v)
        {
            double d = (z - m) * (z - m);
            m2 += d;
            m4 += d * d;
        }
        return (m, m2 / v.Length, m4 / v.Length);
    }
}
