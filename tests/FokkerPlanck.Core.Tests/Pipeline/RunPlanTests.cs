using FokkerPlanck.Core.Pipeline;

namespace FokkerPlanck.Core.Tests.Pipeline;

/// <summary>What the run's verdict and Langevin stages compare: the optimum among plateaus below and above it, decays from instant to one slow time.</summary>
public sealed class RunPlanTests
{
    [Fact]
    public void VerdictPlateaus_WithAStrongPoint_BracketItWithinTheScanAndLeaveOutTheFinalLr()
    {
        double[] p = RunPlan.VerdictPlateaus(0.145, [0.58], maxLr: 1.0);
        Assert.Equal([Math.Sqrt(0.145 * 0.58), 0.58, 1.5 * 0.58], p, new Close());
        Assert.DoesNotContain(0.145, p);
        Assert.All(p, x => Assert.True(x <= 1.0));
    }

    [Fact]
    public void VerdictPlateaus_WithoutAStrongPoint_AreMultiplesOfTheFinalLr()
        => Assert.Equal([0.2, 0.4, 0.8], RunPlan.VerdictPlateaus(0.1, [], maxLr: 1.0), new Close());

    [Fact]
    public void VerdictSpecs_AreTheQuenchAndLinearDecaysOverFractionsOfTheSlowTime()
        => Assert.Equal(["constant", "linear:0.4", "linear:4", "linear:40"], RunPlan.VerdictSpecs(0.025));

    [Fact]
    public void LangevinPlateau_IsTheOptimumElseAnOrdinaryPlateau()
    {
        Assert.Equal(0.58, RunPlan.LangevinPlateau(0.145, [0.58, 0.9]));
        Assert.Equal(0.29, RunPlan.LangevinPlateau(0.145, []));
    }

    private sealed class Close : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a));

        public int GetHashCode(double v) => 0;
    }
}
