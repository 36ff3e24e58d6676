using FokkerPlanck.Core.TimeStepping;
using static FokkerPlanck.Core.Tests.TimeStepping.TimeSteppingFixtures;

namespace FokkerPlanck.Core.Tests.TimeStepping;

public class TimeIntegratorTests
{
    /// <summary>Tight tolerances: the time error is far below the spatial one the OU test measures.</summary>
    private static readonly IntegratorOptions Tight = new() { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-12 };

    /// <summary>Round-off bound on the total mass over a run (a few ulps per step, projected each step).</summary>
    private const double MassRoundOff = 1e-13;

    public static TheoryData<bool> TailOrNot() => [true, false];

    /// <summary>
    /// Ornstein–Uhlenbeck quench U = y²/2, T 1 → 0.25: the exact density stays Gaussian with variance
    /// <c>T_c + (T_h − T_c)e^{−2t}</c>. The discrete variance Σ m y² must match it to the discretization
    /// error, which falls as h² (ratio 4 between 200 and 400 cells).
    /// </summary>
    [Theory]
    [MemberData(nameof(TailOrNot))]
    public void Quench_OrnsteinUhlenbeck_VarianceMatchesTheExactGaussianToSecondOrder(bool tail)
    {
        double[] times = [0.05, 0.2, 0.5, 1, 2, 4];
        var worst = new List<double>();
        foreach (int cells in new[] { 200, 400 })
        {
            var family = Harmonic1D(1.0, 7.0, cells);
            var y = family.Landscape.Grid.Y.Centres.ToArray();
            var (states, _) = Run(family, Tight with { KrylovTail = tail }, Schedule("constant", 1.0, 0.25), Equilibrium(family, 1.0), 4, times);
            worst.Add(times.Select((t, q) =>
            {
                double exact = 0.25 + 0.75 * Math.Exp(-2 * t);
                return Math.Abs(states[q].Zip(y, (m, yy) => m * yy * yy).Sum() - exact) / exact;
            }).Max());
        }
        double order = Math.Log2(worst[0] / worst[1]);
        Assert.InRange(order, 1.8, 2.2);
        Assert.True(worst[1] < 1e-3, $"relative variance error {worst[1]:E2} at 400 cells");
    }

    /// <summary>Fixed steps under a linear decay (the operator changes every stage): error ∝ h^p with p the scheme's order.</summary>
    [Theory]
    [InlineData("trbdf2", 2)]
    [InlineData("euler", 1)]
    public void FixedSteps_ErrorFallsWithTheSchemesOrder(string scheme, int order)
    {
        var family = SmallValley();
        var p0 = Equilibrium(family, 1.0);
        var schedule = Schedule("linear:2", 1.0, 0.25);
        IntegratorOptions Fixed(double h) => new() { FixedStep = h, Scheme = SchemeCatalog.Get(scheme), RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14 };
        var (reference, _) = Run(family, Fixed(1.0 / 1024), schedule, p0, 2, [2]);
        var errors = new[] { 0.1, 0.05, 0.025 }.Select(h => L1(Run(family, Fixed(h), schedule, p0, 2, [2]).States[0], reference[0])).ToArray();
        for (int k = 0; k + 1 < errors.Length; k++)
            Assert.InRange(Math.Log2(errors[k] / errors[k + 1]), order - 0.2, order + 0.2);
    }

    /// <summary>
    /// Reusing a factorization with defect-correction sweeps converges to the same stage solutions as a
    /// new factorization for every stage. With the same steps (fixed) only the sweeps' stopping rule
    /// (1 % of the local error tolerance) separates the answers: far below the error of the steps
    /// themselves. Adaptive runs take different steps under the two policies; they must be equally accurate.
    /// </summary>
    [Theory]
    [InlineData("linear:3")]
    [InlineData("cosine:1")]
    [InlineData("inverse:1")]
    public void Refactorization_Policy_DoesNotChangeTheAnswer(string spec)
    {
        var c = ComparePolicies(spec, RefactorizationPolicy.Always);
        Assert.True(c.Default.Factorizations < c.Other.Factorizations / 4, $"reuse: {c.Default.Factorizations} factorizations, fresh: {c.Other.Factorizations}");
        Assert.True(c.Difference < 1e-2 * c.Error, $"fixed steps: the policies differ by {c.Difference:E2} (L1), the steps' error is {c.Error:E2}");
        Assert.InRange(c.AdaptiveErrorRatio, 0.25, 4.0);
    }

    /// <summary>
    /// The symmetric stage factor (LDLᵀ of I + cA through √π) and the LU of I − cL give the same run:
    /// with the same fixed steps only round-off and the sweeps' stopping rule separate them, far below the
    /// steps' own error; adaptive runs are equally accurate.
    /// </summary>
    [Theory]
    [InlineData("linear:3")]
    [InlineData("cosine:1")]
    public void StageFactorization_DoesNotChangeTheAnswer(string spec)
    {
        var c = ComparePolicies(spec, RefactorizationPolicy.Default with { Factorization = StageFactorization.Lu });
        Assert.True(c.Difference < 1e-2 * c.Error, $"fixed steps: the factor kinds differ by {c.Difference:E2} (L1), the steps' error is {c.Error:E2}");
        Assert.InRange(c.AdaptiveErrorRatio, 0.5, 2.0);
    }

