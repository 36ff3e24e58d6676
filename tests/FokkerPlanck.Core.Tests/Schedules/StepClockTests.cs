using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Tests.Schedules;

/// <summary>
/// Phases given in steps against the discrete SGD clock <c>t_{k+1} = t_k + η(t_k)</c>: after N steps
/// the clock must stand at the phase's time length to O(η), and <c>Steps(t)</c> must count the steps.
/// </summary>
public class StepClockTests(ScheduleTestCases cases) : IClassFixture<ScheduleTestCases>
{
    /// <summary>Closed-form clocks: the continuous step count at a phase end is exact to round-off.</summary>
    private const double ExactTolerance = 1e-12;

    /// <summary>η of a phase in steps at its own step clock: Newton inverts t(k) to ~1e-16, the test's formulas round differently by a few ulps.</summary>
    private const double ProfileTolerance = 2e-14;

    [Theory]
    [InlineData("linear:500steps", 500)]
    [InlineData("cosine:300steps", 300)]
    [InlineData("exp:300steps", 300)]
    [InlineData("step:300steps,n=4", 300)]
    [InlineData("wsd:warmup=50steps,stable=2000steps,decay=linear:500steps", 2550)]
    [InlineData("wsd:warmup=40steps,decay=step:90steps", 130)]
    [InlineData("power:50steps,alpha=3", 400)]
    [InlineData("inverse:40steps", 400)]
    public void DiscreteClock_AfterNSteps_MatchesPhaseTimeAndStepCount(string spec, int steps)
    {
        var s = cases.Bind(spec);
        double etaMax = Math.Max(s.PlateauLr, s.FinalLr), etaMin = Math.Min(Math.Min(s.PlateauLr, s.FinalLr), s.InitialLr);
        double t = 0;
        for (int k = 0; k < steps; k++)
        {
            // the continuous clock lags the discrete one by at most the O(η) Euler error, i.e. O(η/η_min) steps
            Assert.True(Math.Abs(s.Steps(t) - k) <= etaMax / etaMin, $"{spec}: Steps({t}) = {s.Steps(t)} after {k} steps");
            t += s.LearningRate(t);
        }
        double length = s.TimeAtSteps(steps);
        Assert.True(Math.Abs(t - length) <= etaMax, $"{spec}: clock {t} after {steps} steps, phase length {length}");
        if (double.IsFinite(s.SettleTime)) Assert.Equal(s.SettleTime, length, ExactTolerance * length);
        Assert.Equal(steps, s.Steps(length), ExactTolerance * steps);
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("cosine")]
    [InlineData("exp")]
    public void LearningRate_PhaseInSteps_IsProfileAtStepFraction(string kind)
    {
        const double h = 0.58, c = 0.145, n = 400;
        var s = ScheduleCatalog.Parse($"{kind}:400steps").Bind(h, c);
        for (int k = 0; k <= n; k += 7)
        {
            double x = k / n;
            // the test's own profiles and their step-clock integrals t(k) = N ∫₀ˣ f
            (double eta, double t) = kind switch
            {
                "linear" => (h + (c - h) * x, n * (h * x + (c - h) * x * x / 2)),
                "cosine" => (c + (h - c) * (1 + Math.Cos(Math.PI * x)) / 2, n * (c * x + (h - c) / 2 * (x + Math.Sin(Math.PI * x) / Math.PI))),
                _ => (h * Math.Pow(c / h, x), n * h * (Math.Pow(c / h, x) - 1) / Math.Log(c / h)),
            };
            Assert.Equal(t, s.TimeAtSteps(k), ProfileTolerance * Math.Max(t, 1));
            Assert.Equal(eta, s.LearningRate(t, 0), ProfileTolerance * eta);
            Assert.Equal(k, s.Steps(t), ProfileTolerance * n);
        }
    }

    [Fact]
    public void Steps_LinearPhaseInSteps_TimeIsClosedForm()
    {
        var s = ScheduleCatalog.Parse("linear:500steps").Bind(0.58, 0.145);
        Assert.Equal(500 * (0.58 + 0.145) / 2, s.SettleTime, 12);
        Assert.Equal(250, s.Steps(s.TimeAtSteps(250)), 11);
        // η_k at k = 250 is the profile's midpoint; its time is 250 (0.58 + 0.3625)/2
        Assert.Equal((0.58 + 0.145) / 2, s.LearningRate(250 * (0.58 + 0.3625) / 2), 14);
        Assert.Contains("500 steps (t ≈ 181.", s.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_PowerLawInSteps_TimeIsClosedForm()
    {
        // η_k = c + (h − c)/(1 + k/τ)²: t(k) = c k + (h − c) τ (1 − 1/(1 + k/τ))
        const double h = 0.58, c = 0.145, tau = 50;
        var s = ScheduleCatalog.Parse("power:50steps").Bind(h, c);
        foreach (double k in new[] { 1.0, 37, 500, 1e5 })
        {
            double t = c * k + (h - c) * tau * (1 - 1 / (1 + k / tau));
            Assert.Equal(t, s.TimeAtSteps(k), 1e-12 * t);
            Assert.Equal(k, s.Steps(t), 1e-12 * k);
            Assert.Equal(c + (h - c) / Math.Pow(1 + k / tau, 2), s.LearningRate(t), 14);
        }
    }
}
