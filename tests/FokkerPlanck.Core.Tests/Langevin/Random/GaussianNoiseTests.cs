using FokkerPlanck.Core.Langevin.Random;

using static FokkerPlanck.Core.Tests.Langevin.SampleStatistics;

namespace FokkerPlanck.Core.Tests.Langevin.Random;

/// <summary>
/// The normals of <see cref="GaussianNoise"/>: moments, CDF, tail, independence of neighbouring
/// particles, steps and seeds (all against their sampling error at fixed seeds), and that the bits do
/// not depend on how the particle range is split or on the SIMD width.
/// </summary>
public sealed class GaussianNoiseTests
{
    private const int Count = 1 << 20;
    private const ulong Seed = 20250917;

    private static (double[] Xi, double[] Eta) Draw(ulong seed, long step, long first = 0, int count = Count)
    {
        var xi = new double[count];
        var eta = new double[count];
        GaussianNoise.Fill(seed, step, first, xi, eta);
        return (xi, eta);
    }

    [Fact]
    public void Fill_Moments_MatchStandardNormal()
    {
        var (xi, eta) = Draw(Seed, 3);
        foreach (var x in new[] { xi, eta })
        {
            // standard errors: mean 1/√n, variance √(2/n) (μ₄ − σ⁴ = 2), fourth moment √(96/n) (μ₈ − μ₄² = 105 − 9)
            Assert.InRange(Mean(x), -StandardErrors / Math.Sqrt(Count), StandardErrors / Math.Sqrt(Count));
            Assert.InRange(Variance(x), 1 - StandardErrors * Math.Sqrt(2.0 / Count), 1 + StandardErrors * Math.Sqrt(2.0 / Count));
            Assert.InRange(Moment(x, 4), 3 - StandardErrors * Math.Sqrt(96.0 / Count), 3 + StandardErrors * Math.Sqrt(96.0 / Count));
            Assert.InRange(Moment(x, 3), -StandardErrors * Math.Sqrt(15.0 / Count), StandardErrors * Math.Sqrt(15.0 / Count));
        }
    }

    [Fact]
    public void Fill_Cdf_PassesKolmogorovSmirnov()
    {
        var (xi, eta) = Draw(Seed, 0);
        double critical = KolmogorovSmirnovCritical(2 * Count, KolmogorovSmirnovAlpha);
        Assert.True(KolmogorovSmirnov(xi.Concat(eta), NormalCdf) < critical, "normal CDF rejected at α = 1e-6");
    }

    /// <summary>|ξ| &gt; 4 occurs with probability 2Φ(−4) ≈ 6.3·10⁻⁵; its count is Poisson with that mean.</summary>
    [Fact]
    public void Fill_TailBeyondFour_HasNormalFrequency()
    {
        var (xi, eta) = Draw(Seed, 1);
        double expected = 2 * Count * 2 * NormalCdf(-4);
        int observed = xi.Concat(eta).Count(v => Math.Abs(v) > 4);
        Assert.InRange(observed, expected - StandardErrors * Math.Sqrt(expected), expected + StandardErrors * Math.Sqrt(expected));
        Assert.All(xi.Concat(eta), v => Assert.True(Math.Abs(v) <= GaussianNoise.MaxMagnitude));
    }

    [Fact]
    public void Fill_NeighbouringParticlesStepsAndSeeds_AreUncorrelated()
    {
        var (xi, eta) = Draw(Seed, 5);
        var (xiNext, _) = Draw(Seed, 6);
        var (xiSeed, _) = Draw(Seed + 1, 5);
        double bound = StandardErrors / Math.Sqrt(Count);
        Assert.InRange(Correlation(xi, eta), -bound, bound);
        Assert.InRange(Correlation(xi.AsSpan(1), xi.AsSpan(0, Count - 1)), -bound, bound);
        Assert.InRange(Correlation(eta.AsSpan(1), eta.AsSpan(0, Count - 1)), -bound, bound);
        Assert.InRange(Correlation(xi, xiNext), -bound, bound);
        Assert.InRange(Correlation(xi, xiSeed), -bound, bound);
        // the squares too: Box–Muller pairs share r, so a dependence would show in ξ² versus η²
        Assert.InRange(Correlation(xi.Select(v => v * v).ToArray(), eta.Select(v => v * v).ToArray()), -bound, bound);
    }

    [Fact]
    public void Fill_AnySplitOfTheRange_GivesTheSameBits()
    {
        var (xi, eta) = Draw(Seed, 42, first: 10, count: 1000);
        int[] cuts = [0, 3, 4, 11, 267, 268, 700, 1000];
        for (int c = 0; c + 1 < cuts.Length; c++)
        {
            var (px, pe) = Draw(Seed, 42, first: 10 + cuts[c], count: cuts[c + 1] - cuts[c]);
            Assert.Equal(xi.AsSpan(cuts[c], px.Length).ToArray(), px);
            Assert.Equal(eta.AsSpan(cuts[c], pe.Length).ToArray(), pe);
        }
    }

    [Fact]
    public void Normals_EveryWidth_GivesTheScalarBits()
    {
        const int n = 4099;
        var sx = new double[n];
        var se = new double[n];
        NoiseKernels.Normals(SimdWidth.Scalar, Seed, CounterLayout.Noise(9), 1L << 33, sx, se);
        foreach (var width in new[] { SimdWidth.Vector256, SimdWidth.Vector512 }.Where(SimdSupport.IsSupported))
        {
            var xi = new double[n];
            var eta = new double[n];
            NoiseKernels.Normals(width, Seed, CounterLayout.Noise(9), 1L << 33, xi, eta);
            Assert.Equal(sx, xi);
            Assert.Equal(se, eta);
        }
    }

    [Fact]
    public void MaxMagnitude_IsTheRadiusOfTheSmallestUniform()
    {
        Assert.Equal(Math.Sqrt(106 * Math.Log(2)), GaussianNoise.MaxMagnitude, 12);
        var (xi, _) = BoxMuller.Transform(new Lane1(OpenUnit.Smallest), new Lane1(0.5));
        Assert.Equal(GaussianNoise.MaxMagnitude, xi.V, 12);
    }

    [Fact]
    public void Fill_InvalidArguments_Throw()
    {
        var a = new double[4];
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianNoise.Fill(1, -1, 0, a, new double[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianNoise.Fill(1, 0, -1, a, new double[4]));
        Assert.Throws<ArgumentException>(() => GaussianNoise.Fill(1, 0, 0, a, new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianNoise.Fill(1, 0, long.MaxValue - 2, a, new double[4]));
    }
}
