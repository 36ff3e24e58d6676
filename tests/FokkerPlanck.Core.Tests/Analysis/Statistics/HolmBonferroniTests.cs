using FokkerPlanck.Core.Analysis.Statistics;

namespace FokkerPlanck.Core.Tests.Analysis.Statistics;

/// <summary>Holm's step-down adjustment on a hand-worked family, and the verdicts at a level.</summary>
public class HolmBonferroniTests
{
    [Fact]
    public void Adjust_FourTests_MatchesTheHandWorkedStepDown()
    {
        // sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → running max 0.06
        var a = HolmBonferroni.Adjust([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal(new[] { 0.03, 0.06, 0.06, 0.02 }, a.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Apply_AtFivePercent_RejectsTheTwoSmallestAndTheFamily()
    {
        var h = HolmBonferroni.Apply([0.01, 0.04, 0.03, 0.005], 0.05);
        Assert.Equal(Verdict.Inconsistent, h.VerdictOf(0));
        Assert.Equal(Verdict.Consistent, h.VerdictOf(1));
        Assert.Equal(Verdict.Inconsistent, h.VerdictOf(3));
        Assert.Equal(2, h.Rejections);
        Assert.Equal(Verdict.Inconsistent, h.Overall);
        Assert.Equal(0.02, h.FamilyPValue, 1e-15);
    }

    [Fact]
    public void Apply_LargePValues_CapAtOneAndKeepTheFamilyConsistent()
    {
        var h = HolmBonferroni.Apply([0.5, 0.9, 0.3]);
        Assert.All(h.AdjustedPValues, p => Assert.InRange(p, 0.3, 1));
        Assert.Equal(Verdict.Consistent, h.Overall);
        Assert.Equal(1, HolmBonferroni.Apply([]).FamilyPValue);
    }

    [Fact]
    public void Judge_PValueEqualToTheLevel_IsInconsistent()
    {
        Assert.Equal(Verdict.Inconsistent, Significance.Judge(0.01));
        Assert.Equal(Verdict.Consistent, Significance.Judge(0.0101));
        Assert.Throws<ArgumentOutOfRangeException>(() => Significance.Judge(0.5, 1.5));
    }
}
