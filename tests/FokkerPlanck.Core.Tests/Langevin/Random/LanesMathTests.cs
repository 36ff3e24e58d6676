using FokkerPlanck.Core.Langevin.Random;

namespace FokkerPlanck.Core.Tests.Langevin.Random;

/// <summary>
/// Our logarithm and sine/cosine of turns against <see cref="Math"/> (the oracle: the C runtime's
/// correctly rounded or nearly so functions), over the whole input range the noise uses, at every lane width.
/// </summary>
public sealed class LanesMathTests
{
    /// <summary>Allowed difference from Math in units of the result's last place: both sides are within ≈ 1 ulp of the truth.</summary>
    private const double UlpTolerance = 2.0;

    private static double Ulps(double ours, double reference) => Math.Abs(ours - reference) / Math.Max(double.Epsilon, Math.BitIncrement(Math.Abs(reference)) - Math.Abs(reference));

    /// <summary>Uniform-like inputs: every binade of [2⁻⁵³, 1), both sides of √2 in the mantissa, the extremes.</summary>
    private static IEnumerable<double> LogInputs()
    {
        var rng = new System.Random(5);
        for (int e = 1; e <= 53; e++)
            for (int j = 0; j < 200; j++) yield return Math.ScaleB(1 + rng.NextDouble(), -e);
        yield return OpenUnit.Smallest;
        yield return 1 - OpenUnit.Smallest;
        yield return Math.ScaleB(Math.Sqrt(2), -1);
        yield return Math.BitDecrement(Math.ScaleB(Math.Sqrt(2), -7));
    }

    [Fact]
    public void Log_OverTheUniformRange_MatchesMathWithinTwoUlp()
    {
        foreach (double x in LogInputs())
        {
            double ours = LanesMath.Log(new Lane1(x)).V;
            Assert.True(Ulps(ours, Math.Log(x)) <= UlpTolerance, $"ln({x:R}) = {ours:R}, Math: {Math.Log(x):R}");
        }
    }

    [Fact]
    public void SinCosOfTurns_OverHalfTurns_MatchesMathWithinTwoUlpOfOne()
    {
        var rng = new System.Random(6);
        for (int i = 0; i < 100_000; i++)
        {
            // multiples of 2⁻⁵³ in [−½, ½], the inputs Box–Muller passes
            double v = (rng.NextInt64(1L << 53) - (1L << 52)) * OpenUnit.Smallest;
            var (s, c) = LanesMath.SinCosOfTurns(new Lane1(v));
            var (ms, mc) = Math.SinCos(2 * Math.PI * v);
            // the reference's own argument 2πv is rounded: compare on the scale of 1 (absolute, in ulp of 1)
            Assert.True(Math.Abs(s.V - ms) <= UlpTolerance * Math.ScaleB(1, -52), $"sin 2π·{v:R}: {s.V:R} vs {ms:R}");
            Assert.True(Math.Abs(c.V - mc) <= UlpTolerance * Math.ScaleB(1, -52), $"cos 2π·{v:R}: {c.V:R} vs {mc:R}");
        }
    }

    [Theory]
    [InlineData(0.0, 0.0, 1.0)]
    [InlineData(0.25, 1.0, 0.0)]
    [InlineData(-0.25, -1.0, 0.0)]
    [InlineData(0.5, 0.0, -1.0)]
    [InlineData(-0.5, 0.0, -1.0)]
    [InlineData(0.125, 0.70710678118654752, 0.70710678118654752)]
    [InlineData(0.375, 0.70710678118654752, -0.70710678118654752)]
    [InlineData(-0.375, -0.70710678118654752, -0.70710678118654752)]
    public void SinCosOfTurns_QuadrantPoints_AreExactToRounding(double v, double sin, double cos)
    {
        var (s, c) = LanesMath.SinCosOfTurns(new Lane1(v));
        Assert.Equal(sin, s.V, 15);
        Assert.Equal(cos, c.V, 15);
    }

    [Fact]
    public void VectorWidths_MatchTheScalarBits()
    {
        const int n = 64;
        var x = LogInputs().Take(n).ToArray();
        var v = x.Select(t => t - 0.5).ToArray();
        var logs = new double[n];
        var sins = new double[n];
        var coss = new double[n];
        if (SimdSupport.IsSupported(SimdWidth.Vector512))
            for (int i = 0; i < n; i += 8)
            {
                Lanes512.Store(LanesMath.Log(Lanes512.Load(ref x[0], i)), ref logs[0], i);
                var (s, c) = LanesMath.SinCosOfTurns(Lanes512.Load(ref v[0], i));
                Lanes512.Store(s, ref sins[0], i);
                Lanes512.Store(c, ref coss[0], i);
                for (int j = i; j < i + 8; j++)
                {
                    Assert.Equal(LanesMath.Log(new Lane1(x[j])).V, logs[j]);
                    Assert.Equal(LanesMath.SinCosOfTurns(new Lane1(v[j])).Sin.V, sins[j]);
                    Assert.Equal(LanesMath.SinCosOfTurns(new Lane1(v[j])).Cos.V, coss[j]);
                }
            }
        if (SimdSupport.IsSupported(SimdWidth.Vector256))
            for (int i = 0; i < n; i += 4)
            {
                Lanes256.Store(LanesMath.Log(Lanes256.Load(ref x[0], i)), ref logs[0], i);
                for (int j = i; j < i + 4; j++) Assert.Equal(LanesMath.Log(new Lane1(x[j])).V, logs[j]);
            }
    }
}
