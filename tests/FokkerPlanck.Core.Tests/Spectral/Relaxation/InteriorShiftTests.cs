using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.Tests.Spectral.Relaxation;

public class InteriorShiftTests
{
    [Fact]
    public void FromRates_CentreOfTheRange_WhenFarFromEveryRate()
    {
        // the benchmark valley's coarse rates: the centre 4.45 lies well inside (3.93, 6.07)
        double? sigma = InteriorShift.FromRates([0.181, 2.185, 3.926, 6.068, 8.712]);
        Assert.NotNull(sigma);
        Assert.Equal(0.5 * (0.181 + 8.712), sigma.Value, 12);
    }

    [Fact]
    public void FromRates_CentreNextToARate_MovedToTheSeparation()
    {
        // centre 5.0 is 0.2 % above the rate 4.99: σ moves to 4.99·(1 + Separation)
        double? sigma = InteriorShift.FromRates([0.0, 4.99, 10.0]);
        Assert.NotNull(sigma);
        Assert.Equal(4.99 * (1 + InteriorShift.Separation), sigma.Value, 12);
        // and from below: centre 5.0 is 0.2 % under 5.01
        Assert.Equal(5.01 * (1 - InteriorShift.Separation), InteriorShift.FromRates([0.0, 5.01, 10.0])!.Value, 12);
    }

    [Fact]
    public void FromRates_NoRoomOrTooFewRates_Null()
    {
        Assert.Null(InteriorShift.FromRates([4.99, 5.0, 5.01, 5.02]));   // gaps of 0.2 %: no safe point
        Assert.Null(InteriorShift.FromRates([3.0]));
        Assert.Null(InteriorShift.FromRates([3.0, 3.0]));
        Assert.Null(InteriorShift.FromRates([-1.0, 3.0]));
        Assert.Null(InteriorShift.FromRates([1.0, double.NaN]));
    }
}
