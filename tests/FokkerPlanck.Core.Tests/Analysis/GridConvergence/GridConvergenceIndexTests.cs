using FokkerPlanck.Core.Analysis.GridConvergence;

namespace FokkerPlanck.Core.Tests.Analysis.GridConvergence;

/// <summary>Richardson extrapolation and Roache's index on sequences whose error law is known.</summary>
public sealed class GridConvergenceIndexTests
{
    private const double R = GridConvergenceIndex.RefinementRatio;

    [Theory]
    [InlineData(0.58, 0.03)]
    [InlineData(1.0, -2.0)]
    public void Estimate_ASecondOrderSequence_ExtrapolatesExactlyWithOrderTwo(double exact, double c)
    {
        double F(double h) => exact + c * h * h;
        var e = GridConvergenceIndex.Estimate(F(R), F(1), F(1 / R));
        Assert.Equal(exact, e.Value, 12);
        Assert.Equal(2.0, e.ObservedOrder, 10);
        Assert.Equal(1.25 * Math.Abs(F(1 / R) - F(1)) / (R * R - 1), e.Error, 14);
        Assert.True(e.Error >= Math.Abs(F(1 / R) - exact), "the index bounds the fine grid's true error");
    }

    [Fact]
    public void Estimate_AFirstOrderSequence_ShowsOrderOne()
    {
        double F(double h) => 2 + 0.1 * h;
        Assert.Equal(1.0, GridConvergenceIndex.Estimate(F(R), F(1), F(1 / R)).ObservedOrder, 10);
    }

    [Fact]
    public void Estimate_WithoutAFinerGrid_KeepsTheBaseValueAndHasNoErrorBar()
    {
        var e = GridConvergenceIndex.Estimate(double.NaN, 0.5, double.NaN);
        Assert.Equal(0.5, e.Value);
        Assert.True(double.IsNaN(e.Error));
        Assert.True(double.IsNaN(e.ObservedOrder));
    }

    [Fact]
    public void Estimate_OscillatingDifferences_HaveNoObservedOrder()
        => Assert.True(double.IsNaN(GridConvergenceIndex.Estimate(1.0, 1.1, 1.05).ObservedOrder));
}
