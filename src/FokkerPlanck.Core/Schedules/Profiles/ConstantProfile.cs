namespace FokkerPlanck.Core.Schedules.Profiles;

/// <summary><c>f(x) = η</c>: a stable phase, one level of a step decay, or the final LR held forever.</summary>
/// <param name="rate">The constant learning rate.</param>
/// <param name="isAsymptotic">True for the phase that runs to <c>t = ∞</c>.</param>
internal sealed class ConstantProfile(double rate, bool isAsymptotic) : IRateProfile
{
    /// <inheritdoc/>
    public bool IsAsymptotic { get; } = isAsymptotic;

    /// <inheritdoc/>
    public double MinRate => rate;

    /// <inheritdoc/>
    public double MaxRate => rate;

    /// <inheritdoc/>
    public double Rate(double x) => rate;

    /// <inheritdoc/>
    public double RateIntegral(double x) => rate * x;

    /// <inheritdoc/>
    public double ReciprocalIntegral(double x) => x / rate;
}
