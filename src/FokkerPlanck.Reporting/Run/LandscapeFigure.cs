using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Plotting;
using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using OxyPlot;

namespace FokkerPlanck.Reporting.Run;

/// <summary>The landscape as a person reads it: for a valley–river loss its river c(y) and valley sharpness a(y); otherwise U itself.</summary>
public static class LandscapeFigure
{
    /// <summary>Points along y of the profiles (smooth at any grid).</summary>
    private const int ProfilePoints = 400;

    /// <summary>Draws the landscape of <paramref name="setup"/> to <paramref name="path"/>.</summary>
    public static void Draw(ScenarioSetup setup, string path)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var g = setup.Grid;
        double[] y = [.. Enumerable.Range(0, ProfilePoints).Select(k => g.Y.Min + (g.Y.Max - g.Y.Min) * k / (ProfilePoints - 1))];
        PlotModel model;
        if (setup.Landscape is ValleyRiverLandscape vr)
        {
            double[] c = [.. y.Select(vr.River.Value)];
            model = LineChart.Create(
            [
                new LineSeriesData("river c(y): the loss along the valley floor", y, c) { Color = PlotTheme.SeriesColors[0] },
                new LineSeriesData("valley sharpness a(y) (right axis)", y, [.. y.Select(vr.Curvature.Value)]) { Color = PlotTheme.SeriesColors[1], LineStyle = LineStyle.Dash, OnSecondaryAxis = true },
            ], new LineChartOptions
            {
                Title = "The loss landscape L(x, y) = c(y) + ½ a(y) x²",
                Subtitle = setup.Landscape.Description,
                XAxisTitle = "y (river direction: slow, where the basins are)", YAxisTitle = "c(y)", SecondaryYAxisTitle = "a(y)",
                LegendPosition = OxyPlot.Legends.LegendPosition.TopCenter,
                YMaximum = BasinZoom(c),
            });
        }
        else if (setup.Landscape.IsOneDimensional)
        {
            model = LineChart.Create([new LineSeriesData("U(y)", y, [.. y.Select(v => setup.Landscape.Potential(0, v))])],
                new LineChartOptions { Title = "The loss landscape U(y)", Subtitle = setup.Landscape.Description, XAxisTitle = "y", YAxisTitle = "U", ShowLegend = false });
        }
        else
        {
            model = DensityHeatmap.Create(g.X.Centres.ToArray(), g.Y.Centres.ToArray(), g.X.Faces.ToArray(), g.Y.Faces.ToArray(), setup.Sampled.CentreValues.ToArray(),
                new DensityHeatmapOptions { Title = "The loss landscape U(x, y)", Subtitle = setup.Landscape.Description, ColorBarTitle = "U" });
        }
        PlotExporter.Export(model, path, width: 1000, height: 560);
    }

    /// <summary>
    /// The top of the c axis: walls that rise far above the basins (a quartic at the domain's ends) would
    /// flatten them into a line, so the axis stops at twice the spread of the lower three quarters of c
    /// above its minimum (the basins and the barrier between them stay in view); null when c is flat.
    /// </summary>
    private static double? BasinZoom(double[] c)
    {
        double min = c.Min(), max = c.Max();
        double q = c.Order().ElementAt(3 * c.Length / 4);
        double top = min + 2 * (q - min);
        return top > min && top < max ? top : null;
    }
}
