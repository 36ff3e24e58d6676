using System.Globalization;

namespace FokkerPlanck.Reporting;

/// <summary>How numbers read in every output (terminal tables, figure labels, the HTML report): one place, one style.</summary>
public static class NumberFormat
{
    /// <summary>SGD steps: three significant digits below 10, whole steps above.</summary>
    public static string Steps(double steps) => steps < 10 ? $"{steps:G3}" : $"{steps:F0}";

    /// <summary>A p-value: three decimals, scientific below 10⁻³, and "&lt;1e-300" for an underflowed 0.</summary>
    public static string PValue(double p) => p == 0 ? "<1e-300" : p < 1e-3 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : $"{p:F3}";

    /// <summary>A number for prose: three significant digits, with a short exponent (1.9e8, 9.6e-5) outside [10⁻³, 10⁵).</summary>
    public static string Compact(double v)
    {
        double a = Math.Abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) && double.IsFinite(v) ? v.ToString("0.##e0", CultureInfo.InvariantCulture) : v.ToString("G3", CultureInfo.InvariantCulture);
    }

    /// <summary>A number in a result table: five significant digits between 10⁻³ and 10⁵, scientific otherwise; ∞ and NaN spelled out.</summary>
    public static string Table(double x)
    {
        if (double.IsNaN(x)) return "NaN";
        if (double.IsInfinity(x)) return x > 0 ? "∞" : "−∞";
        if (x == 0) return "0";
        double a = Math.Abs(x);
        return a >= 1e-3 && a < 1e5 ? x.ToString("G5", CultureInfo.InvariantCulture) : x.ToString("0.00E+00", CultureInfo.InvariantCulture);
    }

    /// <summary>A table cell's text for a raw value (numbers as <see cref="Table"/>).</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => Table(d),
        float f => Table(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
