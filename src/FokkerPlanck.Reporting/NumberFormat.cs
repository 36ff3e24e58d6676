using System.Globalization;

namespace FokkerPlanck.Reporting;

/// <summary>How numbers read in every output (terminal tables, figure labels, the HTML report): one place, one style.</summary>
public static class NumberFormat
{
    /// <summary>SGD steps: three significant digits below 10, whole steps above.</summary>
    public static string Steps(double steps) => steps < 10 ? $"{steps:G3}" : $"{steps:F0}";

    /// <summary>A p-value: three decimals, scientific below 10⁻³, and "&lt;1e-300" for an underflowed 0.</summary>
    public static string PValue(double p) => p == 0 ? "<1e-300" : p < 1e-3 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : $"{p:F3}";
}
