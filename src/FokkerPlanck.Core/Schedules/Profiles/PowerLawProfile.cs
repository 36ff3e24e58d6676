using MathNet.Numerics.Integration;

namespace FokkerPlanck.Core.Schedules.Profiles;

/// <summary>
/// <c>f(x) = c + (a − c)(1 + x)^{−α}</c> on <c>[0, ∞)</c>: the power-law decay from a toward c
/// (α = 1 is the <c>1/t</c> schedule), with x = u/τ.
/// </summary>
/// <param name="start">a = f(0).</param>
/// <param name="limit">c = f(∞).</param>
/// <param name="alpha">α &gt; 0.</param>
internal sealed class PowerLawProfile(double start, double limit, double alpha) : IRateProfile
{
    /// <summary>
    /// Target relative error of the Gauss–Kronrod quadrature of <c>G</c>: the integrand is positive
    /// (no cancellation), so the result carries this relative accuracy, below the 1e-10 that
    /// step counts are promised to.
    /// </summary>
    private const double QuadratureRelativeError = 1e-12;

    /// <summary>
    /// Interval halvings the adaptive quadrature may make. MathNet's recursion refines every interval
    /// whose Gauss–Kronrod difference exceeds its share of the tolerance, so once that difference is
    /// round-off it splits all the way down (2^depth intervals: depth 30 never returned). Measured for
    /// η_h/η_c = 5e-4, α = 0.22, x ≤ 19: depth 8 already meets 1e-13 (≤ 600 evaluations), deeper
    /// levels only subdivide round-off; 10 bounds a call to ~3·10⁴ evaluations.
    /// </summary>
    private const int QuadratureMaximumDepth = 10;

    /// <summary>Gauss–Kronrod points per interval (one of MathNet's precomputed rules).</summary>
    private const int QuadratureOrder = 31;

    /// <inheritdoc/>
    public bool IsAsymptotic => true;

    /// <inheritdoc/>
    public double MinRate => Math.Min(start, limit);

    /// <inheritdoc/>
    public double MaxRate => Math.Max(start, limit);

    /// <inheritdoc/>
    /// <remarks>Written as <c>a p + c (1 − p)</c>, <c>p = (1 + x)^{−α}</c>: two positive terms, exact a at x = 0 whatever a/c.</remarks>
    public double Rate(double x)
    {
        double logP = -alpha * SmallArgument.Log1P(x);
        return start * Math.Exp(logP) - limit * SmallArgument.ExpM1(logP);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>F(x) = c x + (a − c) P(x)</c> with <c>P(x) = ∫₀ˣ (1 + y)^{−α} dy = (e^{βℓ} − 1)/β</c>,
    /// <c>β = 1 − α</c>, <c>ℓ = ln(1 + x)</c> (<c>P = ℓ</c> at α = 1); expm1 keeps α near 1 exact.
    /// </remarks>
    public double RateIntegral(double x)
    {
        double ell = SmallArgument.Log1P(x);
        double beta = 1 - alpha;
        double p = beta == 0 ? ell : SmallArgument.ExpM1(beta * ell) / beta;
        return limit * x + (start - limit) * p;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// No closed form for general α: adaptive Gauss–Kronrod (MathNet) after the substitution
    /// <c>w = ln(1 + y)</c>, <c>G(x) = ∫₀^{ln(1+x)} eʷ / (c + (a − c) e^{−αw}) dw</c>, whose integrand
    /// is smooth and positive over a range that grows only logarithmically with x.
    /// </remarks>
    public double ReciprocalIntegral(double x)
    {
        if (x <= 0) return 0;
        double end = SmallArgument.Log1P(x);
        return GaussKronrodRule.Integrate(
            w => Math.Exp(w) / (limit + (start - limit) * Math.Exp(-alpha * w)),
            0, end, out _, out _, QuadratureRelativeError, QuadratureMaximumDepth, QuadratureOrder);
    }
}
