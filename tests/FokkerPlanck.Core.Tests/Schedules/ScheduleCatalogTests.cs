using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Tests.Schedules;

/// <summary>Every example of every registered kind through the same checks (style.md §10.21).</summary>
public class ScheduleCatalogTests(ScheduleTestCases cases) : IClassFixture<ScheduleTestCases>
{
    /// <summary>Samples per segment for the positivity, continuity and monotonicity scans.</summary>
    private const int SamplesPerSegment = 400;

    /// <summary>Relative agreement of one-sided limits where η is continuous (closed forms at the ends: a few ulps).</summary>
    private const double ContinuityTolerance = 1e-12;

    /// <summary>
    /// Largest change of η between neighbouring samples inside a segment, relative to the largest LR:
    /// the steepest example (power:5 at t = 0) moves 3 % per sample, the smallest step drop 37 %.
    /// </summary>
    private const double SmoothStepTolerance = 0.05;

    /// <summary>Trapezoid points for the independent step-count oracle.</summary>
    private const int TrapezoidPoints = 1_000_000;

    /// <summary>Trapezoid error with 10⁶ points: O(h²) on smooth pieces, O(h) at jumps, far below 1e-6 relative here.</summary>
    private const double TrapezoidTolerance = 1e-6;

    /// <summary>Round trip of Steps and TimeAtSteps (Newton to ~1e-15; quadrature of power laws to 1e-12).</summary>
    private const double InverseTolerance = 1e-9;

    [Theory]
    [MemberData(nameof(ScheduleTestCases.Examples), MemberType = typeof(ScheduleTestCases))]
    public void LearningRate_AtStart_IsInitialLrExceptForQuench(string spec)
    {
        var s = cases.Bind(spec);
        double expected = spec == "constant" ? s.FinalLr : s.InitialLr;
        Assert.Equal(expected, s.LearningRate(0), 14);
        Assert.Equal(spec.StartsWith("wsd:", StringComparison.Ordinal) ? s.InitialLr : s.PlateauLr, s.InitialLr);
    }

    [Theory]
    [MemberData(nameof(ScheduleTestCases.Examples), MemberType = typeof(ScheduleTestCases))]
    public void LearningRate_AtEnd_IsFinalLr(string spec)
    {
        var s = cases.Bind(spec);
        if (double.IsFinite(s.SettleTime))
        {
            Assert.Equal(s.FinalLr, s.LearningRate(s.SettleTime), 14);
            Assert.Equal(s.FinalLr, s.LearningRate(2 * s.SettleTime + 1e6), 14);
            Assert.Equal(s.Breakpoints.Count == 0 ? 0 : s.Breakpoints[^1], s.SettleTime);
        }
        else
        {
            Assert.Equal(s.FinalLr, s.LearningRate(1e9), 6);
            Assert.True(s.LearningRate(1e3) > s.FinalLr);
        }
    }

    [Theory]
    [MemberData(nameof(ScheduleTestCases.Examples), MemberType = typeof(ScheduleTestCases))]
    public void LearningRate_AtBreakpoints_ContinuousExceptStepDrops(string spec)
    {
        var s = cases.Bind(spec);
        bool drops = spec.StartsWith("step:", StringComparison.Ordinal);
        for (int i = 0; i < s.Breakpoints.Count; i++)
        {
            double b = s.Breakpoints[i];
            double left = s.LearningRate(b, i), right = s.LearningRate(b, i + 1);
            Assert.Equal(i + 1, s.SegmentAt(b));
            Assert.Equal(i, s.SegmentAt(b * (1 - 1e-12)));
            Assert.Equal(right, s.LearningRate(b));
            if (drops) Assert.True(right < left, $"{spec}: no drop at {b}");
            else Assert.True(Math.Abs(left - right) <= ContinuityTolerance * left, $"{spec}: jump {left} → {right} at {b}");
        }
    }

