using FokkerPlanck.Core.FiniteLr;
using Xunit;

namespace FokkerPlanck.Core.Tests.FiniteLr;

public class GaussianBinsTests
{
    private static (double Mean, double Variance, double Sum) Moments(double mean, double noise, double h, int n, double min = 0)
    {
        var cells = new int[n];
        var w = new double[n];
        int count = GaussianBins.Fill(mean, GaussianBins.BinnedWidth(noise, h), min, h, n, cells, w);
        double sum = 0, m1 = 0, m2 = 0;
        for (int k = 0; k < count; k++)
        {
            double x = min + (cells[k] + 0.5) * h;
            sum += w[k];
            m1 += w[k] * x;
            m2 += w[k] * x * x;
        }
        return (m1 / sum, m2 / sum - (m1 / sum) * (m1 / sum), sum);
    }

    [Theory]
    [InlineData(0.8, 0.0)]
    [InlineData(0.8, 0.37)]
    [InlineData(1.0, 0.5)]
    [InlineData(2.5, 0.13)]
    [InlineData(6.0, 0.81)]
    public void AStepAwayFromTheWallsHasTheMapsMeanAndVariance(double noiseCells, double offset)
    {
        const double h = 0.01;
        double mean = 1.0 + offset * h, noise = noiseCells * h;
        var (m, v, sum) = Moments(mean, noise, h, 200);
        Assert.Equal(1.0, sum, 14);
        // Sheppard's identity holds up to terms ~exp(−2π²s′²/h²): worst case 6.1e-5 (variance) and 5.4e-6 cells (mean) at 0.8 cells
        Assert.True(Math.Abs(m - mean) < 6e-6 * h, $"mean {m} vs {mean}");
        Assert.True(Math.Abs(v / (noise * noise) - 1) < 7e-5, $"variance {v} vs {noise * noise}");
    }

    [Fact]
    public void TheWallsFoldTheTailBackAndKeepTheMass()
    {
        const double h = 0.1;
        var cells = new int[20];
        var w = new double[20];
        // a step that ends beyond the lower wall, wide enough to reach past the upper one
        int count = GaussianBins.Fill(-0.3, GaussianBins.BinnedWidth(0.8, h), 0, h, 10, cells, w);
        Assert.Equal(10, count);
        Assert.Equal(1.0, w[..count].Sum(), 14);
        Assert.Equal(Enumerable.Range(0, 10), cells[..count]);
        Assert.True(w[0] > w[9]);
    }

    [Theory]
    [InlineData(-1L, 0)]
    [InlineData(-3L, 2)]
    [InlineData(10L, 9)]
    [InlineData(19L, 0)]
    [InlineData(20L, 0)]
    [InlineData(5L, 5)]
    public void UnfoldedCellsMirrorAtTheWalls(long q, int expected) => Assert.Equal(expected, GaussianBins.Fold(q, 10));

    [Fact]
    public void NoiseNarrowerThanTheResolutionLimitIsRefused() => Assert.True(double.IsNaN(GaussianBins.BinnedWidth(0.79, 1)));
}
