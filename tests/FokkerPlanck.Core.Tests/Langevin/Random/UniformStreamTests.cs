using FokkerPlanck.Core.Langevin.Random;

using static FokkerPlanck.Core.Tests.Langevin.SampleStatistics;

namespace FokkerPlanck.Core.Tests.Langevin.Random;

/// <summary>
/// The uniforms of <see cref="UniformStream"/>: open interval, moments and CDF against their sampling
/// error, independence, identical bits at every width, and the separation from the noise's counters.
/// </summary>
public sealed class UniformStreamTests
{
    private const int Count = 1 << 20;
    private const ulong Seed = 77;

    private static (double[] U, double[] V) Draw(ulong seed, long stream, long first = 0, int count = Count)
    {
        var u = new double[count];
        var v = new double[count];
        UniformStream.Fill(seed, stream, first, u, v);
        return (u, v);
    }

    [Fact]
    public void Fill_Values_AreUniformOnTheOpenInterval()
    {
        var (u, v) = Draw(Seed, 0);
        Assert.All(u.Concat(v), x => Assert.True(x > 0 && x < 1));
        double meanBound = StandardErrors * Math.Sqrt(1.0 / 12 / Count);
        double varianceBound = StandardErrors * Math.Sqrt((1.0 / 80 - 1.0 / 144) / Count); // μ₄ − σ⁴ of U(0, 1)
        foreach (var x in new[] { u, v })
        {
            Assert.InRange(Mean(x), 0.5 - meanBound, 0.5 + meanBound);
            Assert.InRange(Variance(x), 1.0 / 12 - varianceBound, 1.0 / 12 + varianceBound);
        }
        Assert.True(KolmogorovSmirnov(u.Concat(v), x => x) < KolmogorovSmirnovCritical(2 * Count, KolmogorovSmirnovAlpha));
    }

    [Fact]
    public void Fill_PairsNeighboursAndStreams_AreUncorrelated()
    {
        var (u, v) = Draw(Seed, 0);
        var (w, _) = Draw(Seed, 1);
        double bound = StandardErrors / Math.Sqrt(Count);
        Assert.InRange(Correlation(u, v), -bound, bound);
        Assert.InRange(Correlation(u.AsSpan(1), u.AsSpan(0, Count - 1)), -bound, bound);
        Assert.InRange(Correlation(u, w), -bound, bound);
    }

    [Fact]
    public void Uniforms_EveryWidth_GivesTheScalarBits()
    {
        const int n = 1031;
        var reference = (new double[n], new double[n]);
        NoiseKernels.Uniforms(SimdWidth.Scalar, Seed, CounterLayout.Sampling(3), 5, reference.Item1, reference.Item2);
        foreach (var width in new[] { SimdWidth.Vector256, SimdWidth.Vector512 }.Where(SimdSupport.IsSupported))
        {
            var u = new double[n];
            var v = new double[n];
            NoiseKernels.Uniforms(width, Seed, CounterLayout.Sampling(3), 5, u, v);
            Assert.Equal(reference.Item1, u);
            Assert.Equal(reference.Item2, v);
        }
    }

    /// <summary>
    /// The sampling counters carry the domain bit, the noise counters never do, so for one seed a stream
    /// cannot reproduce any step's blocks (Philox is a bijection of counters); stream k and step k differ.
    /// </summary>
    [Fact]
    public void Streams_AreSeparatedFromTheNoise()
    {
        foreach (long k in new long[] { 0, 1, 12345, long.MaxValue })
        {
            Assert.NotEqual(0UL, CounterLayout.Sampling(k) & CounterLayout.SamplingDomainBit);
            Assert.Equal(0UL, CounterLayout.Noise(k) & CounterLayout.SamplingDomainBit);
        }
        const int n = 4096;
        var (u, v) = Draw(Seed, 2, count: n);
        var nu = new double[n];
        var nv = new double[n];
        NoiseKernels.Uniforms(SimdSupport.Preferred, Seed, CounterLayout.Noise(2), 0, nu, nv);
        for (int i = 0; i < n; i++) Assert.False(u[i] == nu[i] && v[i] == nv[i], $"particle {i}: stream 2 repeats the uniforms of step 2");
    }

    [Fact]
    public void Fill_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UniformStream.Fill(1, -1, 0, new double[2], new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => UniformStream.Fill(1, 0, -5, new double[2], new double[2]));
        Assert.Throws<ArgumentException>(() => UniformStream.Fill(1, 0, 0, new double[2], new double[1]));
    }
}