    [Theory]
    [MemberData(nameof(ScheduleTestCases.Examples), MemberType = typeof(ScheduleTestCases))]
    public void LearningRate_InsideSegments_PositiveSmoothAndMonotone(string spec)
    {
        var s = cases.Bind(spec);
        double warmupEnd = s.InitialLr != s.PlateauLr ? s.Breakpoints[0] : 0;
        double largest = Math.Max(Math.Max(s.PlateauLr, s.FinalLr), s.InitialLr);
        double[] edges = [0, .. s.Breakpoints, Horizon(s)];
        for (int seg = 0; seg + 1 < edges.Length; seg++)
        {
            double previous = double.NaN;
            for (int j = 0; j <= SamplesPerSegment; j++)
            {
                double t = edges[seg] + (edges[seg + 1] - edges[seg]) * j / SamplesPerSegment;
                double eta = s.LearningRate(t, seg);
                Assert.True(eta > 0, $"{spec}: η({t}) = {eta}");
                if (j > 0 && j < SamplesPerSegment) Assert.Equal(eta, s.LearningRate(t));
                if (j > 0)
                {
                    Assert.True(Math.Abs(eta - previous) <= SmoothStepTolerance * largest, $"{spec}: η jumps inside segment {seg} at {t}");
                    bool rising = t <= warmupEnd;
                    Assert.True(rising ? eta >= previous * (1 - 1e-15) : eta <= previous * (1 + 1e-15), $"{spec}: not monotone at {t}");
                }
                previous = eta;
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScheduleTestCases.Examples), MemberType = typeof(ScheduleTestCases))]
    public void Steps_AndTimeAtSteps_AreInverses(string spec)
    {
        var s = cases.Bind(spec);
        double horizon = Horizon(s);
        foreach (double t in s.Breakpoints.Concat(Enumerable.Range(0, 41).Select(j => horizon * j / 40)))
        {
            double k = s.Steps(t);
            Assert.True(Math.Abs(s.TimeAtSteps(k) - t) <= InverseTolerance * Math.Max(t, 1), $"{spec}: t = {t}, k = {k}, back {s.TimeAtSteps(k)}");
            Assert.True(Math.Abs(s.Steps(s.TimeAtSteps(k)) - k) <= InverseTolerance * Math.Max(k, 1));
        }
        Assert.Equal(0, s.Steps(0));
        Assert.Equal(0, s.TimeAtSteps(0));
    }

    [Theory]
    [MemberData(nameof(ScheduleTestCases.Examples), MemberType = typeof(ScheduleTestCases))]
    public void Steps_AgainstTrapezoidOfReciprocalRate_Agree(string spec)
    {
        var s = cases.Bind(spec);
        double horizon = Horizon(s), h = horizon / TrapezoidPoints;
        double sum = 0, previous = 1 / s.LearningRate(0);
        for (int i = 1; i <= TrapezoidPoints; i++)
        {
            double current = 1 / s.LearningRate(h * i);
            sum += 0.5 * h * (previous + current);
            previous = current;
            if (i % (TrapezoidPoints / 4) != 0) continue;
            double exact = s.Steps(h * i);
            Assert.True(Math.Abs(sum - exact) <= TrapezoidTolerance * exact, $"{spec}: Steps({h * i}) = {exact}, trapezoid {sum}");
        }
    }

    [Theory]
    [MemberData(nameof(ScheduleTestCases.Examples), MemberType = typeof(ScheduleTestCases))]
    public void Spec_Canonical_RoundTrips(string spec)
    {
        var shape = ScheduleCatalog.Parse(spec, cases.Folder);
        Assert.Equal(spec, shape.Spec);
        var s = cases.Bind(spec);
        Assert.Equal(spec, s.Spec);
        Assert.Equal(spec, ScheduleCatalog.Parse(s.Spec, cases.Folder).Spec);
        if (spec != "constant") Assert.Contains("steps", s.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Shape", s.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Kinds_EveryKind_HasExamplesAndHelp()
    {
        Assert.Equal("constant, linear, cosine, exp, power, inverse, step, wsd, table", ScheduleCatalog.KnownKinds);
        foreach (var kind in ScheduleCatalog.Kinds)
        {
            Assert.NotEmpty(kind.Examples);
            Assert.All(kind.Examples, e => Assert.StartsWith(kind.Name + (kind.Name == "constant" ? "" : ":"), e, StringComparison.Ordinal));
            Assert.Contains(kind.Syntax, ScheduleCatalog.HelpText, StringComparison.Ordinal);
        }
    }

    private static double Horizon(ILearningRateSchedule s) => ScheduleTestCases.Horizon(s);
}
