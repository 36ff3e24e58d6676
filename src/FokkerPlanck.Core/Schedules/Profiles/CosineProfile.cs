namespace FokkerPlanck.Core.Schedules.Profiles;

/// <summary>
/// <c>f(x) = b + (a − b)(1 + cos πx)/2 = b + (a − b) cos²(πx/2)</c> on <c>[0, 1]</c>: the cosine
/// decay from a to b.
/// </summary>
/// <param name="start">a = f(0).</param>
/// <param name="end">b = f(1).</param>
internal sealed class CosineProfile(double start, double end) : IRateProfile
{
    /// <inheritdoc/>
    public bool IsAsymptotic => false;

    /// <inheritdoc/>
    public double MinRate => Math.Min(start, end);

    /// <inheritdoc/>
    public double MaxRate => Math.Max(start, end);

    /// <inheritdoc/>
    /// <remarks>
    /// Written as <c>a cos²(πx/2) + b sin²(πx/2)</c>: two positive terms, so full relative accuracy
    /// everywhere (1 + cos πx cancels near x = 1) and exact ends whatever a/b.
    /// </remarks>
    public double Rate(double x)
    {
        double c = Math.Cos(0.5 * Math.PI * x), s = Math.Sin(0.5 * Math.PI * x);
        return start * c * c + end * s * s;
    }

    /// <inheritdoc/>
    /// <remarks><c>F(x) = b x + (a − b)(x + sin(πx)/π)/2</c>.</remarks>
    public double RateIntegral(double x) => end * x + 0.5 * (start - end) * (x + Math.Sin(Math.PI * x) / Math.PI);

    /// <inheritdoc/>
    /// <remarks>
    /// With <c>A = (a + b)/2</c>, <c>B = (a − b)/2</c> (so <c>A² − B² = ab</c>):
    /// <c>∫ dθ/(A + B cos θ) = 2/√(A² − B²) · atan(√((A − B)/(A + B)) tan(θ/2))</c>
    /// (Gradshteyn–Ryzhik 2.553.3) with θ = πx, valid on <c>[0, 1]</c> where θ/2 ≤ π/2.
    /// </remarks>
    public double ReciprocalIntegral(double x)
        => 2 / (Math.PI * Math.Sqrt(start * end)) * Math.Atan(Math.Sqrt(end / start) * Math.Tan(0.5 * Math.PI * x));
}
