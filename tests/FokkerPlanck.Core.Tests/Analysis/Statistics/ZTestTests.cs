using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Analysis.Statistics;

/// <summary>The two-sided z-test: a hand case with a reference error, uniform p-values under the null, the degenerate cases.</summary>
public class ZTestTests
{
    [Fact]
    public void TwoSided_ReferenceWithItsOwnError_AddsTheErrorsInQuadrature()
    {
        // z = (1 − 0.5)/√(0.3² + 0.4²) = 1; p = 2Φ(−1) = 0.3173105078629141
        var r = ZTest.TwoSided(1.0, 0.3, 0.5, 0.4);
        Assert.Equal(1, r.Statistic, 1e-14);
        Assert.Equal(0.5, r.CombinedError, 1e-15);
        Assert.Equal(0.3173105078629141, r.PValue, 1e-13);
    }

    [Fact]
    public void TwoSided_FarTail_KeepsTinyPValues()
    {
        // 2Φ(−40) ≈ 7.3e-350 underflows, 2Φ(−10) = 1.52e-23 must not round to 0
        Assert.Equal(1.5239706048321e-23, ZTest.TwoSided(10, 1, 0).PValue, 1e-33);
    }

    [Fact]
    public void TwoSided_MeansOfNullSamples_GiveUniformPValues()
    {
        var random = new System.Random(5);
        var p = new List<double>();
        for (int r = 0; r < 200; r++)
        {
            var values = Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray();
            p.Add(MeanEstimate.Of(values).TestAgainst(0.5).PValue);
        }
        Uniformity.AssertUniform(p, "z-test of U(0,1) means against 1/2");
    }

    [Fact]
    public void TwoSided_ZeroError_IsOneWhenEqualAndZeroOtherwise()
    {
        Assert.Equal(1, ZTest.TwoSided(2, 0, 2).PValue);
        Assert.Equal(0, ZTest.TwoSided(2, 0, 3).PValue);
        Assert.Throws<ArgumentException>(() => ZTest.TwoSided(2, double.NaN, 3));
        Assert.Throws<ArgumentException>(() => ZTest.TwoSided(2, 1, 3, -1));
    }
}
