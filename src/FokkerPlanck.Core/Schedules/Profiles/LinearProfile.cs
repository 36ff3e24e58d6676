namespace FokkerPlanck.Core.Schedules.Profiles;

/// <summary><c>f(x) = a + (b − a) x</c> on <c>[0, 1]</c>: a linear decay, a warm-up, or one row interval of a table.</summary>
/// <param name="start">a = f(0).</param>
/// <param name="end">b = f(1).</param>
internal sealed class LinearProfile(double start, double end) : IRateProfile
{
    /// <inheritdoc/>
    public bool IsAsymptotic => false;

    /// <inheritdoc/>
    public double MinRate => Math.Min(start, end);

    /// <inheritdoc/>
    public double MaxRate => Math.Max(start, end);

    /// <inheritdoc/>
    /// <remarks>Written as <c>a(1 − x) + b x</c>: exact at both ends whatever a/b (a + (b − a)x is not at x = 1).</remarks>
    public double Rate(double x) => start * (1 - x) + end * x;

    /// <inheritdoc/>
    public double RateIntegral(double x) => x * (start + 0.5 * (end - start) * x);

    /// <inheritdoc/>
    /// <remarks><c>G(x) = ln(f(x)/a)/(b − a)</c>, written with log1p so that b → a loses no digits.</remarks>
    public double ReciprocalIntegral(double x)
    {
        double slope = end - start;
        return slope == 0 ? x / start : SmallArgument.Log1P(slope * x / start) / slope;
    }
}
