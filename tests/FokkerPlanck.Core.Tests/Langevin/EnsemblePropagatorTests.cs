using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Tests.TestSupport;

using static FokkerPlanck.Core.Tests.Langevin.PropagatorTestSupport;

namespace FokkerPlanck.Core.Tests.Langevin;

/// <summary>
/// The propagator's contracts: identical bits for any thread count and for a run split into plans,
/// counters, one-dimensional landscapes, the non-finite failure, validation, progress and cancellation.
/// </summary>
public sealed class EnsemblePropagatorTests
{
    private const ulong Seed = 424242;
    private static readonly Walls ValleyBox = new(-1, 1, -2.5, 2.5);

    /// <summary>Five full chunks and a ragged one, spread over the valley.</summary>
    private static ParticleState ValleyStart()
    {
        var s = ParticleState.Allocate(5 * 256 + 37);
        for (int i = 0; i < s.Count; i++)
        {
            s.X[i] = 0.9 * Math.Sin(i);
            s.Y[i] = 2.4 * Math.Cos(0.7 * i);
        }
        return s;
    }

    [Theory]
    [InlineData(LangevinMethod.EulerMaruyama)]
    [InlineData(LangevinMethod.LeimkuhlerMatthews)]
    [InlineData(LangevinMethod.Sgd)]
    public void Advance_OneTwoThreeThreads_GiveTheSameBits(LangevinMethod method)
    {
        var results = new[] { 1, 2, 3 }.Select(threads =>
        {
            var s = ValleyStart();
            Run(s, method, TestLandscapes.PeerValley(), ValleyBox, 60, 0.01, 0.25, Seed, threads);
            return s;
        }).ToArray();
        Assert.Equal(results[0].X, results[1].X);
        Assert.Equal(results[0].Y, results[1].Y);
        Assert.Equal(results[0].X, results[2].X);
        Assert.Equal(results[0].Y, results[2].Y);
    }

    [Theory]
    [InlineData(LangevinMethod.EulerMaruyama)]
    [InlineData(LangevinMethod.LeimkuhlerMatthews)]
    public void Advance_TwoPlans_EqualOneConcatenatedPlan(LangevinMethod method)
    {
        var landscape = TestLandscapes.PeerValley();
        double[] sizes = [.. Enumerable.Range(0, 100).Select(k => 0.005 + 1e-4 * k)];
        double[] temperatures = [.. Enumerable.Range(0, 100).Select(k => 1.0 - 0.007 * k)];
        var whole = ValleyStart();
        EnsemblePropagator.Advance(whole, new StepPlan(0, sizes, temperatures), method, new ScalarBlockGradient(landscape), ValleyBox, Seed, new PropagatorOptions());
        var split = ValleyStart();
        EnsemblePropagator.Advance(split, new StepPlan(0, sizes[..40], temperatures[..40]), method, new ScalarBlockGradient(landscape), ValleyBox, Seed, new PropagatorOptions { Threads = 2 });
        EnsemblePropagator.Advance(split, new StepPlan(40, sizes[40..], temperatures[40..]), method, new ScalarBlockGradient(landscape), ValleyBox, Seed, new PropagatorOptions { Threads = 1 });
        Assert.Equal(whole.X, split.X);
        Assert.Equal(whole.Y, split.Y);
        Assert.Equal(100, split.NextStep);
        Assert.Equal(sizes.Sum(), split.Time, 12);
    }

    /// <summary>
    /// Leimkuhler–Matthews in a small box, where many particles are mirrored at the last step of the
    /// first plan: the negated carried noise survives the call boundary (same bits as one call).
    /// </summary>
    [Fact]
    public void Advance_LeimkuhlerMatthewsAtTheWalls_TwoPlansEqualOne()
    {
        var box = new Walls(0, 0.2, 0, 0.1);
        var whole = PointStart(1000, 0.1, 0.05);
        Run(whole, LangevinMethod.LeimkuhlerMatthews, TestLandscapes.Flat2D(), box, 30, 0.01, 1.0, Seed);
        var split = PointStart(1000, 0.1, 0.05);
        Run(split, LangevinMethod.LeimkuhlerMatthews, TestLandscapes.Flat2D(), box, 11, 0.01, 1.0, Seed, threads: 2);
        Run(split, LangevinMethod.LeimkuhlerMatthews, TestLandscapes.Flat2D(), box, 19, 0.01, 1.0, Seed);
        Assert.Equal(whole.X, split.X);
        Assert.Equal(whole.Y, split.Y);
    }

    [Fact]
    public void Advance_Sgd_IsTheEulerMaruyamaUpdate()
    {
        var em = ValleyStart();
        var sgd = ValleyStart();
        Run(em, LangevinMethod.EulerMaruyama, TestLandscapes.PeerValley(), ValleyBox, 20, 0.02, 0.5, Seed);
        Run(sgd, LangevinMethod.Sgd, TestLandscapes.PeerValley(), ValleyBox, 20, 0.02, 0.5, Seed);
        Assert.Equal(em.Y, sgd.Y);
        Assert.Equal(em.X, sgd.X);
    }

    [Fact]
    public void Advance_OneDimensionalLandscape_MovesOnlyY()
    {
        var s = PointStart(300, 0.25, 0.0);
        Run(s, LangevinMethod.EulerMaruyama, TestLandscapes.Harmonic1D(1), new Walls(-1, 1, -5, 5), 10, 0.1, 1.0, Seed);
        Assert.All(s.X, x => Assert.Equal(0.25, x));
        Assert.Contains(s.Y, y => y != 0.0);
    }

