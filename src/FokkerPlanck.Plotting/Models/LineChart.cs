using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace FokkerPlanck.Plotting.Models;

/// <summary>
/// Builds an x–y line chart of several named series, with optional logarithmic axes, labelled
/// reference lines, a zero line and a legend. Covers eigenvalue spectra, coefficients versus
/// learning rate, relaxation curves (log y), 1D profiles and convergence plots (log–log with a
/// <see cref="ReferenceSlope"/>). Pure: data in, <see cref="PlotModel"/> out.
/// </summary>
public static class LineChart
{
    /// <summary>Key of the horizontal axis in the returned model.</summary>
    public const string XAxisKey = "x";

    /// <summary>Key of the vertical axis in the returned model.</summary>
    public const string YAxisKey = "y";

    /// <summary>Key of the secondary (right) vertical axis, present when <see cref="LineChartOptions.SecondaryYAxisTitle"/> is set.</summary>
    public const string SecondaryYAxisKey = "y2";

    /// <summary>Fraction of the data range left empty at each end of an automatic axis, so that end points and markers are not cut by the frame.</summary>
    private const double AxisPadding = 0.03;

    /// <summary>Gap between a reference line and its label, in device-independent pixels.</summary>
    private const double LabelGap = 4;

    /// <summary>Marker size in device-independent pixels.</summary>
    private const double MarkerSize = 3.5;

    /// <summary>Builds the chart.</summary>
    /// <param name="series">Curves, drawn in order.</param>
    /// <param name="options">Axes and decorations; null for defaults.</param>
    /// <returns>A model with one <see cref="LineSeries"/> per curve, a bottom and a left axis, and line annotations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> or one of its entries or arrays is null.</exception>
    /// <exception cref="ArgumentException">A series has x and y arrays of different lengths, or asks for the secondary axis that the options do not define.</exception>
    public static PlotModel Create(IReadOnlyList<LineSeriesData> series, LineChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new LineChartOptions();

        var model = PlotTheme.CreateModel(options.Title, options.Subtitle);
        model.Axes.Add(CreateAxis(AxisPosition.Bottom, XAxisKey, options.XAxisTitle, options.LogX, options.XMinimum, options.XMaximum));
        model.Axes.Add(CreateAxis(AxisPosition.Left, YAxisKey, options.YAxisTitle, options.LogY, options.YMinimum, options.YMaximum));
        bool secondary = options.SecondaryYAxisTitle is not null;
        if (secondary)
        {
            var right = CreateAxis(AxisPosition.Right, SecondaryYAxisKey, options.SecondaryYAxisTitle!, options.LogSecondaryY, null, null);
            right.MajorGridlineStyle = LineStyle.None; // the left axis's grid is the one drawn
            right.MinorGridlineStyle = LineStyle.None;
            model.Axes.Add(right);
        }

        if (options.ShowZeroLine && !options.LogY)
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Horizontal,
                Y = 0,
                Color = OxyColors.Black,
                StrokeThickness = 1,
                LineStyle = LineStyle.Solid,
                Layer = AnnotationLayer.BelowSeries,
            });
        }
        foreach (var line in options.VerticalLines)
            model.Annotations.Add(CreateReferenceAnnotation(line, LineAnnotationType.Vertical));
        foreach (var line in options.HorizontalLines)
            model.Annotations.Add(CreateReferenceAnnotation(line, LineAnnotationType.Horizontal));

        for (int s = 0; s < series.Count; s++)
        {
            var data = series[s] ?? throw new ArgumentNullException(nameof(series), $"series[{s}] is null.");
            ArgumentNullException.ThrowIfNull(data.X, nameof(series));
            ArgumentNullException.ThrowIfNull(data.Y, nameof(series));
            if (data.X.Length != data.Y.Length)
                throw new ArgumentException($"Series {s} ('{data.Name}') has {data.X.Length} x values but {data.Y.Length} y values.", nameof(series));
            if (data.OnSecondaryAxis && !secondary)
                throw new ArgumentException($"Series {s} ('{data.Name}') is on the secondary axis, but the options define none (set SecondaryYAxisTitle).", nameof(series));

            var line = new LineSeries
            {
                Title = string.IsNullOrEmpty(data.Name) ? null : data.Name,
                XAxisKey = XAxisKey,
                YAxisKey = data.OnSecondaryAxis ? SecondaryYAxisKey : YAxisKey,
                Color = data.Color ?? PlotTheme.SeriesColors[s % PlotTheme.SeriesColors.Count],
                StrokeThickness = data.LineStyle == LineStyle.None ? 0 : data.StrokeThickness,
                LineStyle = data.LineStyle,
                MarkerType = data.Marker,
                MarkerSize = MarkerSize,
                MarkerFill = OxyColors.Automatic,
            };
            for (int k = 0; k < data.X.Length; k++)
                line.Points.Add(new DataPoint(data.X[k], data.Y[k]));
            model.Series.Add(line);
        }

        if (options.ShowLegend)
        {
            model.Legends.Add(new Legend
            {
                LegendPosition = options.LegendPosition,
                LegendPlacement = LegendPlacement.Inside,
                LegendBackground = OxyColor.FromAColor(230, OxyColors.White),
                LegendBorder = OxyColor.FromRgb(0xAA, 0xAA, 0xAA),
                LegendBorderThickness = 1,
            });
        }
        return model;
    }

    private static Axis CreateAxis(AxisPosition position, string key, string title, bool log, double? minimum, double? maximum)
    {
        Axis axis = log ? new LogarithmicAxis() : new LinearAxis();
        axis.Position = position;
        axis.Key = key;
        axis.Title = title;
        axis.MajorGridlineStyle = LineStyle.Solid;
        axis.MajorGridlineColor = PlotTheme.GridLineColor;
        axis.MinorGridlineStyle = log ? LineStyle.Dot : LineStyle.None;
        axis.MinorGridlineColor = PlotTheme.GridLineColor;
        axis.TickStyle = TickStyle.Outside;
        axis.TitleFontSize = PlotTheme.AxisTitleFontSize;
        axis.MinimumPadding = AxisPadding;
        axis.MaximumPadding = AxisPadding;
        if (minimum is double min)
            axis.Minimum = min;
        if (maximum is double max)
            axis.Maximum = max;
        return axis;
    }

    private static LineAnnotation CreateReferenceAnnotation(ReferenceLine line, LineAnnotationType type)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new LineAnnotation
        {
            Type = type,
            X = type == LineAnnotationType.Vertical ? line.Position : 0,
            Y = type == LineAnnotationType.Horizontal ? line.Position : 0,
            Text = line.Label,
            Color = PlotTheme.ReferenceLineColor,
            TextColor = PlotTheme.ReferenceLineColor,
            StrokeThickness = 1.2,
            LineStyle = LineStyle.Dash,
            Layer = AnnotationLayer.BelowSeries,
            TextOrientation = AnnotationTextOrientation.Horizontal,
            TextPadding = LabelGap,
            TextMargin = LabelGap,
            TextLinePosition = type == LineAnnotationType.Vertical ? 1 : 0,
            TextHorizontalAlignment = HorizontalAlignment.Left,
            TextVerticalAlignment = type == LineAnnotationType.Vertical ? VerticalAlignment.Top : VerticalAlignment.Bottom,
        };
    }
}
