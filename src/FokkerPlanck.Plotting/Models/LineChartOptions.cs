using OxyPlot.Legends;

namespace FokkerPlanck.Plotting.Models;

/// <summary>Axes, labels and decorations for <see cref="LineChart"/>.</summary>
public sealed record LineChartOptions
{
    /// <summary>Plot title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Subtitle, or null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Title of the horizontal axis.</summary>
    public string XAxisTitle { get; init; } = "x";

    /// <summary>Title of the vertical axis.</summary>
    public string YAxisTitle { get; init; } = "y";

    /// <summary>Logarithmic x axis (points with x ≤ 0 are skipped).</summary>
    public bool LogX { get; init; }

    /// <summary>Logarithmic y axis (points with y ≤ 0 are skipped), e.g. relaxation curves.</summary>
    public bool LogY { get; init; }

    /// <summary>Draw a horizontal line at y = 0 (ignored with <see cref="LogY"/>).</summary>
    public bool ShowZeroLine { get; init; }

    /// <summary>Vertical lines at given x with optional labels.</summary>
    public IReadOnlyList<ReferenceLine> VerticalLines { get; init; } = [];

    /// <summary>Horizontal lines at given y with optional labels.</summary>
    public IReadOnlyList<ReferenceLine> HorizontalLines { get; init; } = [];

    /// <summary>Show the legend (only series with a name appear). Default true.</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>Legend position inside the plot area. Default top right.</summary>
    public LegendPosition LegendPosition { get; init; } = LegendPosition.TopRight;

    /// <summary>Fixed x-axis minimum, or null for automatic.</summary>
    public double? XMinimum { get; init; }

    /// <summary>Fixed x-axis maximum, or null for automatic.</summary>
    public double? XMaximum { get; init; }

    /// <summary>Fixed y-axis minimum, or null for automatic.</summary>
    public double? YMinimum { get; init; }

    /// <summary>Fixed y-axis maximum, or null for automatic.</summary>
    public double? YMaximum { get; init; }

    /// <summary>
    /// Title of a second vertical axis on the right, or null for none. Series with
    /// <see cref="LineSeriesData.OnSecondaryAxis"/> are drawn against it (e.g. a learning rate on the
    /// left and the step count on the right).
    /// </summary>
    public string? SecondaryYAxisTitle { get; init; }

    /// <summary>Logarithmic secondary (right) axis (points with y ≤ 0 are skipped).</summary>
    public bool LogSecondaryY { get; init; }
}