    [Fact]
    public void Advance_NoNoiseAndHarmonic_IsGradientDescent()
    {
        var s = PointStart(9, 0.5, -0.8);
        Run(s, LangevinMethod.EulerMaruyama, TestLandscapes.Harmonic(2, 3), new Walls(-1, 1, -1, 1), 5, 0.1, 0.0, Seed);
        Assert.All(s.X, x => Assert.Equal(0.5 * Math.Pow(1 - 0.2, 5), x, 14));
        Assert.All(s.Y, y => Assert.Equal(-0.8 * Math.Pow(1 - 0.3, 5), y, 14));
    }

    [Fact]
    public void Advance_NonFiniteGradient_ThrowsWithStepAndAdvice()
    {
        // gradient +∞ beyond y = 0.3: reached after some steps of free-ish diffusion from 0
        var landscape = new PotentialLandscape1D(new ScalarField1D("blow-up", y => 0, y => y > 0.3 ? double.PositiveInfinity : 0));
        foreach (int threads in new[] { 1, 2 })
        {
            var s = PointStart(2000, 0, 0);
            s.NextStep = 7;
            var e = Assert.Throws<LangevinException>(() => Run(s, LangevinMethod.EulerMaruyama, landscape, new Walls(-1, 1, -1, 1), 50, 0.01, 1.0, Seed, threads));
            Assert.NotNull(e.Step);
            Assert.InRange(e.Step!.Value, 8, 56);
            Assert.Contains($"step {e.Step}", e.Message, StringComparison.Ordinal);
            Assert.Contains("smaller step", e.Message, StringComparison.Ordinal);
            Assert.Equal(7, s.NextStep);
            Assert.Equal(0.0, s.Time);
        }
    }

    [Fact]
    public void Advance_InvalidInputs_Throw()
    {
        var g = new ScalarBlockGradient(TestLandscapes.Flat2D());
        var box = new Walls(0, 1, 0, 1);
        var s = PointStart(10, 0.5, 0.5);
        var ok = Constant(s, 3, 0.1, 1.0);
        Assert.Throws<ArgumentException>(() => EnsemblePropagator.Advance(s, ok with { FirstStep = 1 }, LangevinMethod.EulerMaruyama, g, box, 1, new PropagatorOptions()));
        Assert.Throws<ArgumentException>(() => EnsemblePropagator.Advance(s, new StepPlan(0, [0.1, -0.1], [1, 1]), LangevinMethod.EulerMaruyama, g, box, 1, new PropagatorOptions()));
        Assert.Throws<ArgumentException>(() => EnsemblePropagator.Advance(s, new StepPlan(0, [0.1], [double.NaN]), LangevinMethod.EulerMaruyama, g, box, 1, new PropagatorOptions()));
        Assert.Throws<ArgumentException>(() => EnsemblePropagator.Advance(s, new StepPlan(0, [0.1], [1, 1]), LangevinMethod.EulerMaruyama, g, box, 1, new PropagatorOptions()));
        Assert.Throws<ArgumentException>(() => EnsemblePropagator.Advance(s, ok, LangevinMethod.EulerMaruyama, g, new Walls(1, 0, 0, 1), 1, new PropagatorOptions()));
        Assert.Throws<ArgumentException>(() => EnsemblePropagator.Advance(new ParticleState(new double[3], new double[4]), ok, LangevinMethod.EulerMaruyama, g, box, 1, new PropagatorOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnsemblePropagator.Advance(s, ok, LangevinMethod.EulerMaruyama, g, box, 1, new PropagatorOptions { Threads = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnsemblePropagator.Advance(s, ok, (LangevinMethod)17, g, box, 1, new PropagatorOptions()));
        Assert.Equal(0, s.NextStep);
    }

    [Fact]
    public void Advance_Progress_EndsAtThePlanLengthAndNeverDecreases()
    {
        var reports = new List<long>();
        var s = PointStart(1000, 0.5, 0.5);
        EnsemblePropagator.Advance(s, Constant(s, 200, 0.001, 1.0), LangevinMethod.LeimkuhlerMatthews, new ScalarBlockGradient(TestLandscapes.Flat2D()),
            new Walls(0, 1, 0, 1), Seed, new PropagatorOptions { Threads = 2 }, new SynchronousProgress(reports));
        Assert.Equal(200, reports[^1]);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(200, s.NextStep);
        Assert.Equal(0.2, s.Time, 12);
    }

    [Fact]
    public void Advance_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var s = PointStart(1000, 0.5, 0.5);
        foreach (int threads in new[] { 1, 2 })
            Assert.ThrowsAny<OperationCanceledException>(() => EnsemblePropagator.Advance(s, Constant(s, 10, 0.01, 1.0), LangevinMethod.EulerMaruyama,
                new ScalarBlockGradient(TestLandscapes.Flat2D()), new Walls(0, 1, 0, 1), Seed, new PropagatorOptions { Threads = threads }, null, cts.Token));
        Assert.Equal(0, s.NextStep);
    }

    private sealed class SynchronousProgress(List<long> sink) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (sink) sink.Add(value);
        }
    }
}
