namespace FokkerPlanck.Core.Schedules.Profiles;

/// <summary>
/// <c>f(x) = a (b/a)ˣ</c> on <c>[0, 1]</c>: the geometric ("exponential") decay, a constant
/// ratio per unit of x.
/// </summary>
/// <param name="start">a = f(0).</param>
/// <param name="end">b = f(1).</param>
internal sealed class ExponentialProfile(double start, double end) : IRateProfile
{
    /// <summary><c>L = ln(b/a)</c>, the log-LR change over the phase.</summary>
    private readonly double _logRatio = Math.Log(end / start);

    /// <inheritdoc/>
    public bool IsAsymptotic => false;

    /// <inheritdoc/>
    public double MinRate => Math.Min(start, end);

    /// <inheritdoc/>
    public double MaxRate => Math.Max(start, end);

    /// <inheritdoc/>
    public double Rate(double x) => start * Math.Exp(_logRatio * x);

    /// <inheritdoc/>
    /// <remarks><c>F(x) = a (e^{Lx} − 1)/L</c>.</remarks>
    public double RateIntegral(double x)
        => _logRatio == 0 ? start * x : start * SmallArgument.ExpM1(_logRatio * x) / _logRatio;

    /// <inheritdoc/>
    /// <remarks><c>G(x) = (1 − e^{−Lx})/(a L)</c>.</remarks>
    public double ReciprocalIntegral(double x)
        => _logRatio == 0 ? x / start : -SmallArgument.ExpM1(-_logRatio * x) / (start * _logRatio);
}
