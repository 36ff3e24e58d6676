using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Tests.TestSupport;

using static FokkerPlanck.Core.Tests.Langevin.PropagatorTestSupport;
using static FokkerPlanck.Core.Tests.Langevin.SampleStatistics;

namespace FokkerPlanck.Core.Tests.Langevin;

/// <summary>
/// The dynamics against exact results, at fixed seeds with tolerances of
/// <see cref="SampleStatistics.StandardErrors"/> standard errors (each can fail: the EM/LM test uses a
/// step where the two schemes' stationary variances differ by ≈ 18 standard errors).
/// </summary>
public sealed class EnsemblePropagatorStatisticsTests
{
    private const int Count = 1 << 16;
    private const ulong Seed = 9001;

    /// <summary>Walls far outside the Ornstein–Uhlenbeck cloud (≥ 40 standard deviations): never reached.</summary>
    private static readonly Walls FarWalls = new(-1, 1, -50, 50);

    /// <summary>
    /// L = k y²/2 with k h = 0.2: Euler–Maruyama's stationary variance is <c>T/(k(1 − kh/2))</c> = 1.111
    /// (the exact discrete AR(1) variance), Leimkuhler–Matthews' is exactly <c>T/k</c> = 1; 300 steps
    /// from 0 relax both to 0.8³⁰⁰ ≈ 10⁻²⁹. SE of a sample variance: σ²√(2/(n − 1)).
    /// </summary>
    [Theory]
    [InlineData(LangevinMethod.EulerMaruyama, 1.0 / (1 - 0.1))]
    [InlineData(LangevinMethod.LeimkuhlerMatthews, 1.0)]
    public void OrnsteinUhlenbeck_StationaryVariance_IsTheSchemesExactValue(LangevinMethod method, double expected)
    {
        const double k = 1.0, h = 0.2, temperature = 1.0;
        var s = PointStart(Count, 0, 0);
        Run(s, method, TestLandscapes.Harmonic1D(k), FarWalls, 300, h, temperature, Seed);
        double se = expected * Math.Sqrt(2.0 / (Count - 1));
        Assert.InRange(Variance(s.Y), expected - StandardErrors * se, expected + StandardErrors * se);
        Assert.InRange(Mean(s.Y), -StandardErrors * Math.Sqrt(expected / Count), StandardErrors * Math.Sqrt(expected / Count));
    }

    /// <summary>
    /// From y₀ = 2 with a small step (h = 10⁻³, bias O(h) ≈ 10⁻³ relative, far below the tolerance): the
    /// mean relaxes as <c>y₀e^{−kt}</c> and the variance as <c>(T/k)(1 − e^{−2kt})</c> (the OU solution),
    /// at four times reached by successive calls.
    /// </summary>
    [Theory]
    [InlineData(LangevinMethod.EulerMaruyama)]
    [InlineData(LangevinMethod.LeimkuhlerMatthews)]
    public void OrnsteinUhlenbeck_FromAPoint_RelaxesExponentially(LangevinMethod method)
    {
        const double k = 1.5, h = 1e-3, temperature = 0.5, y0 = 2.0;
        var s = PointStart(Count, 0, y0);
        foreach (int steps in new[] { 200, 300, 500, 1000 })
        {
            Run(s, method, TestLandscapes.Harmonic1D(k), FarWalls, steps, h, temperature, Seed);
            double t = s.Time;
            double mean = y0 * Math.Exp(-k * t), variance = temperature / k * (1 - Math.Exp(-2 * k * t));
            double seMean = Math.Sqrt(variance / Count), seVariance = variance * Math.Sqrt(2.0 / (Count - 1));
            Assert.InRange(Mean(s.Y), mean - StandardErrors * seMean, mean + StandardErrors * seMean);
            Assert.InRange(Variance(s.Y), variance - StandardErrors * seVariance, variance + StandardErrors * seVariance);
        }
    }

    /// <summary>
    /// Free diffusion (flat landscape) in the box [−1, 1] × [0, 3] from a corner point: by t = 4 the slowest
    /// box mode has decayed by e^{−Dπ²t/9} ≈ 10⁻² … (y) and far more in x, and the reflected walk's
    /// invariant law is exactly uniform (the folded Gaussian kernel is symmetric); run to t = 12 so
    /// the slowest mode is at e^{−13} ≈ 2·10⁻⁶, then Kolmogorov–Smirnov against uniform in each coordinate.
    /// </summary>
    [Theory]
    [InlineData(LangevinMethod.EulerMaruyama)]
    [InlineData(LangevinMethod.LeimkuhlerMatthews)]
    public void FreeDiffusion_InABox_TendsToUniform(LangevinMethod method)
    {
        var s = PointStart(Count, 0.9, 0.1);
        Run(s, method, TestLandscapes.Flat2D(), new Walls(-1, 1, 0, 3), 1200, 0.01, 1.0, Seed);
        double critical = KolmogorovSmirnovCritical(Count, KolmogorovSmirnovAlpha);
        Assert.True(KolmogorovSmirnov(s.X, x => (x + 1) / 2) < critical, "x not uniform on [−1, 1]");
        Assert.True(KolmogorovSmirnov(s.Y, y => y / 3) < critical, "y not uniform on [0, 3]");
        double bound = StandardErrors / Math.Sqrt(Count);
        Assert.InRange(Correlation(s.X, s.Y), -bound, bound);
    }

    /// <summary>
    /// SGD-size steps of √(2Th) ≈ 4.5 box widths: every step overshoots by several widths and is
    /// folded back; after one step from a point the law is uniform to e^{−π²σ²/2} (negligible), and
    /// every particle is inside.
    /// </summary>
    [Fact]
    public void Fold_StepsOfManyBoxWidths_StayInsideAndAreUniform()
    {
        var s = PointStart(Count, 0, 0.2);
        Run(s, LangevinMethod.Sgd, TestLandscapes.Flat1D(), new Walls(-1, 1, 0, 1), 1, 10.0, 1.0, Seed);
        Assert.All(s.Y, y => Assert.InRange(y, 0.0, 1.0));
        Assert.True(KolmogorovSmirnov(s.Y, y => y) < KolmogorovSmirnovCritical(Count, KolmogorovSmirnovAlpha));
    }
}
