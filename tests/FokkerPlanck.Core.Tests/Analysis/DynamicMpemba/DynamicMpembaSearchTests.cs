using FokkerPlanck.Core.Analysis.DynamicMpemba;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.TimeStepping;
using FokkerPlanck.Core.Tests.Analysis.Evolution;

namespace FokkerPlanck.Core.Tests.Analysis.DynamicMpemba;

/// <summary>
/// The small two-basin river of <c>EvolutionSessionTests</c> (40×80) with tolerances tight enough, and
/// stage solves exact, so that a run's slow amplitude is reproducible far below the 10⁻⁶ the
/// cancellation test asks for; and the
/// dynamic point of a linear decay over 0.1/λ₂ (shared: it is the expensive part).
/// </summary>
public sealed class DynamicTwoBasinSession : IDisposable
{
    /// <summary>rtol of the runs: the amplitude's integration error (~10⁻⁸ of its scale) is then well below the root tolerance's effect.</summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>The decay of the shared point, in slow times 1/λ₂ (a decay long against the valley, short against the river).</summary>
    public const double SlowDecay = 0.1;

    private readonly Lazy<DynamicMpembaResult> _linear;

    public DynamicTwoBasinSession()
    {
        Session = EvolutionSession.Create(TwoBasinSession.Scenario, new EvolutionOptions
        {
            // a new factor for every stage: a run does not depend on the factor the previous run left behind
            Integrator = new() { RelativeTolerance = RelativeTolerance, AbsoluteTolerance = 1e-10, Refactorization = RefactorizationPolicy.Always },
            OutputPoints = 120,
            Predict = false,
        });
        Search = new DynamicMpembaSearch(Session, new DynamicMpembaOptions { RootTolerance = 1e-10, ToleranceStudy = false });
        _linear = new(() => Search.Find(ScheduleCatalog.Parse($"linear:{Duration(SlowDecay):R}")));
    }

    public EvolutionSession Session { get; }

    public DynamicMpembaSearch Search { get; }

    /// <summary>The search for <c>linear:0.1/λ₂</c>.</summary>
    public DynamicMpembaResult SlowLinear => _linear.Value;

    /// <summary><paramref name="slowTimes"/> slow times 1/λ₂ in time units.</summary>
    public double Duration(double slowTimes) => slowTimes / Session.Scan.EffectiveRate;

    public void Dispose()
    {
        Search.Dispose();
        Session.Dispose();
    }
}

public class DynamicMpembaSearchTests(DynamicTwoBasinSession fixture) : IClassFixture<DynamicTwoBasinSession>
{
    /// <summary>The limit: at D = 10⁻⁴/λ₂ the dynamic point is within 10⁻³ (relative) of the quench's.</summary>
    private const double ShortDecayAgreement = 1e-3;

    /// <summary>The slow amplitude at the dynamic point, over its value at a plateau 20 % away, stays below this.</summary>
    private const double Cancellation = 1e-6;

    /// <summary>The late-time rate at the dynamic point is λ₃ to this (relative).</summary>
    private const double RateAgreement = 0.05;

    /// <summary>The adiabatic zero and the runs' zero agree to this (relative) for a slow decay.</summary>
    private const double AdiabaticAgreement = 0.2;

    private EvolutionSession Session => fixture.Session;

    private double Quench => Assert.Single(Session.Scan.Points, p => p.Kind == "cooling").Lr;

    [Theory]
    [InlineData("linear")]
    [InlineData("step")]
    public void ZeroDuration_IsTheQuenchStrongPoint(string kind)
    {
        var result = fixture.Search.Find(ScheduleCatalog.Parse($"{kind}:0"));
        var point = Assert.Single(result.Points);
        Assert.Equal(Quench, point.Lr);
        Assert.Equal(0, result.Runs);
        Assert.Equal(Session.Scan.NextRate / Session.Scan.EffectiveRate, point.Gain);
    }

    [Fact]
    public void ShortDecay_TendsToTheQuenchStrongPoint()
    {
        var result = fixture.Search.Find(ScheduleCatalog.Parse($"linear:{fixture.Duration(1e-4):R}"));
        var point = Assert.Single(result.Points);
        Assert.True(Math.Abs(point.Lr / Quench - 1) < ShortDecayAgreement, $"η* = {point.Lr:G8} at D = 1e-4/λ₂, quench {Quench:G8}");
        Assert.True(result.Runs > 0);
    }

    /// <summary>At the dynamic point a direct run carries no slow amplitude past the decay and approaches π(η_c) at λ₃.</summary>
    [Fact]
    public void SlowDecay_DirectRunCancelsTheSlowModeAndRelaxesAtLambda3()
    {
        var point = Assert.Single(fixture.SlowLinear.Points);
        Assert.True(point.Lr > 1.1 * Quench, $"a decay of 0.1/λ₂ moves the optimal plateau up (η* = {point.Lr:G5}, quench {Quench:G5})");
        var shape = ScheduleCatalog.Parse(fixture.SlowLinear.Spec);
        double Settled(double plateau, out EvolutionRun run)
        {
            run = Session.Run(shape.Bind(plateau, Session.Scenario.FinalLr));
            int i = Array.IndexOf(run.Times, run.Schedule.SettleTime);
            Assert.True(i > 0, "the settle time is an output time");
            return run.Observed.Amplitudes[i][0];
        }
        double atPoint = Math.Abs(Settled(point.Lr, out var best));
        foreach (double f in new[] { 0.8, 1.2 })
        {
            double neighbour = Math.Abs(Settled(f * point.Lr, out _));
            Assert.True(atPoint < Cancellation * neighbour, $"|a₂(t_settle)| = {atPoint:E2} at η* = {point.Lr:G8}, {neighbour:E2} at {f}η*");
        }
        double lambda3 = Session.Spectrum.Eigenvalues[2];
        Assert.True(best.LateTimeRate.From >= best.Schedule.SettleTime);
        Assert.True(Math.Abs(best.LateTimeRate.Rate / lambda3 - 1) < RateAgreement, $"late rate {best.LateTimeRate.Rate:G5}, λ₃ = {lambda3:G5}");
    }

    [Fact]
    public void SlowDecay_AdiabaticEstimateAgreesWithTheRuns()
    {
        var point = Assert.Single(fixture.SlowLinear.Points);
        Assert.True(Math.Abs(point.AdiabaticDifference) < AdiabaticAgreement, $"adiabatic {point.AdiabaticLr:G6}, runs {point.Lr:G6}");
        Assert.Contains(point.AdiabaticLr, fixture.SlowLinear.AdiabaticRoots);
    }

    [Fact]
    public void Shape_ThatNeverSettles_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => fixture.Search.Find(ScheduleCatalog.Parse("inverse:5")));
        Assert.Contains("never settles", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Polish_MovesAKnownRootToTheNearbyFunctionsRoot()
    {
        // a(η) = (η − 0.61)(1 + η): a root at 0.6 moved to 0.61 from the slope of the old function
        double moved = AmplitudeRoots.Polish(x => (x - 0.61) * (1 + x), 0.6, 1.6);
        Assert.Equal(0.61, moved, 1e-6);
    }
}
