using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Tests.Schedules.Shapes;

/// <summary>Warm-up–stable–decay composites: phase boundaries, start LR, composition with any decay.</summary>
public class WsdShapeTests
{
    private const double H = 0.58, C = 0.145;

    [Fact]
    public void Breakpoints_TimePhases_AtPhaseBoundaries()
    {
        var s = ScheduleCatalog.Parse("wsd:warmup=5,stable=20,decay=linear:10").Bind(H, C);
        Assert.Equal([5.0, 25, 35], s.Breakpoints);
        Assert.Equal(C, s.InitialLr);
        Assert.Equal(C, s.LearningRate(0));
        Assert.Equal((C + H) / 2, s.LearningRate(2.5), 14);
        Assert.Equal(H, s.LearningRate(5, 0), 14);
        Assert.Equal(H, s.LearningRate(25), 14);
        Assert.Equal((C + H) / 2, s.LearningRate(30), 14);
        Assert.Equal(35, s.SettleTime);
        Assert.Equal(20 / H, s.Steps(25) - s.Steps(5), 12);
    }

    [Fact]
    public void Breakpoints_StepPhases_AtClosedFormTimesAndExactStepCounts()
    {
        var s = ScheduleCatalog.Parse("wsd:warmup=50steps,stable=2000steps,decay=linear:500steps").Bind(H, C);
        double warm = 50 * (C + H) / 2, stable = 2000 * H, decay = 500 * (H + C) / 2;
        double[] expected = [warm, warm + stable, warm + stable + decay];
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], s.Breakpoints[i], 1e-12 * expected[i]);
        Assert.Equal(50, s.Steps(s.Breakpoints[0]), 12);
        Assert.Equal(2050, s.Steps(s.Breakpoints[1]), 11);
        Assert.Equal(2550, s.Steps(s.Breakpoints[2]), 11);
        Assert.Contains("warm-up from 0.145 to 0.58 over 50 steps (t ≈ 18.1", s.Description, StringComparison.Ordinal);
        Assert.Contains("stable at 0.58 for 2000 steps (t ≈ 1160)", s.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void InitialLr_FromAndNoWarmup_StartWhereSaid()
    {
        var from = ScheduleCatalog.Parse("wsd:warmup=3,from=0.01,decay=cosine:4").Bind(H, C);
        Assert.Equal(0.01, from.InitialLr);
        Assert.Equal(0.01, from.LearningRate(0));
        var none = ScheduleCatalog.Parse("wsd:stable=7,decay=cosine:4").Bind(H, C);
        Assert.Equal(H, none.InitialLr);
        Assert.Equal([7.0, 11], none.Breakpoints);
    }

    [Fact]
    public void Breakpoints_StepOrQuenchDecay_IncludeDropsAndJump()
    {
        var step = ScheduleCatalog.Parse("wsd:stable=6,decay=step:9").Bind(H, C);
        Assert.Equal([6.0, 9, 12, 15], step.Breakpoints);
        Assert.Equal(H * Math.Pow(C / H, 2.0 / 3), step.LearningRate(13), 14);
        var quench = ScheduleCatalog.Parse("wsd:warmup=2,stable=6,decay=constant").Bind(H, C);
        Assert.Equal([2.0, 8], quench.Breakpoints);
        Assert.Equal(H, quench.LearningRate(8, 1));
        Assert.Equal(C, quench.LearningRate(8));
        Assert.Equal(8, quench.SettleTime);
        var power = ScheduleCatalog.Parse("wsd:stable=6,decay=power:5,alpha=1.5").Bind(H, C);
        Assert.Equal([6.0], power.Breakpoints);
        Assert.Equal(double.PositiveInfinity, power.SettleTime);
        Assert.Equal(C + (H - C) * Math.Pow(2, -1.5), power.LearningRate(11), 14);
    }
}
