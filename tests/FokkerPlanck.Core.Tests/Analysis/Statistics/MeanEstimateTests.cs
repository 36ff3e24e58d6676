using FokkerPlanck.Core.Analysis.Statistics;

namespace FokkerPlanck.Core.Tests.Analysis.Statistics;

/// <summary>The mean estimate: the standard error by hand, Welford's stability, and the coverage of its intervals.</summary>
public class MeanEstimateTests
{
    [Fact]
    public void Of_FourValues_MatchesTheHandComputedStandardError()
    {
        // mean 2.5; s² = (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3; SE = √(5/3/4)
        var e = MeanEstimate.Of([1, 2, 3, 4]);
        Assert.Equal(2.5, e.Mean, 1e-15);
        Assert.Equal(Math.Sqrt(5.0 / 12), e.StandardError, 1e-15);
        Assert.Equal(4, e.Count);
    }

    [Fact]
    public void Interval_AtNinetyFivePercent_IsMeanPlusMinus1Point96StandardErrors()
    {
        var i = new MeanEstimate(10, 2, 100).Interval(0.95);
        Assert.Equal(10 - 1.959963984540054 * 2, i.Low, 1e-12);
        Assert.Equal(10 + 1.959963984540054 * 2, i.High, 1e-12);
        Assert.Equal(0.95, i.Level);
    }

    [Fact]
    public void RunningMean_ValuesWithALargeOffset_KeepsTheVariance()
    {
        // the textbook Σx² − n·mean² loses every digit of the variance 1 at an offset of 1e9
        var m = new RunningMean();
        foreach (double v in new[] { 1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4 }) m.Add(v);
        Assert.Equal(Math.Sqrt(5.0 / 12), m.Estimate().StandardError, 1e-9);
    }

    [Fact]
    public void Interval_NormalSamples_CoversTheTrueMeanAtItsLevel()
    {
        // 400 intervals at 90 %: the number that cover is Binomial(400, 0.9), sd 6; allow 4 sd
        var random = new System.Random(3);
        int covered = 0;
        for (int r = 0; r < 400; r++)
        {
            var values = Enumerable.Range(0, 200).Select(_ => 5 + Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
            if (MeanEstimate.Of(values).Interval(0.9).Contains(5)) covered++;
        }
        Assert.InRange(covered, 360 - 24, 360 + 24);
    }

    [Fact]
    public void Of_OneValue_HasNoStandardError()
    {
        Assert.True(double.IsNaN(MeanEstimate.Of([3.0]).StandardError));
        Assert.Throws<InvalidOperationException>(() => MeanEstimate.Of([]));
    }
}
