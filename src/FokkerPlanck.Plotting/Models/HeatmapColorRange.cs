namespace FokkerPlanck.Plotting.Models;

/// <summary>
/// The colour range of a heat map and the map from data values to colour-axis values
/// (identity, or log₁₀ for <see cref="HeatmapColorScale.Log10"/>), clamped into the range.
/// Non-finite results become NaN, which the colour axis draws in its invalid-number colour.
/// </summary>
internal sealed class HeatmapColorRange
{
    private readonly bool _log;

    private HeatmapColorRange(double minimum, double maximum, bool log)
    {
        Minimum = minimum;
        Maximum = maximum;
        _log = log;
    }

    /// <summary>Lower end in colour-axis units.</summary>
    public double Minimum { get; }

    /// <summary>Upper end in colour-axis units.</summary>
    public double Maximum { get; }

    /// <summary>Maps a data value to the colour axis: NaN for NaN/±∞, clamped otherwise.</summary>
    public double Map(double value)
    {
        if (!double.IsFinite(value))
            return double.NaN;
        if (_log)
            return value > 0 ? Math.Clamp(Math.Log10(value), Minimum, Maximum) : Minimum;
        return Math.Clamp(value, Minimum, Maximum);
    }

    /// <summary>Derives the range from the finite values and the options.</summary>
    public static HeatmapColorRange Compute(double[] values, DensityHeatmapOptions options)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity, maxAbs = 0;
        double minPositive = double.PositiveInfinity, maxPositive = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
                continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            maxAbs = Math.Max(maxAbs, Math.Abs(v));
            if (v > 0)
            {
                minPositive = Math.Min(minPositive, v);
                maxPositive = Math.Max(maxPositive, v);
            }
        }

        double lo, hi;
        switch (options.ColorScale)
        {
            case HeatmapColorScale.Diverging:
                double m = options.ColorMaximum ?? (options.ColorMinimum is double cm ? Math.Abs(cm) : maxAbs);
                m = Math.Abs(m);
                if (!(m > 0))
                    m = 1;
                return new HeatmapColorRange(-m, m, log: false);

            case HeatmapColorScale.Log10:
                hi = options.ColorMaximum is double cmax && cmax > 0 ? Math.Log10(cmax) : (maxPositive > 0 ? Math.Log10(maxPositive) : 0);
                lo = options.ColorMinimum is double cmin && cmin > 0
                    ? Math.Log10(cmin)
                    : Math.Max(hi - options.LogDecades, double.IsFinite(minPositive) ? Math.Log10(minPositive) : hi - options.LogDecades);
                (lo, hi) = Widen(lo, hi);
                return new HeatmapColorRange(lo, hi, log: true);

            default:
                lo = options.ColorMinimum ?? (double.IsFinite(min) ? min : 0);
                hi = options.ColorMaximum ?? (double.IsFinite(max) ? max : 1);
                (lo, hi) = Widen(lo, hi);
                return new HeatmapColorRange(lo, hi, log: false);
        }
    }

    /// <summary>Makes an empty or inverted range usable (a constant field gets a range of width 1 around its value).</summary>
    private static (double Lo, double Hi) Widen(double lo, double hi)
    {
        if (hi > lo)
            return (lo, hi);
        double mid = 0.5 * (lo + hi);
        return (mid - 0.5, mid + 0.5);
    }
}
