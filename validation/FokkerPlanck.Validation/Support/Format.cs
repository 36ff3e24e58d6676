using System.Globalization;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Validation.Support;

/// <summary>Culture-invariant number formatting for tables.</summary>
internal static class Format
{
    /// <summary>Compact form: fixed for moderate magnitudes, scientific otherwise.</summary>
    public static string Number(double x) => NumberFormat.Table(x);

    /// <summary>Scientific with three significant digits.</summary>
    public static string Sci(double x) => double.IsFinite(x) ? x.ToString("0.00E+00", CultureInfo.InvariantCulture) : Number(x);

    /// <summary>Fixed with <paramref name="digits"/> decimals.</summary>
    public static string Fixed(double x, int digits) => double.IsFinite(x) ? x.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : Number(x);

}
