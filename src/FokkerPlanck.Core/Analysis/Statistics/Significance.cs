namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>The significance level α of the consistency checks and the verdict it gives a p-value.</summary>
public static class Significance
{
    /// <summary>
    /// Default level α = 0.01. A check runs several tests at each of several times, and a correct
    /// simulation should pass it: at 0.01 a file of ten consistent times fails on about one run in ten
    /// (1 − 0.99¹⁰), where 0.05 would fail four in ten. The price is power: only differences of about
    /// 2.6 standard errors (two-sided) are flagged, which the ensemble sizes of a Langevin check
    /// (10⁴–10⁶ particles) make small.
    /// </summary>
    public const double DefaultLevel = 0.01;

    /// <summary><see cref="Verdict.Inconsistent"/> when <c>p ≤ α</c>, else <see cref="Verdict.Consistent"/>.</summary>
    /// <param name="pValue">The p-value, in [0, 1].</param>
    /// <param name="level">α, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">The p-value or the level is out of range.</exception>
    public static Verdict Judge(double pValue, double level = DefaultLevel)
    {
        CheckLevel(level);
        if (!(pValue >= 0 && pValue <= 1)) throw new ArgumentOutOfRangeException(nameof(pValue), pValue, "A p-value lies in [0, 1].");
        return pValue <= level ? Verdict.Inconsistent : Verdict.Consistent;
    }

    /// <summary>Throws unless <paramref name="level"/> lies strictly between 0 and 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is out of range.</exception>
    public static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The significance level α must lie in (0, 1), e.g. 0.01.");
    }
}
