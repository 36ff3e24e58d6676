using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Tests.TestSupport;
using MathNet.Numerics.Distributions;

namespace FokkerPlanck.Core.Tests.Analysis.Statistics;

/// <summary>
/// The G-test: hand-computed statistics, Williams' factor and p-values; Cochran merging (never below 5,
/// never looks at the data); uniform p-values under the null; power against a shifted and a wider density.
/// </summary>
public class GTestTests
{
    /// <summary>Hand-computed values agree to this (absolute).</summary>
    private const double Exact = 1e-12;

    /// <summary>Replicates of the null-distribution test (200: the KS test then resolves departures of about 0.11 in the CDF).</summary>
    private const int Replicates = 200;

    /// <summary>Bins of the discretized Gaussian: 40 bins over ±4σ, so the tails expect fewer than 5 at the sample sizes used and must be merged.</summary>
    private const int Bins = 40;

    [Fact]
    public void Run_ThreeBins_MatchesTheStatisticComputedByHand()
    {
        // n = 60, E = (12, 18, 30); G = 2 Σ O ln(O/E) written out; q = 1 + (k² − 1)/(6nν) = 1 + 8/720
        var r = GTest.Run([10, 20, 30], [0.2, 0.3, 0.5]);
        double g = 2 * (10 * Math.Log(10.0 / 12) + 20 * Math.Log(20.0 / 18) + 30 * Math.Log(30.0 / 30));
        double q = 1 + 8.0 / 720;
        Assert.Equal(g, r.Statistic, Exact);
        Assert.Equal(q, r.WilliamsFactor, Exact);
        Assert.Equal(2, r.DegreesOfFreedom);
        Assert.False(r.Merged);
        // χ²₂ has the closed-form survival function exp(−x/2)
        Assert.Equal(Math.Exp(-g / q / 2), r.PValue, Exact);
    }

    [Fact]
    public void Run_PValue_IsTheChiSquaredSurvivalFunction()
    {
        var r = GTest.Run([30, 45, 25, 40, 60], [0.15, 0.25, 0.15, 0.2, 0.25]);
        Assert.Equal(1 - ChiSquared.CDF(4, r.CorrectedStatistic), r.PValue, 1e-10);
    }

    [Fact]
    public void Run_AnEmptyCategory_ContributesTwiceItsExpectation()
    {
        // O = (0, 20), E = (10, 10): G = 2(10 + 20 ln 2 − 10) by the term-wise form; the textbook Σ O ln(O/E) gives the same
        var r = GTest.Run([0, 20], [0.5, 0.5]);
        Assert.Equal(2 * 20 * Math.Log(2), r.Statistic, Exact);
    }

    [Fact]
    public void MergeSparse_SmallCase_MergesAsWorkedOutByHand()
    {
        // 1+1+1+1+1 = 5 closes the first group; 10 is a group; the tail 1+2 = 3 < 5 joins it
        var groups = GTest.MergeSparse([1, 1, 1, 1, 1, 10, 1, 2]);
        Assert.Equal(new (int, int)[] { (0, 4), (5, 7) }, groups);
    }

    [Fact]
    public void MergeSparse_RandomExpectations_NeverLeavesAGroupBelowFiveAndCoversEveryBin()
    {
        var random = new System.Random(11);
        for (int trial = 0; trial < 500; trial++)
        {
            var e = Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.NextDouble() < 0.3 ? 0 : 8 * Math.Pow(random.NextDouble(), 3)).ToArray();
            var groups = GTest.MergeSparse(e);
            Assert.Equal(0, groups[0].First);
            Assert.Equal(e.Length - 1, groups[^1].Last);
            for (int k = 1; k < groups.Count; k++) Assert.Equal(groups[k - 1].Last + 1, groups[k].First);
            if (e.Sum() >= GTest.MinimumExpected)
                Assert.All(groups, g => Assert.True(e[g.First..(g.Last + 1)].Sum() >= GTest.MinimumExpected, $"trial {trial}: group {g} expects {e[g.First..(g.Last + 1)].Sum()}"));
        }
    }

    [Fact]
    public void Run_Grouping_DependsOnTheExpectedCountsOnly()
    {
        double[] p = [0.01, 0.02, 0.2, 0.3, 0.3, 0.15, 0.01, 0.01];
        var a = GTest.Run([0, 0, 20, 30, 30, 20, 0, 0], p);
        var b = GTest.Run([5, 3, 10, 40, 20, 15, 4, 3], p);
        Assert.Equal(a.Groups.Select(g => (g.First, g.Last)), b.Groups.Select(g => (g.First, g.Last)));
        Assert.True(a.Merged);
        Assert.Contains("Cochran", a.MergeNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TooFewObservationsForTwoGroups_IsNotTestableAndHasPValueOne()
    {
        var r = GTest.Run([1, 2], [0.5, 0.5]);
        Assert.False(r.IsTestable);
        Assert.Equal(0, r.DegreesOfFreedom);
        Assert.Equal(1, r.PValue);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(2000)]
    public void Run_SamplesFromTheTestedDensity_GiveUniformPValues(int n)
    {
        var p = Gaussian(0, 1);
        var random = new System.Random(n);
        var pValues = Enumerable.Range(0, Replicates).Select(_ => GTest.Run(Histogram(random, n, 0, 1), p).PValue).ToArray();
        Uniformity.AssertUniform(pValues, $"n = {n}");
    }

    [Theory]
    [InlineData(0.3, 1.0)]
    [InlineData(0.0, 1.3)]
    public void Run_SamplesFromAShiftedOrWiderDensity_AreRejected(double shift, double width)
    {
        var random = new System.Random(7);
        var r = GTest.Run(Histogram(random, 2000, shift, width), Gaussian(0, 1));
        Assert.True(r.PValue < 1e-6, $"shift {shift}, width {width}: p = {r.PValue:G3}");
    }

    [Fact]
    public void Run_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => GTest.Run([1, 2], [1.0]));
        Assert.Throws<ArgumentException>(() => GTest.Run([-1, 2], [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => GTest.Run([0, 0], [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => GTest.Run([1, 2], [0.5, double.NaN]));
        Assert.Throws<ArgumentException>(() => GTest.Run([1, 2], [0.0, 0.0]));
    }

    /// <summary>The standard normal's mass in <see cref="Bins"/> equal bins over ±4 (the rest in the end bins).</summary>
    private static double[] Gaussian(double mean, double width)
    {
        var p = new double[Bins];
        for (int b = 0; b < Bins; b++)
        {
            double lo = b == 0 ? double.NegativeInfinity : Edge(b), hi = b == Bins - 1 ? double.PositiveInfinity : Edge(b + 1);
            p[b] = Normal.CDF(mean, width, hi) - Normal.CDF(mean, width, lo);
        }
        return p;
    }

    private static double Edge(int b) => -4 + 8.0 * b / Bins;

    /// <summary>Counts of n normal draws (Box–Muller) in the bins of <see cref="Gaussian"/>.</summary>
    private static long[] Histogram(System.Random random, int n, double mean, double width)
    {
        var counts = new long[Bins];
        for (int i = 0; i < n; i++)
        {
            double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            double v = mean + width * z;
            int b = (int)Math.Floor((v + 4) / 8 * Bins);
            counts[Math.Clamp(b, 0, Bins - 1)]++;
        }
        return counts;
    }
}
