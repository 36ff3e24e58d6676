using MathNet.Numerics;

namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>
/// The G-test (log-likelihood-ratio test of goodness of fit) of observed counts against given
/// probabilities, with Williams' correction and sparse bins merged by Cochran's rule.
/// </summary>
/// <remarks>
/// <para><b>Statistic.</b> With n observations, expected counts <c>E_i = n p_i</c> and observed
/// <c>O_i</c> over k categories, <c>G = 2 Σ O_i ln(O_i/E_i)</c>, summed here as
/// <c>2 Σ [O_i ln(O_i/E_i) − (O_i − E_i)]</c> (the added terms sum to zero, and every term is then
/// ≥ 0, so round-off cannot make G negative; an empty category contributes <c>2E_i</c>). Under the
/// null hypothesis G is asymptotically χ² with <c>ν = k − 1</c> degrees of freedom (Sokal &amp; Rohlf,
/// <i>Biometry</i>, 3rd ed. 1995, §17.1–17.2).</para>
/// <para><b>Williams' correction.</b> G/q with <c>q = 1 + (k² − 1)/(6nν)</c> brings the null
/// distribution closer to χ²_ν for moderate n (Williams 1976, <i>Biometrika</i> 63:33–37; Sokal &amp;
/// Rohlf §17.2).</para>
/// <para><b>Sparse bins.</b> The χ² approximation needs expected counts that are not small; the
/// conservative form of Cochran's rule asks every category to expect at least 5 (Cochran 1954,
/// <i>Biometrics</i> 10:417–451, whose own rule tolerates a few categories down to 1). Adjacent
/// bins are merged along the axis, from the low end: a group is closed as soon as its expected count
/// reaches <see cref="MinimumExpected"/>, and a short remainder at the high end joins the last group.
/// The grouping depends on the expected counts only, never on the observed ones, so it is fixed before
/// the data are looked at and the reference distribution stays χ²_ν (choosing bins from the data would
/// not).</para>
/// <para><b>p-value.</b> <c>P(χ²_ν ≥ G/q) = Q(ν/2, G/(2q))</c>, the regularized upper incomplete gamma
/// function: the survival function of MathNet's <c>ChiSquared</c> distribution (whose <c>CDF</c> is
/// <c>P(ν/2, x/2)</c>), evaluated as the upper tail so that p-values far below 10⁻¹⁶ are not rounded
/// to 0.</para>
/// </remarks>
public static class GTest
{
    /// <summary>Cochran's rule (its conservative form): every tested category expects at least 5 observations, so that G/q is close to χ²_ν.</summary>
    public const double MinimumExpected = 5;

    /// <summary>Tests <paramref name="observed"/> counts against <paramref name="probabilities"/> (normalized here).</summary>
    /// <param name="observed">Counts per bin, ≥ 0.</param>
    /// <param name="probabilities">Probability (or any nonnegative weight) per bin; normalized to sum 1.</param>
    /// <param name="minimumExpected">Merging threshold (default Cochran's 5).</param>
    /// <exception cref="ArgumentException">Lengths differ or are 0, a count is negative, a weight is negative or not finite, the weights sum to 0, or there are no observations.</exception>
    public static GTestResult Run(ReadOnlySpan<long> observed, ReadOnlySpan<double> probabilities, double minimumExpected = MinimumExpected)
    {
        if (observed.Length == 0 || observed.Length != probabilities.Length)
            throw new ArgumentException($"A G-test needs one probability per bin: {observed.Length} counts, {probabilities.Length} probabilities.", nameof(probabilities));
        if (!(minimumExpected > 0) || !double.IsFinite(minimumExpected)) throw new ArgumentOutOfRangeException(nameof(minimumExpected), minimumExpected, "Must be positive and finite.");
        long n = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            if (observed[i] < 0) throw new ArgumentException($"Bin {i} has a negative count ({observed[i]}).", nameof(observed));
            n += observed[i];
        }
        if (n == 0) throw new ArgumentException("A G-test needs at least one observation; all counts are 0.", nameof(observed));
        var expected = ExpectedCounts(probabilities, n);
        var ranges = MergeSparse(expected, minimumExpected);
        var groups = new BinGroup[ranges.Count];
        double g = 0;
        for (int k = 0; k < ranges.Count; k++)
        {
            var (first, last) = ranges[k];
            long o = 0;
            double e = 0;
            for (int i = first; i <= last; i++) { o += observed[i]; e += expected[i]; }
            groups[k] = new BinGroup(first, last, o, e);
            g += o > 0 ? o * Math.Log(o / e) - (o - e) : e;
        }
        g *= 2;
        int nu = groups.Length - 1;
        if (nu == 0) return new GTestResult(n, observed.Length, groups, minimumExpected, 0, 1, 1);
        double q = 1 + (groups.Length * (double)groups.Length - 1) / (6.0 * n * nu);
        double p = SpecialFunctions.GammaUpperRegularized(nu / 2.0, g / (2 * q));
        return new GTestResult(n, observed.Length, groups, minimumExpected, g, q, Math.Clamp(p, 0, 1));
    }

    /// <summary>
    /// Groups adjacent bins, from the low end, until each group expects at least
    /// <paramref name="minimum"/>; a remainder below it at the high end joins the last group (one group
    /// holding everything when the total is below the minimum). Uses the expected counts only.
    /// </summary>
    /// <param name="expected">Expected count per bin, ≥ 0.</param>
    /// <param name="minimum">The least expected count of a group.</param>
    /// <returns>Inclusive (first, last) bin ranges covering every bin in order.</returns>
    public static IReadOnlyList<(int First, int Last)> MergeSparse(ReadOnlySpan<double> expected, double minimum = MinimumExpected)
    {
        var groups = new List<(int First, int Last)>();
        int start = 0;
        double sum = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            sum += expected[i];
            if (sum >= minimum)
            {
                groups.Add((start, i));
                start = i + 1;
                sum = 0;
            }
        }
        if (start < expected.Length)
        {
            if (groups.Count == 0) groups.Add((0, expected.Length - 1));
            else groups[^1] = (groups[^1].First, expected.Length - 1);
        }
        return groups;
    }

    /// <summary><c>n·p_i/Σp</c>, checking the weights.</summary>
    private static double[] ExpectedCounts(ReadOnlySpan<double> probabilities, long n)
    {
        double total = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0) || !double.IsFinite(p)) throw new ArgumentException($"Bin {i} has probability {p}; probabilities must be finite and ≥ 0.", nameof(probabilities));
            total += p;
        }
        if (!(total > 0)) throw new ArgumentException("The probabilities sum to 0.", nameof(probabilities));
        var e = new double[probabilities.Length];
        for (int i = 0; i < e.Length; i++) e[i] = n * (probabilities[i] / total);
        return e;
    }
}
