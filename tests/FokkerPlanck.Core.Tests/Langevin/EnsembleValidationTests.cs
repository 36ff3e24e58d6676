using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.Tests.Analysis.Evolution;

namespace FokkerPlanck.Core.Tests.Langevin;

/// <summary>
/// The default scenario's two-basin river on a 96×192 grid: fine enough that the FP solution's
/// discretization error in the valley transient (3 % of the excess loss at t = 0.05 on 40×80) stays below
/// what 2·10⁴ particles resolve.
/// </summary>
public sealed class TwoBasinFineSession : IDisposable
{
    public TwoBasinFineSession() => Session = EvolutionSession.Create(TwoBasinSession.Scenario.WithGrid(96, 192), new EvolutionOptions { Predict = false, Snapshots = 0 });

    public EvolutionSession Session { get; }

    public void Dispose() => Session.Dispose();
}

/// <summary>
/// Particles against the Fokker–Planck time stepper on the two-basin river: a quench from the strong
/// Mpemba point and a linear decay, compared at several times.
/// </summary>
public class EnsembleValidationTests(TwoBasinFineSession fixture) : IClassFixture<TwoBasinFineSession>
{
    /// <summary>Particles: the marginal G-tests then resolve ≈ 3 % differences in the occupied bins, the excess loss ≈ 1 % of its value.</summary>
    private const int Particles = 20_000;

    private EnsembleValidationResult Run(LangevinMethod method, string spec, double plateau, double[] times, double? timeStep = null, ulong seed = 11)
    {
        var session = fixture.Session;
        var schedule = ScheduleCatalog.Parse(spec).Bind(plateau, session.Scenario.FinalLr);
        var validation = new EnsembleValidation(session, BlockGradient.Create(session.Scenario),
            new EnsembleOptions { Method = method, Particles = Particles, Seed = seed, TimeStep = timeStep });
        return validation.Run(schedule, times);
    }

    [Theory]
    [InlineData("constant", 0.58)]
    [InlineData("linear:0.2", 1.2)]
    public void LeimkuhlerMatthews_AgreesWithTheTimeStepper_AtEveryComparisonTime(string spec, double plateau)
    {
        var result = Run(LangevinMethod.LeimkuhlerMatthews, spec, plateau, [0.05, 0.3, 1.0]);
        Assert.True(result.Complete);
        Assert.Equal(3, result.Times.Count);
        foreach (var t in result.Times)
            Assert.True(t.Comparison.Verdict == Verdict.Consistent,
                $"t = {t.Time}: Holm p = {t.Comparison.PValue:G3}; " + string.Join(", ", t.Comparison.Tests.Select(x => $"{x.Name} p = {x.PValue:G3}")));
        // the loss curve follows the FP one within its sampling error (|z| < 4.5 at each of its ~27 points: family error ≈ 2e-4)
        foreach (var p in result.Loss.Where(p => p.Time > 0))
            Assert.True(Math.Abs(p.Particles.Mean - p.FokkerPlanck) < 4.5 * p.Particles.StandardError + 1e-3 * Math.Abs(p.FokkerPlanck),
                $"t = {p.Time:G3}: particles {p.Particles.Mean:G5} ± {p.Particles.StandardError:G2}, FP {p.FokkerPlanck:G5}");
    }

    [Fact]
    public void EulerMaruyama_WithATooLargeStep_IsCaughtByTheValleyMarginal()
    {
        // h·a_max = 1: Euler's valley variance is T/(a(1 − ha/2)), twice the true one in the sharp basin
        double aMax = CurvatureBound.Maximum(fixture.Session.Setup.Sampled);
        var result = Run(LangevinMethod.EulerMaruyama, "constant", 0.58, [0.3], timeStep: 1.0 / aMax);
        var x = result.Times[0].Comparison.X!;
        Assert.True(x.Test.PValue < 1e-6, $"x-marginal p = {x.Test.PValue:G3}");
        Assert.Equal(Verdict.Inconsistent, result.Times[0].Comparison.Verdict);
    }

