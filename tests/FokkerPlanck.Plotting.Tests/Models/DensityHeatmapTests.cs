using FokkerPlanck.Plotting.Models;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace FokkerPlanck.Plotting.Tests.Models;

public class DensityHeatmapTests
{
    private static HeatMapSeries Series(OxyPlot.PlotModel model) => Assert.IsType<HeatMapSeries>(Assert.Single(model.Series));

    private static LinearColorAxis ColorAxis(OxyPlot.PlotModel model) => Assert.Single(model.Axes.OfType<LinearColorAxis>());

    [Fact]
    public void Create_SetsTitlesAxesAndPhysicalExtent()
    {
        var d = new HeatmapTestData();
        var model = DensityHeatmap.Create(d.XCenters, d.YCenters, d.XFaces, d.YFaces, d.Density, new DensityHeatmapOptions
        {
            Title = "density",
            XAxisTitle = "θ₁",
            YAxisTitle = "θ₂",
            ColorBarTitle = "p",
        });

        Assert.Equal("density", model.Title);
        Assert.Equal(3, model.Axes.Count);
        var bottom = Assert.Single(model.Axes, a => a.Position == AxisPosition.Bottom);
        var left = Assert.Single(model.Axes, a => a.Position == AxisPosition.Left);
        Assert.Equal("θ₁", bottom.Title);
        Assert.Equal("θ₂", left.Title);
        Assert.Equal(-3, bottom.Minimum);
        Assert.Equal(3, bottom.Maximum);
        Assert.Equal("p", ColorAxis(model).Title);
        Assert.Equal(AxisPosition.Right, ColorAxis(model).Position);

        var series = Series(model);
        Assert.Equal(-3, series.X0);
        Assert.Equal(3, series.X1);
        Assert.Equal(-2, series.Y0);
        Assert.Equal(2, series.Y1);
        Assert.Equal(HeatMapCoordinateDefinition.Edge, series.CoordinateDefinition);
    }

    [Fact]
    public void Create_NonUniformGrid_RasterPixelsShowTheCellContainingThem()
    {
        var d = new HeatmapTestData();
        var model = DensityHeatmap.Create(d.XCenters, d.YCenters, d.XFaces, d.YFaces, d.Density);
        double[,] data = Series(model).Data;
        int w = data.GetLength(0), h = data.GetLength(1);

        // At least 4 pixels across the smallest cell (so every cell is visible), capped by the option.
        double minWidthX = Enumerable.Range(0, d.XCenters.Length).Min(i => d.XFaces[i + 1] - d.XFaces[i]);
        Assert.True(w >= 4 * 6.0 / minWidthX - 1e-9 && w <= DensityHeatmapOptions.DefaultRasterResolution, $"w = {w}");
        Assert.True(h > d.YCenters.Length && h <= DensityHeatmapOptions.DefaultRasterResolution, $"h = {h}");

        int nx = d.XCenters.Length;
        for (int p = 0; p < w; p += 13)
        {
            for (int q = 0; q < h; q += 11)
            {
                double x = -3 + (p + 0.5) * 6.0 / w, y = -2 + (q + 0.5) * 4.0 / h;
                int i = Array.FindLastIndex(d.XFaces, f => f <= x);
                int j = Array.FindLastIndex(d.YFaces, f => f <= y);
                Assert.Equal(d.Density[i + nx * j], data[p, q]);
            }
        }
    }

    [Fact]
    public void Create_RasterIsCappedByOptions()
    {
        var d = new HeatmapTestData(nx: 200, ny: 150);
        var model = DensityHeatmap.Create(d.XCenters, d.YCenters, d.XFaces, d.YFaces, d.Density,
            new DensityHeatmapOptions { RasterWidth = 300, RasterHeight = 250 });
        double[,] data = Series(model).Data;
        Assert.Equal(300, data.GetLength(0));
        Assert.Equal(250, data.GetLength(1));
    }

    [Fact]
    public void Create_UniformGrid_UsesCellsDirectly()
    {
        double[] xf = [0, 1, 2, 3], yf = [0, 0.5, 1];
        double[] values = [1, 2, 3, 4, 5, 6];
        var model = DensityHeatmap.Create(HeatmapTestData.Centers(xf), HeatmapTestData.Centers(yf), xf, yf, values);
        double[,] data = Series(model).Data;
        Assert.Equal(3, data.GetLength(0));
        Assert.Equal(2, data.GetLength(1));
        Assert.Equal(6, data[2, 1]);
        Assert.Equal(2, data[1, 0]);
    }

    [Fact]
    public void Create_Diverging_RangeIsSymmetricAroundZero()
    {
        var d = new HeatmapTestData();
        var model = DensityHeatmap.Create(d.XCenters, d.YCenters, d.XFaces, d.YFaces, d.Signed,
            new DensityHeatmapOptions { ColorScale = HeatmapColorScale.Diverging });
        var axis = ColorAxis(model);
        double maxAbs = d.Signed.Max(Math.Abs);
        Assert.Equal(-maxAbs, axis.Minimum);
        Assert.Equal(maxAbs, axis.Maximum);
        Assert.Equal(1, axis.Palette.Colors.Count % 2);
    }

    [Fact]
    public void Create_Log10_MapsToDecadesAndLabelsColorBar()
    {
        var d = new HeatmapTestData();
        var values = (double[])d.Density.Clone();
        values[0] = 0; // log of zero: drawn in the lowest colour, not an error
        var model = DensityHeatmap.Create(d.XCenters, d.YCenters, d.XFaces, d.YFaces, values,
            new DensityHeatmapOptions { ColorScale = HeatmapColorScale.Log10, ColorBarTitle = "p", LogDecades = 2 });
        var axis = ColorAxis(model);
        Assert.Equal("log₁₀(p)", axis.Title);
        double top = Math.Log10(values.Max());
        Assert.Equal(top, axis.Maximum, 12);
        Assert.Equal(top - 2, axis.Minimum, 12);
        double[,] data = Series(model).Data;
        foreach (double v in data)
            Assert.InRange(v, axis.Minimum, axis.Maximum);
    }

    [Fact]
    public void Create_NonFiniteValues_BecomeNaN()
    {
        double[] xf = [0, 1, 2], yf = [0, 1];
        double[] values = [double.PositiveInfinity, double.NaN];
        var model = DensityHeatmap.Create([0.5, 1.5], [0.5], xf, yf, values);
        double[,] data = Series(model).Data;
        Assert.True(double.IsNaN(data[0, 0]));
        Assert.True(double.IsNaN(data[1, 0]));
        Assert.Equal(PlotTheme.UndefinedValueColor, ColorAxis(model).InvalidNumberColor);
    }

    [Fact]
    public void Create_WrongValueCount_Throws()
    {
        var d = new HeatmapTestData();
        Assert.Throws<ArgumentException>(() => DensityHeatmap.Create(d.XCenters, d.YCenters, d.XFaces, d.YFaces, new double[5]));
    }

    [Fact]
    public void Create_FacesNotIncreasing_Throws()
    {
        Assert.Throws<ArgumentException>(() => DensityHeatmap.Create([0.5, 1.5], [0.5], [0, 2, 1], [0, 1], [1, 2]));
    }

    [Fact]
    public void Create_CenterOutsideCell_Throws()
    {
        Assert.Throws<ArgumentException>(() => DensityHeatmap.Create([1.5, 0.5], [0.5], [0, 1, 2], [0, 1], [1, 2]));
    }
}
