namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>
/// The one-sample Kolmogorov–Smirnov test of p-values against U(0, 1): a correct test's p-values are
/// uniform under its null hypothesis.
/// </summary>
internal static class Uniformity
{
    /// <summary>
    /// The asymptotic 99 % point of Kolmogorov's distribution, <c>K_{0.99} = 1.6276</c>: a uniform sample
    /// exceeds <c>D·(√n + 0.12 + 0.11/√n)</c> &gt; 1.628 with probability 0.01 (Stephens' finite-n
    /// modification, accurate to a few parts in a thousand for n ≥ 5; Stephens 1970, <i>J. R. Statist.
    /// Soc. B</i> 32:115–122, Table 1).
    /// </summary>
    public const double CriticalValueAtOnePercent = 1.628;

    /// <summary>The KS distance <c>D = sup |F_n(u) − u|</c> of <paramref name="values"/> from U(0, 1).</summary>
    public static double Distance(IEnumerable<double> values)
    {
        var u = values.Order().ToArray();
        int n = u.Length;
        double d = 0;
        for (int i = 0; i < n; i++) d = Math.Max(d, Math.Max((i + 1.0) / n - u[i], u[i] - (double)i / n));
        return d;
    }

    /// <summary>Stephens' modified statistic <c>D·(√n + 0.12 + 0.11/√n)</c>, to compare with <see cref="CriticalValueAtOnePercent"/>.</summary>
    public static double Statistic(IReadOnlyCollection<double> values)
    {
        double rn = Math.Sqrt(values.Count);
        return Distance(values) * (rn + 0.12 + 0.11 / rn);
    }

    /// <summary>Asserts that <paramref name="pValues"/> pass the KS test of uniformity at the 1 % level.</summary>
    public static void AssertUniform(IReadOnlyCollection<double> pValues, string what)
    {
        double s = Statistic(pValues);
        Assert.True(s < CriticalValueAtOnePercent, $"{what}: KS statistic {s:F3} ≥ {CriticalValueAtOnePercent} (n = {pValues.Count}): the p-values are not uniform under the null");
    }
}
