
namespace FokkerPlanck.Reporting.Validation;

/// <summary>One pass/fail criterion of a case: a measured number against a stated limit.</summary>
/// <param name="Quantity">What was measured, e.g. "max |λ − λ_exact| / λ_exact".</param>
/// <param name="Measured">The measured value.</param>
/// <param name="Lower">Inclusive lower limit, or −∞.</param>
/// <param name="Upper">Inclusive upper limit, or +∞.</param>
public sealed record Check(string Quantity, double Measured, double Lower, double Upper)
{
    /// <summary>True when the measured value is finite and lies within the limits.</summary>
    public bool Passed => double.IsFinite(Measured) && Measured >= Lower && Measured <= Upper;

    /// <summary>The criterion as text, e.g. "≤ 1.0E-10" or "∈ [1.8, 2.2]".</summary>
    public string Criterion =>
        double.IsNegativeInfinity(Lower) ? $"≤ {NumberFormat.Table(Upper)}"
        : double.IsPositiveInfinity(Upper) ? $"≥ {NumberFormat.Table(Lower)}"
        : $"∈ [{NumberFormat.Table(Lower)}, {NumberFormat.Table(Upper)}]";

    /// <summary>Passes when <paramref name="measured"/> ≤ <paramref name="limit"/>.</summary>
    public static Check AtMost(string quantity, double measured, double limit) => new(quantity, measured, double.NegativeInfinity, limit);

    /// <summary>Passes when <paramref name="measured"/> ≥ <paramref name="limit"/>.</summary>
    public static Check AtLeast(string quantity, double measured, double limit) => new(quantity, measured, limit, double.PositiveInfinity);

    /// <summary>Passes when <paramref name="measured"/> lies in [lower, upper].</summary>
    public static Check Between(string quantity, double measured, double lower, double upper) => new(quantity, measured, lower, upper);
}
