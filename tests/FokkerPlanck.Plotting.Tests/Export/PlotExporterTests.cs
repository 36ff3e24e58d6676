using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using FokkerPlanck.Plotting.Tests.Models;
using OxyPlot;

namespace FokkerPlanck.Plotting.Tests.Export;

public sealed class PlotExporterTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fp-plot-tests-" + Guid.NewGuid().ToString("N"));

    public PlotExporterTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static PlotModel Chart() => LineChart.Create(
        [new("a₁", [0.1, 0.2, 0.3], [1, 2, 1.5])],
        new LineChartOptions { Title = "chart", VerticalLines = [new ReferenceLine(0.2, "η* = 0.2")] });

    private static PlotModel Heatmap()
    {
        var d = new HeatmapTestData();
        return DensityHeatmap.Create(d.XCenters, d.YCenters, d.XFaces, d.YFaces, d.Signed,
            new DensityHeatmapOptions { Title = "φ₁", ColorScale = HeatmapColorScale.Diverging, RasterWidth = 100, RasterHeight = 80 });
    }

    [Fact]
    public void Export_Png_WritesPngSignatureAndNoTemporaryFiles()
    {
        string path = Path.Combine(_dir, "chart.png");
        PlotExporter.Export(Chart(), path, 400, 300);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1024, $"PNG has only {bytes.Length} bytes.");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal([path], Directory.GetFiles(_dir));
    }

    [Fact]
    public void Export_HeatmapPng_Works()
    {
        string path = Path.Combine(_dir, "heat.PNG");
        PlotExporter.Export(Heatmap(), path);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1024);
        Assert.Equal(PngSignature, bytes[..8]);
    }

    [Fact]
    public void Export_Svg_WritesXml()
    {
        string path = Path.Combine(_dir, "chart.svg");
        PlotExporter.Export(Chart(), path);
        string text = File.ReadAllText(path).TrimStart('\uFEFF');
        Assert.True(text.StartsWith("<?xml", StringComparison.Ordinal) || text.StartsWith("<svg", StringComparison.Ordinal));
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.Contains("chart", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plot.pdf")]
    [InlineData("plot.jpg")]
    [InlineData("plot")]
    public void Export_UnknownExtension_ThrowsAndWritesNothing(string name)
    {
        Assert.Throws<ArgumentException>(() => PlotExporter.Export(Chart(), Path.Combine(_dir, name)));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Export_InvalidSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlotExporter.Export(Chart(), Path.Combine(_dir, "x.png"), 0, 100));
    }

    [Fact]
    public void Export_RestoresModelFontAndBackground()
    {
        var model = Chart();
        model.DefaultFont = "No Such Font Family";
        model.Background = OxyColors.Undefined;
        PlotExporter.Export(model, Path.Combine(_dir, "f.png"), 300, 200);
        Assert.Equal("No Such Font Family", model.DefaultFont);
        Assert.Equal(OxyColors.Undefined, model.Background);
    }
}
