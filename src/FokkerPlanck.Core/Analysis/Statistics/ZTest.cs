using MathNet.Numerics.Distributions;

namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>
/// The two-sided z-test of an estimate against a reference value that may carry its own error.
/// </summary>
/// <remarks>
/// <c>z = (θ̂ − θ_ref)/√(SE² + SE_ref²)</c>, <c>p = 2Φ(−|z|)</c> (MathNet <c>Normal.CDF</c>, which is
/// accurate in the far tail): the Wald test of a difference of two independent, approximately normal
/// estimates (Wasserman, <i>All of Statistics</i>, 2004, §10.1). A reference with its own uncertainty
/// (e.g. the Fokker–Planck discretization error) enters as an independent error in quadrature; that
/// makes the test conservative when the reference error is a bound rather than a standard deviation.
/// With zero combined error the p-value is 1 when the values agree exactly and 0 otherwise.
/// </remarks>
public static class ZTest
{
    /// <summary>The two-sided test of <paramref name="estimate"/> ± <paramref name="standardError"/> against <paramref name="reference"/> ± <paramref name="referenceError"/>.</summary>
    /// <exception cref="ArgumentException">A value is not finite or an error is negative.</exception>
    public static ZTestResult TwoSided(double estimate, double standardError, double reference, double referenceError = 0)
    {
        if (!double.IsFinite(estimate)) throw new ArgumentException($"The estimate must be finite, got {estimate}.", nameof(estimate));
        if (!double.IsFinite(reference)) throw new ArgumentException($"The reference must be finite, got {reference}.", nameof(reference));
        if (!(standardError >= 0) || !double.IsFinite(standardError)) throw new ArgumentException($"The standard error must be finite and ≥ 0, got {standardError} (a mean of fewer than 2 values has none).", nameof(standardError));
        if (!(referenceError >= 0) || !double.IsFinite(referenceError)) throw new ArgumentException($"The reference error must be finite and ≥ 0, got {referenceError}.", nameof(referenceError));
        double se = Math.Sqrt(standardError * standardError + referenceError * referenceError);
        double d = estimate - reference;
        if (se == 0)
            return new ZTestResult(estimate, standardError, reference, referenceError, d == 0 ? 0 : Math.CopySign(double.PositiveInfinity, d), d == 0 ? 1 : 0);
        double z = d / se;
        double p = Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
        return new ZTestResult(estimate, standardError, reference, referenceError, z, p);
    }
}
