namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// The step-size control of one run: from the weighted error norm of each try (≤ 1 accepts) the next
/// step, with the predictive (PI) proposal after accepted steps and an order-aware shrink after
/// rejections.
/// </summary>
/// <remarks>
/// Accepted: the smaller of the elementary proposal <c>Safety·err^{−1/k}</c> (k = order + 1; Hairer,
/// Nørsett and Wanner, <i>Solving ODEs I</i>, §II.4) and Gustafsson's predictive one, which follows the
/// trend of the error, <c>·(h/h_old)(err_old/err)^{1/k}</c> (Gustafsson, ACM TOMS 20, 496 (1994); Hairer
/// and Wanner II, §IV.8, eq. 8.21), so a steadily growing error is met before it causes rejections. Growth
/// below <see cref="IntegratorOptions.MinGrowth"/> is not taken (runs of equal steps keep one
/// factorization), growth above <see cref="IntegratorOptions.MaxGrowth"/> never, and none right after a
/// rejection. A rejection clears the predictive history (its trend no longer describes the steps).
/// </remarks>
internal sealed class StepSizeController(IntegratorOptions options)
{
    /// <summary>Steps shrink at most to this fraction after a rejection.</summary>
    private const double MinShrink = 0.2;

    /// <summary>A rejected step shrinks by at least this factor (the estimate said it was too long).</summary>
    private const double MaxShrinkAfterRejection = 0.9;

    /// <summary>Smallest error order assumed between two consecutive rejections.</summary>
    private const double MinObservedOrder = 0.5;

    /// <summary>Floor of the remembered error (an exact step would otherwise divide by zero in the next prediction).</summary>
    private const double ErrorFloor = 1e-10;

    private readonly int _k = options.Scheme.Order + 1;
    private double _lastError = double.NaN, _lastStep = double.NaN;
    private (double Step, double Error)? _lastRejection;

    /// <summary>The step after an accepted try of length <paramref name="h"/> with error norm <paramref name="err"/>.</summary>
    public double AfterAcceptance(double h, double err)
    {
        bool rejectedLast = _lastRejection is not null;
        _lastRejection = null;
        double q = err > 0 ? options.Safety * Math.Pow(err, -1.0 / _k) : options.MaxGrowth;
        if (double.IsFinite(_lastError) && err > 0)
            q = Math.Min(q, q * (h / _lastStep) * Math.Pow(_lastError / err, 1.0 / _k));
        _lastError = Math.Max(err, ErrorFloor); _lastStep = h;
        q = Math.Min(q, rejectedLast ? 1.0 : options.MaxGrowth);
        if (q >= 1 && q < options.MinGrowth) q = 1;
        return h * q;
    }

    /// <summary>
    /// The step after a rejected try: <c>Safety·err^{−1/k}</c>; after a second consecutive rejection
    /// the order observed between the two tries replaces k. A stiff transient left by an earlier long
    /// step (TR-BDF2 damps a mode with hμ ≈ 10 only to −0.2 of its amplitude) makes the error fall far
    /// more slowly than h^k until the step resolves it; the observed order shrinks the step at once
    /// instead of in a long run of rejections.
    /// </summary>
    public double AfterRejection(double h, double err)
    {
        var previous = _lastRejection;
        _lastRejection = (h, err);
        _lastError = double.NaN;
        if (!double.IsFinite(err)) return h * MinShrink;
        double order = _k;
        if (previous is { } p && p.Step > h && p.Error > 0)
            order = Math.Clamp(Math.Log(p.Error / err) / Math.Log(p.Step / h), MinObservedOrder, _k);
        double q = options.Safety * Math.Pow(err, -1.0 / order);
        return h * Math.Clamp(q, MinShrink, MaxShrinkAfterRejection);
    }
}