    /// <summary>
    /// The default policy against <paramref name="other"/> on the small valley under <paramref name="spec"/>:
    /// the L1 difference of fixed-step runs and their error against a tight run, both runs' statistics,
    /// and the ratio of the adaptive runs' errors (default / other).
    /// </summary>
    private static (double Difference, double Error, IntegrationStatistics Default, IntegrationStatistics Other, double AdaptiveErrorRatio) ComparePolicies(string spec, RefactorizationPolicy other)
    {
        var family = SmallValley(24, 48);
        var p0 = Equilibrium(family, 1.0);
        double[] times = [0.5, 1, 2, 4];
        var schedule = Schedule(spec, 1.0, 0.25);
        var (reference, _) = Run(family, new IntegratorOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-14 }, schedule, p0, 4, times);
        var fixedSteps = new IntegratorOptions { FixedStep = 0.05, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-10 };
        var (first, s1) = Run(family, fixedSteps, schedule, p0, 4, times);
        var (second, s2) = Run(family, fixedSteps with { Refactorization = other }, schedule, p0, 4, times);
        var adaptive = new IntegratorOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-10 };
        double errorDefault = Run(family, adaptive, schedule, p0, 4, times).States.Zip(reference, L1).Max();
        double errorOther = Run(family, adaptive with { Refactorization = other }, schedule, p0, 4, times).States.Zip(reference, L1).Max();
        return (first.Zip(second, L1).Max(), second.Zip(reference, L1).Max(), s1, s2, errorDefault / errorOther);
    }

    /// <summary>Mass is held to round-off and no cell goes negative beyond round-off, through breakpoints, the tail and asymptotic schedules.</summary>
    [Theory]
    [InlineData("constant")]
    [InlineData("linear:3")]
    [InlineData("step:2,n=2")]
    [InlineData("inverse:1")]
    [InlineData("wsd:warmup=0.5,stable=1,decay=exp:2")]
    public void Run_MassAndPositivity_HeldToRoundOff(string spec)
    {
        var family = SmallValley(24, 48);
        var recorder = new Recorder();
        using var integrator = new TimeIntegrator(family, TimeIntegrator.AnalyzeGrid(family.Landscape.Grid), new IntegratorOptions());
        double[] times = [.. Enumerable.Range(1, 40).Select(k => 0.25 * k)];
        var stats = integrator.Run(Schedule(spec, 1.0, 0.25), 1.0, Equilibrium(family, 1.0), 10, times, [recorder]);
        Assert.Equal(IntegrationStatus.Completed, stats.Status);
        Assert.Equal(times.Length, recorder.States.Count);
        foreach (var m in recorder.States)
        {
            Assert.True(Math.Abs(m.Sum() - 1) < MassRoundOff, $"mass {m.Sum() - 1:E2} off");
            Assert.True(m.Min() > -MassRoundOff * m.Max(), $"most negative mass {m.Min():E2}");
        }
        Assert.True(stats.MaxMassDrift < MassRoundOff, $"raw drift per step {stats.MaxMassDrift:E2}");
    }

    /// <summary>The exact Krylov propagation of the settled tail agrees with stepping through it.</summary>
    [Theory]
    [InlineData("constant", 0.0)]
    [InlineData("linear:2", 2.0)]
    public void KrylovTail_AgreesWithStepping(string spec, double settle)
    {
        var family = SmallValley(24, 48);
        var p0 = Equilibrium(family, 1.0);
        double[] times = [0.1, 1, 3, 10, 30];
        var tight = new IntegratorOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-11 };
        var (tail, st) = Run(family, tight, Schedule(spec, 1.0, 0.25), p0, 30, times);
        var (stepped, ss) = Run(family, tight with { KrylovTail = false }, Schedule(spec, 1.0, 0.25), p0, 30, times);
        Assert.True(st.TailDimension > 0, "the tail was used");
        Assert.Equal(settle, st.TailStart);
        Assert.True(ss.AcceptedSteps > st.AcceptedSteps, $"steps {st.AcceptedSteps} with the tail, {ss.AcceptedSteps} without");
        Assert.True(tail.Zip(stepped, L1).Max() < 1e-6, $"tail and stepping differ by {tail.Zip(stepped, L1).Max():E2}");
    }

    /// <summary>A step schedule's jumps are breakpoints: the run equals constant-LR runs chained at the jump.</summary>
    [Fact]
    public void Breakpoints_StepSchedule_EqualsChainedConstantRuns()
    {
        var family = SmallValley(24, 48);
        var p0 = Equilibrium(family, 1.0);
        var tight = new IntegratorOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-13 };
        // step:2 with n=2 holds η_h·(η_c/η_h)^{1/2} = 0.5 on [1, 2) and 0.25 from t = 2; before t = 1 it is 1.0
        var (whole, _) = Run(family, tight, Schedule("step:2,n=2", 1.0, 0.25), p0, 4, [1, 2, 4]);
        var (first, _) = Run(family, tight, Schedule("constant", 1.0, 0.5), whole[0], 1, [1]);
        var (second, _) = Run(family, tight, Schedule("constant", 0.5, 0.25), first[0], 2, [2]);
        Assert.True(L1(first[0], whole[1]) < 1e-7, $"at t = 2: {L1(first[0], whole[1]):E2}");
        Assert.True(L1(second[0], whole[2]) < 1e-7, $"at t = 4: {L1(second[0], whole[2]):E2}");
    }

    [Fact]
    public void Run_BadArguments_Throw()
    {
        var family = SmallValley();
        using var integrator = new TimeIntegrator(family, TimeIntegrator.AnalyzeGrid(family.Landscape.Grid));
        var s = Schedule("constant", 1.0, 0.25);
        var p0 = Equilibrium(family, 1.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => integrator.Run(s, -1, p0, 1, [], []));
        Assert.Throws<ArgumentException>(() => integrator.Run(s, 1, new double[3], 1, [], []));
        Assert.Throws<ArgumentException>(() => integrator.Run(s, 1, p0, 1, [0.5, 0.2], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => integrator.Run(s, 1, p0, double.NaN, [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntegratorOptions { RelativeTolerance = 0 }.Validate());
    }
}
