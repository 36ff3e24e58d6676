using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using OxyPlot;

namespace FokkerPlanck.Reporting;

/// <summary>The figures of the CLI commands: data → PlotModel (Plotting) → PNG (exported here).</summary>
public static class Figures
{
    /// <summary>Right (density) or left (observable) eigenvector k as a heat map (2D) or profile (1D).</summary>
    public static void Mode(RelaxationSpectrum s, int k, bool left, string path)
    {
        var g = s.Operator.Grid;
        var values = left ? s.LeftVectors[k] : s.RightDensity(k);
        string what = left ? $"left eigenvector v{k + 1} (observable)" : $"right eigenvector u{k + 1} (density)";
        string title = $"{what}, λ{k + 1} = {s.Eigenvalues[k]:G4}";
        string sub = $"T = {s.Temperature:G4}, grid {g}";
        PlotModel model;
        if (g.IsOneDimensional)
        {
            model = LineChart.Create([new LineSeriesData(null, g.Y.Centres.ToArray(), values)],
                new LineChartOptions { Title = title, Subtitle = sub, XAxisTitle = "y (river)", YAxisTitle = left ? "v(y)" : "u(y)", ShowZeroLine = true, ShowLegend = false });
        }
        else
        {
            model = DensityHeatmap.Create(g.X.Centres.ToArray(), g.Y.Centres.ToArray(), g.X.Faces.ToArray(), g.Y.Faces.ToArray(), values,
                new DensityHeatmapOptions
                {
                    Title = title, Subtitle = sub, XAxisTitle = "x (valley)", YAxisTitle = "y (river)",
                    ColorBarTitle = left ? "v" : "u", ColorScale = k == 0 && !left ? HeatmapColorScale.Log10 : HeatmapColorScale.Diverging,
                });
        }
        PlotExporter.Export(model, path);
    }

    /// <summary>a_eff and a_next against the plateau LR, strong Mpemba points marked.</summary>
    public static void Coefficients(ModelAnalysis full, string path, string title)
    {
        var scan = full.Base.Scan;
        var x = scan.Scan.Select(p => p.Lr).ToArray();
        var series = new List<LineSeriesData>
        {
            new($"a{scan.EffectiveMode} (λ = {scan.EffectiveRate:G3})", x, scan.Scan.Select(p => p.EffectiveA2).ToArray()) { Marker = MarkerType.Circle },
        };
        if (scan.NextMode > 0)
            series.Add(new LineSeriesData($"a{scan.NextMode} (λ = {scan.NextRate:G3})", x, scan.Scan.Select(p => p.NextA).ToArray()) { LineStyle = LineStyle.Dash });
        var lines = new List<ReferenceLine> { new(scan.FinalLr, $"η_c = {scan.FinalLr:G3}") };
        lines.AddRange(full.Points.Select(p => new ReferenceLine(p.Lr, double.IsFinite(p.Error) ? $"η* = {p.Lr:G4} ± {p.Error:G2}" : $"η* = {p.Lr:G4}")));
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = title, Subtitle = $"final LR η_c = {scan.FinalLr:G4}; eigenmodes at η_c, plateau equilibria at η_h",
            XAxisTitle = "plateau learning rate η_h", YAxisTitle = "overlap a_k(η_h)", LogX = true, ShowZeroLine = true, VerticalLines = lines,
        }), path);
    }

    /// <summary>2D vs river-only a_eff (each normalized by its largest |a|).</summary>
    public static void Comparison(ModelAnalysis full, ModelAnalysis reduced, string path)
    {
        LineSeriesData Series(string name, MpembaScanResult s, LineStyle style)
        {
            double m = s.Scan.Max(p => Math.Abs(p.EffectiveA2));
            return new LineSeriesData(name, s.Scan.Select(p => p.Lr).ToArray(), s.Scan.Select(p => p.EffectiveA2 / m).ToArray()) { LineStyle = style };
        }
        // labels of nearby vertical lines would overlap: the 2D line is labelled, the 1D value goes into the legend
        var lines = full.Points.Select(p => new ReferenceLine(p.Lr, $"2D η* = {p.Lr:G4}"))
            .Concat(reduced.Points.Select(p => new ReferenceLine(p.Lr))).ToList();
        string oneD = reduced.Points.Count > 0 ? $", η* = {string.Join(", ", reduced.Points.Select(p => p.Lr.ToString("G4")))}" : "";
        PlotExporter.Export(LineChart.Create(
            [Series($"2D (grid {full.Base.Grid})", full.Base.Scan, LineStyle.Solid), Series($"river-only 1D ({reduced.Base.Grid.Ny} cells{oneD})", reduced.Base.Scan, LineStyle.Dash)],
            new LineChartOptions
            {
                Title = "2D model vs river-only reduction", Subtitle = "slowest amplitude a₂(η_h), each scaled by its largest |a₂|",
                XAxisTitle = "plateau learning rate η_h", YAxisTitle = "a₂ / max|a₂|", LogX = true, ShowZeroLine = true, VerticalLines = lines,
            }), path);
    }

    /// <summary>Optimal plateau LR against the final LR.</summary>
    public static void Sweep(IReadOnlyList<SweepPoint> sweep, string path)
    {
        var x2 = new List<double>(); var y2 = new List<double>(); var x1 = new List<double>(); var y1 = new List<double>();
        foreach (var p in sweep)
        {
            foreach (double v in p.Strong2D) { x2.Add(p.FinalLr); y2.Add(v); }
            foreach (double v in p.Strong1D) { x1.Add(p.FinalLr); y1.Add(v); }
        }
        var series = new List<LineSeriesData> { new(x1.Count > 0 ? "2D" : "η_h*", [.. x2], [.. y2]) { Marker = MarkerType.Circle } };
        if (x1.Count > 0) series.Add(new LineSeriesData("river-only 1D", [.. x1], [.. y1]) { Marker = MarkerType.Square, LineStyle = LineStyle.Dash });
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "Optimal plateau LR vs final LR", Subtitle = "strong Mpemba points (cooling) of the effective slowest mode",
            XAxisTitle = "final learning rate η_c", YAxisTitle = "optimal plateau LR η_h*", LogX = true, LogY = true,
        }), path);
    }

    /// <summary>Eigenvalues (bar-like markers) of a spectrum.</summary>
    public static void Eigenvalues(RelaxationSpectrum s, string path)
    {
        var k = Enumerable.Range(2, s.Count - 1).Select(i => (double)i).ToArray();
        PlotExporter.Export(LineChart.Create([new LineSeriesData("λ_k", k, s.Eigenvalues[1..]) { Marker = MarkerType.Diamond }],
            new LineChartOptions { Title = "Relaxation rates", Subtitle = $"T = {s.Temperature:G4}, grid {s.Operator.Grid}", XAxisTitle = "mode k", YAxisTitle = "λ_k", LogY = true, ShowLegend = false }), path);
    }
}