    [Fact]
    public void SameSeed_SameNumbers()
    {
        var a = Run(LangevinMethod.LeimkuhlerMatthews, "constant", 0.58, [0.1]);
        var b = Run(LangevinMethod.LeimkuhlerMatthews, "constant", 0.58, [0.1]);
        var c = Run(LangevinMethod.LeimkuhlerMatthews, "constant", 0.58, [0.1], seed: 12);
        Assert.Equal(a.Times[0].Comparison.ExcessLoss.Particles.Mean, b.Times[0].Comparison.ExcessLoss.Particles.Mean);
        Assert.Equal(a.Times[0].Comparison.Y.Counts, b.Times[0].Comparison.Y.Counts);
        Assert.NotEqual(a.Times[0].Comparison.Y.Counts, c.Times[0].Comparison.Y.Counts);
    }

    [Fact]
    public void AnInterruptedRun_ResumedFromItsCheckpoint_GivesTheNumbersOfAnUninterruptedOne()
    {
        var session = fixture.Session;
        var schedule = ScheduleCatalog.Parse("linear:0.1").Bind(1.2, session.Scenario.FinalLr);
        var options = new EnsembleOptions { Method = LangevinMethod.LeimkuhlerMatthews, Particles = 4000, Seed = 21 };
        double[] times = [0.05, 0.1, 0.2];
        EnsembleValidation Validation() => new(session, BlockGradient.Create(session.Scenario), options);
        var whole = Validation().Run(schedule, times);

        string dir = Directory.CreateTempSubdirectory("fp-checkpoint-").FullName;
        try
        {
            using var stop = new CancellationTokenSource();
            Assert.ThrowsAny<OperationCanceledException>(() => Validation().Run(schedule, times, onTime: (partial, state) =>
            {
                EnsembleCheckpoint.Save(dir, "run", options.Seed, state, partial);
                stop.Cancel();
            }, cancellation: stop.Token));
            var checkpoint = EnsembleCheckpoint.Load(dir, options.Seed)!;
            Assert.Single(checkpoint.Result.Times);
            var resumed = Validation().Run(schedule, times, resume: checkpoint);
            Assert.True(resumed.Complete);
            Assert.Equal(whole.Times.Select(t => t.Time), resumed.Times.Select(t => t.Time));
            for (int k = 0; k < times.Length; k++)
            {
                var (a, b) = (whole.Times[k].Comparison, resumed.Times[k].Comparison);
                Assert.Equal(a.Y.Counts, b.Y.Counts);
                Assert.Equal(a.X!.Counts, b.X!.Counts);
                Assert.Equal(a.ExcessLoss.Particles.Mean, b.ExcessLoss.Particles.Mean);
                Assert.Equal(a.PValue, b.PValue);
            }
            Assert.Equal(whole.Loss.Select(p => p.Particles.Mean), resumed.Loss.Select(p => p.Particles.Mean));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ACheckpointWhoseTwoFilesDoNotBelongTogether_IsRefused()
    {
        var session = fixture.Session;
        string dir = Directory.CreateTempSubdirectory("fp-checkpoint-").FullName;
        try
        {
            var a = InitialEnsemble.AtPoint(0, 0, 10);
            a.NextStep = 5;
            EnsembleCheckpoint.Save(dir, "run", 1, a, new EnsembleValidationResult());
            string meta = File.ReadAllText(Path.Combine(dir, EnsembleCheckpoint.MetaFile));
            a.NextStep = 9;
            EnsembleCheckpoint.Save(dir, "run", 1, a, new EnsembleValidationResult());
            File.WriteAllText(Path.Combine(dir, EnsembleCheckpoint.MetaFile), meta);   // a kill between the two writes
            var e = Assert.Throws<InvalidDataException>(() => EnsembleCheckpoint.Load(dir, 1));
            Assert.Contains("do not belong together", e.Message);
            EnsembleCheckpoint.Delete(dir);
            Assert.Null(EnsembleCheckpoint.Load(dir, 1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
