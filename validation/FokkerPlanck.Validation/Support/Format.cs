using System.Globalization;

namespace FokkerPlanck.Validation.Support;

/// <summary>Culture-invariant number formatting for tables.</summary>
internal static class Format
{
    /// <summary>Compact form: fixed for moderate magnitudes, scientific otherwise.</summary>
    public static string Number(double x)
    {
        if (double.IsNaN(x)) return "NaN";
        if (double.IsInfinity(x)) return x > 0 ? "∞" : "−∞";
        if (x == 0) return "0";
        double a = Math.Abs(x);
        if (a >= 1e-3 && a < 1e5) return x.ToString("G5", CultureInfo.InvariantCulture);
        return x.ToString("0.00E+00", CultureInfo.InvariantCulture);
    }

    /// <summary>Scientific with three significant digits.</summary>
    public static string Sci(double x) => double.IsFinite(x) ? x.ToString("0.00E+00", CultureInfo.InvariantCulture) : Number(x);

    /// <summary>Fixed with <paramref name="digits"/> decimals.</summary>
    public static string Fixed(double x, int digits) => double.IsFinite(x) ? x.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : Number(x);

    /// <summary>Table cell text for a raw value.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => Number(d),
        float f => Number(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
