using MathNet.Numerics;

namespace FokkerPlanck.Core.Tests.Langevin;

/// <summary>
/// Sample moments and goodness-of-fit statistics for the statistical tests of the noise and the
/// propagator. Every test compares a statistic with its sampling error at a fixed seed, so it is
/// deterministic, yet a wrong generator or scheme fails it.
/// </summary>
internal static class SampleStatistics
{
    /// <summary>
    /// Standard errors allowed for a moment or correlation: a correct implementation exceeds five
    /// standard errors with probability ≈ 6·10⁻⁷ per check, so a failure means a real discrepancy.
    /// </summary>
    public const double StandardErrors = 5.0;

    /// <summary>Significance of the Kolmogorov–Smirnov tests (the same ≈ 10⁻⁶ scale as <see cref="StandardErrors"/>).</summary>
    public const double KolmogorovSmirnovAlpha = 1e-6;

    /// <summary>Sample mean.</summary>
    public static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += v;
        return s / x.Length;
    }

    /// <summary>Sample central moment of order <paramref name="order"/> about <paramref name="centre"/>.</summary>
    public static double Moment(ReadOnlySpan<double> x, int order, double centre = 0)
    {
        double s = 0;
        foreach (double v in x) s += Math.Pow(v - centre, order);
        return s / x.Length;
    }

    /// <summary>Unbiased sample variance.</summary>
    public static double Variance(ReadOnlySpan<double> x)
    {
        double m = Mean(x), s = 0;
        foreach (double v in x) s += (v - m) * (v - m);
        return s / (x.Length - 1);
    }

    /// <summary>Pearson correlation of two equally long samples.</summary>
    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double ma = Mean(a), mb = Mean(b), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>The standard normal CDF Φ.</summary>
    public static double NormalCdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2.0));

    /// <summary>Kolmogorov–Smirnov statistic <c>D = sup |F_n − F|</c> of a sample against a CDF.</summary>
    public static double KolmogorovSmirnov(IEnumerable<double> sample, Func<double, double> cdf)
    {
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        double n = sorted.Length, d = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(f - i / n, (i + 1) / n - f));
        }
        return d;
    }

    /// <summary>
    /// Critical D at significance α for n samples, from Kolmogorov's limit
    /// <c>P(√n D &gt; x) ≈ 2 e^{−2x²}</c> (the leading term; accurate at small α and large n).
    /// </summary>
    public static double KolmogorovSmirnovCritical(int n, double alpha) => Math.Sqrt(Math.Log(2.0 / alpha) / 2.0) / Math.Sqrt(n);
}
