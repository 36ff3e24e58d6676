using FokkerPlanck.Core.Analysis.ScheduleOptimization;

namespace FokkerPlanck.Core.Tests.Analysis.ScheduleOptimization;

public class BudgetSchedulesTests
{
    private const double EtaH = 0.6, EtaC = 0.145;

    [Theory]
    [InlineData("linear", 0.1, 0)]
    [InlineData("cosine", 1.0, 0)]
    [InlineData("exp", 0.25, 100)]
    [InlineData("step", 0.5, 0)]
    [InlineData("constant", 0.1, 0)]
    [InlineData("inverse", 0.3, 50)]
    public void Spec_SpendsTheBudget_StableThenDecay(string kind, double fraction, int warmup)
    {
        const int n = 2000;
        var s = BudgetSchedules.Bind(kind, EtaH, EtaC, fraction, n, warmup);
        double decayStart = warmup + (n - warmup) * (1 - fraction);
        // on the plateau just before the decay starts (when there is a stable phase), below it halfway through the decay
        if (decayStart > warmup) Assert.Equal(EtaH, s.LearningRate(s.TimeAtSteps(decayStart - 1)), 12);
        Assert.True(s.LearningRate(s.TimeAtSteps((decayStart + n) / 2)) < EtaH);
        double end = s.LearningRate(s.TimeAtSteps(n));
        if (kind == "inverse") Assert.Equal(EtaC + BudgetSchedules.InverseRemainingGap * (EtaH - EtaC), end, 9);
        else Assert.Equal(EtaC, end, 12);
        Assert.Equal(n, s.Steps(s.TimeAtSteps(n)), 6);
    }

    [Theory]
    [InlineData("power")]
    [InlineData("wsd")]
    [InlineData("lineer")]
    public void RequireSearchable_RefusesOtherKinds(string kind)
        => Assert.Contains(kind, Assert.Throws<ArgumentException>(() => BudgetSchedules.RequireSearchable(kind)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(0, 0, "positive")]
    [InlineData(-5, 0, "positive")]
    [InlineData(99, 0, "too small to hold a decay")]
    [InlineData(300, 250, "too small to hold a decay")]
    [InlineData(300, 300, "shorter than the budget")]
    public void Options_RefuseBudgetsThatCannotHoldADecay(int budget, int warmup, string fragment)
    {
        var options = new ScheduleOptimizerOptions { BudgetSteps = budget, WarmupSteps = warmup };
        Assert.Contains(fragment, Assert.ThrowsAny<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }
}
