namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// Cubic Hermite interpolation of a state from its values and rates at both ends of an interval:
/// the integrators' dense output (τ ∈ [0, 1]) and the stage predictors (τ &gt; 1, extrapolation).
/// </summary>
/// <remarks>
/// <c>m(τ) = h₀₀ m₀ + h₁₀ Δ f₀ + h₀₁ m₁ + h₁₁ Δ f₁</c> with the Hermite basis
/// <c>h₀₀ = 2τ³ − 3τ² + 1, h₁₀ = τ³ − 2τ² + τ, h₀₁ = −2τ³ + 3τ², h₁₁ = τ³ − τ²</c> and Δ the interval
/// length: third-order accurate, and mass-conserving for generators (<c>Σf = 0</c>, and
/// <c>h₀₀ + h₀₁ = 1</c>).
/// </remarks>
public static class HermiteCubic
{
    /// <summary>Writes <c>m(τ)</c> into <paramref name="destination"/>.</summary>
    public static void Evaluate(double tau, double length, ReadOnlySpan<double> m0, ReadOnlySpan<double> f0,
        ReadOnlySpan<double> m1, ReadOnlySpan<double> f1, Span<double> destination)
    {
        double t2 = tau * tau, t3 = t2 * tau;
        double h00 = 2 * t3 - 3 * t2 + 1, h10 = (t3 - 2 * t2 + tau) * length, h01 = -2 * t3 + 3 * t2, h11 = (t3 - t2) * length;
        for (int i = 0; i < destination.Length; i++) destination[i] = h00 * m0[i] + h10 * f0[i] + h01 * m1[i] + h11 * f1[i];
    }
}
