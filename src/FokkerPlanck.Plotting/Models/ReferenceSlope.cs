using OxyPlot;

namespace FokkerPlanck.Plotting.Models;

/// <summary>
/// Makes the dashed guide line <c>y = y₀ (x / x₀)^p</c> used in convergence plots (a straight line
/// of slope <c>p</c> on log–log axes), e.g. "O(h²)".
/// </summary>
public static class ReferenceSlope
{
    /// <summary>Creates the guide series through <c>(anchorX, anchorY)</c>.</summary>
    /// <param name="name">Legend entry, e.g. "O(h²)".</param>
    /// <param name="x">Abscissae at which to evaluate the line (typically the data's x).</param>
    /// <param name="slope">Exponent <c>p</c> (the slope on log–log axes).</param>
    /// <param name="anchorX">x₀ &gt; 0 of the anchor point.</param>
    /// <param name="anchorY">y₀ &gt; 0 of the anchor point.</param>
    /// <returns>A dashed grey series for <see cref="LineChart.Create"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The anchor is not positive.</exception>
    public static LineSeriesData Create(string name, double[] x, double slope, double anchorX, double anchorY)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(anchorX);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(anchorY);
        var y = new double[x.Length];
        for (int k = 0; k < x.Length; k++)
            y[k] = anchorY * Math.Pow(x[k] / anchorX, slope);
        return new LineSeriesData(name, (double[])x.Clone(), y)
        {
            LineStyle = LineStyle.Dash,
            Color = PlotTheme.ReferenceLineColor,
            StrokeThickness = 1.5,
        };
    }
}
