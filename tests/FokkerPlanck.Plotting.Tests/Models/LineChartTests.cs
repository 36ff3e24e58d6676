using FokkerPlanck.Plotting.Models;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace FokkerPlanck.Plotting.Tests.Models;

public class LineChartTests
{
    private static readonly double[] X = [0.1, 0.2, 0.4, 0.8];

    [Fact]
    public void Create_BuildsOneLineSeriesPerInputWithTitlesAndPoints()
    {
        var model = LineChart.Create(
            [new("a₁", X, [1, 2, 3, 4]) { Marker = MarkerType.Circle }, new("a₂", X, [4, 3, 2, 1])],
            new LineChartOptions { Title = "overlaps", XAxisTitle = "η", YAxisTitle = "a_{k}" });

        Assert.Equal("overlaps", model.Title);
        var series = model.Series.Cast<LineSeries>().ToList();
        Assert.Equal(2, series.Count);
        Assert.Equal("a₁", series[0].Title);
        Assert.Equal(MarkerType.Circle, series[0].MarkerType);
        Assert.Equal(4, series[1].Points.Count);
        Assert.Equal(new DataPoint(0.8, 1), series[1].Points[3]);
        Assert.NotEqual(series[0].Color, series[1].Color);
        Assert.Equal("η", Assert.Single(model.Axes, a => a.Position == AxisPosition.Bottom).Title);
        Assert.Equal("a_{k}", Assert.Single(model.Axes, a => a.Position == AxisPosition.Left).Title);
        Assert.Single(model.Legends);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Create_LogAxesAsRequested(bool logX, bool logY)
    {
        var model = LineChart.Create([new("s", X, [1, 10, 100, 1000])], new LineChartOptions { LogX = logX, LogY = logY });
        var bottom = Assert.Single(model.Axes, a => a.Position == AxisPosition.Bottom);
        var left = Assert.Single(model.Axes, a => a.Position == AxisPosition.Left);
        Assert.Equal(logX, bottom is LogarithmicAxis);
        Assert.Equal(logY, left is LogarithmicAxis);
    }

    [Fact]
    public void Create_VerticalLinesAndZeroLineBecomeAnnotations()
    {
        var model = LineChart.Create([new("s", X, [1, -1, 1, -1])], new LineChartOptions
        {
            ShowZeroLine = true,
            VerticalLines = [new ReferenceLine(0.56, "η* = 0.56"), new ReferenceLine(0.3)],
        });
        var lines = model.Annotations.Cast<LineAnnotation>().ToList();
        Assert.Equal(3, lines.Count);
        var zero = Assert.Single(lines, l => l.Type == LineAnnotationType.Horizontal);
        Assert.Equal(0, zero.Y);
        var marked = Assert.Single(lines, l => l.Text == "η* = 0.56");
        Assert.Equal(LineAnnotationType.Vertical, marked.Type);
        Assert.Equal(0.56, marked.X);
    }

    [Fact]
    public void Create_ZeroLineIsOmittedOnLogY()
    {
        var model = LineChart.Create([new("s", X, [1, 2, 3, 4])], new LineChartOptions { ShowZeroLine = true, LogY = true });
        Assert.Empty(model.Annotations);
    }

    [Fact]
    public void Create_NoLegendWhenDisabled()
    {
        var model = LineChart.Create([new("s", X, [1, 2, 3, 4])], new LineChartOptions { ShowLegend = false });
        Assert.Empty(model.Legends);
    }

    [Fact]
    public void Create_SecondaryAxis_OnTheRightWithItsSeries()
    {
        var model = LineChart.Create(
            [new("η", X, [0.5, 0.3, 0.2, 0.145]), new("steps", X, [1, 10, 100, 1000]) { OnSecondaryAxis = true }],
            new LineChartOptions { YAxisTitle = "η", SecondaryYAxisTitle = "steps", LogSecondaryY = true });
        var right = Assert.Single(model.Axes, a => a.Position == AxisPosition.Right);
        Assert.Equal("steps", right.Title);
        Assert.Equal(LineChart.SecondaryYAxisKey, right.Key);
        Assert.IsType<LogarithmicAxis>(right);
        Assert.IsType<LinearAxis>(Assert.Single(model.Axes, a => a.Position == AxisPosition.Left));
        var series = model.Series.Cast<LineSeries>().ToList();
        Assert.Equal(LineChart.YAxisKey, series[0].YAxisKey);
        Assert.Equal(LineChart.SecondaryYAxisKey, series[1].YAxisKey);
    }

    [Fact]
    public void Create_NoSecondaryAxisUnlessAsked_AndASeriesOnAMissingOneThrows()
    {
        var model = LineChart.Create([new("s", X, [1, 2, 3, 4])]);
        Assert.DoesNotContain(model.Axes, a => a.Position == AxisPosition.Right);
        Assert.Throws<ArgumentException>(() => LineChart.Create([new("s", X, [1, 2, 3, 4]) { OnSecondaryAxis = true }]));
    }

    [Fact]
    public void Create_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => LineChart.Create([new("s", X, [1, 2])]));
    }

    [Fact]
    public void ReferenceSlope_PassesThroughAnchorWithGivenSlope()
    {
        double[] h = [0.2, 0.1, 0.05];
        var guide = ReferenceSlope.Create("O(h²)", h, 2, anchorX: 0.2, anchorY: 0.04);
        Assert.Equal(0.04, guide.Y[0], 15);
        Assert.Equal(0.01, guide.Y[1], 15);
        Assert.Equal(0.0025, guide.Y[2], 15);
        Assert.Equal(LineStyle.Dash, guide.LineStyle);

        var model = LineChart.Create([new("error", h, [0.03, 0.008, 0.002]), guide], new LineChartOptions { LogX = true, LogY = true });
        Assert.Equal(2, model.Series.Count);
        Assert.Equal("O(h²)", model.Series[1].Title);
    }
}
