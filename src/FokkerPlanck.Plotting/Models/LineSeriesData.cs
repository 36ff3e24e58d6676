using OxyPlot;

namespace FokkerPlanck.Plotting.Models;

/// <summary>One named curve of a <see cref="LineChart"/>: paired x and y values and its look.</summary>
/// <param name="Name">Legend entry (null or empty: not shown in the legend).</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates, same length as <paramref name="X"/>. NaN/±∞ (and, on a log axis, values ≤ 0) break the line.</param>
public sealed record LineSeriesData(string? Name, double[] X, double[] Y)
{
    /// <summary>Marker drawn at each point; default none.</summary>
    public MarkerType Marker { get; init; } = MarkerType.None;

    /// <summary>Line dash style; <see cref="LineStyle.None"/> draws markers only. Default solid.</summary>
    public LineStyle LineStyle { get; init; } = LineStyle.Solid;

    /// <summary>Line colour, or null for the next colour of <see cref="PlotTheme.SeriesColors"/>.</summary>
    public OxyColor? Color { get; init; }

    /// <summary>Line width in device-independent pixels (default 2).</summary>
    public double StrokeThickness { get; init; } = 2;

    /// <summary>Draw against the secondary (right) axis; needs <see cref="LineChartOptions.SecondaryYAxisTitle"/>. Default false.</summary>
    public bool OnSecondaryAxis { get; init; }
}
