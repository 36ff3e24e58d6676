using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Comparison;
using FokkerPlanck.Plotting;
using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using OxyPlot;

namespace FokkerPlanck.Reporting;

/// <summary>The figures of <c>langevin</c>: loss curves, marginal histograms over the FP marginals, the 2D residual map.</summary>
public static class LangevinFigures
{
    /// <summary>Excess loss of the particles against Fokker–Planck.</summary>
    public const string LossFigure = "langevin_loss.png";

    /// <summary>River marginals.</summary>
    public const string RiverFigure = "langevin_y_marginal.png";

    /// <summary>Valley marginals (2D).</summary>
    public const string ValleyFigure = "langevin_x_marginal.png";

    /// <summary>Standardized residuals of the 2D histogram.</summary>
    public const string ResidualsFigure = "langevin_residuals.png";

    /// <summary>Error bars and the residual colour range span this many standard deviations.</summary>
    private const double Sigmas = 2;

    /// <summary>The residual map's colour range: ±4σ covers the noise of a consistent ensemble (|z| &gt; 4 in under 1e-4 of the cells).</summary>
    private const double ResidualRange = 4;

    /// <summary>langevin_loss.png, langevin_y_marginal.png, langevin_x_marginal.png (2D) and langevin_residuals.png (2D) in <paramref name="dir"/>.</summary>
    public static void All(string dir, EvolutionSession session, EnsembleValidationResult r, EnsembleOptions options)
    {
        string method = options.Method.ToString();
        if (r.Loss.Count > 0) Loss(r, method, Path.Combine(dir, LossFigure));
        if (r.Times.Count == 0) return;
        Marginals([.. r.Times.Select(t => (t.Time, t.Comparison.Y))], "y (river)", method, Path.Combine(dir, RiverFigure));
        if (r.Times[0].Comparison.X is not null)
            Marginals([.. r.Times.Select(t => (t.Time, t.Comparison.X!))], "x (valley)", method, Path.Combine(dir, ValleyFigure));
        if (r.Histogram is { } h && !session.Setup.Grid.IsOneDimensional) Residuals(session, h, Path.Combine(dir, ResidualsFigure));
    }

    private static void Loss(EnsembleValidationResult r, string method, string path)
    {
        var pts = r.Loss.Where(p => p.Time > 0).ToList();
        double[] t = [.. pts.Select(p => p.Time)];
        var bars = new List<double>();
        var barT = new List<double>();
        foreach (var p in pts)
        {
            barT.AddRange([p.Time, p.Time, double.NaN]);
            bars.AddRange([p.Particles.Mean - Sigmas * p.Particles.StandardError, p.Particles.Mean + Sigmas * p.Particles.StandardError, double.NaN]);
        }
        PlotExporter.Export(LineChart.Create(
        [
            new LineSeriesData("Fokker–Planck", t, [.. pts.Select(p => p.FokkerPlanck)]) { Color = PlotTheme.SeriesColors[1] },
            new LineSeriesData($"particles ({method})", t, [.. pts.Select(p => p.Particles.Mean)]) { Marker = MarkerType.Circle, LineStyle = LineStyle.None, Color = PlotTheme.SeriesColors[0] },
            new LineSeriesData(null, [.. barT], [.. bars]) { Color = PlotTheme.SeriesColors[0], StrokeThickness = 1 },
        ], new LineChartOptions
        {
            Title = "Excess loss: particles against the Fokker–Planck solution",
            Subtitle = $"E[L] − E_π(η_c)[L]; error bars ±{Sigmas:G1} standard errors; comparison times marked",
            XAxisTitle = "time t = steps × η", YAxisTitle = "excess loss", LogX = true, ShowZeroLine = true,
            VerticalLines = [.. r.Times.Select(x => new ReferenceLine(x.Time, $"t = {x.Time:G3}"))],
        }), path, width: 1000, height: 650);
    }

    /// <summary>Per time: the particles' histogram density (markers) over the FP marginal density (line), same colour.</summary>
    private static void Marginals(IReadOnlyList<(double Time, MarginalComparison M)> marginals, string axis, string method, string path)
    {
        var series = new List<LineSeriesData>();
        for (int k = 0; k < marginals.Count; k++)
        {
            var (time, m) = marginals[k];
            var colour = PlotTheme.SeriesColors[k % PlotTheme.SeriesColors.Count];
            long n = m.Counts.Sum();
            double[] centre = [.. Enumerable.Range(0, m.Counts.Length).Select(i => 0.5 * (m.Faces[i] + m.Faces[i + 1]))];
            double[] width = [.. Enumerable.Range(0, m.Counts.Length).Select(i => m.Faces[i + 1] - m.Faces[i])];
            series.Add(new LineSeriesData($"t = {time:G3}: FP", centre, [.. m.Expected.Select((e, i) => e / n / width[i])]) { Color = colour });
            series.Add(new LineSeriesData($"particles (G-test p = {NumberFormat.PValue(m.Test.PValue)})", centre, [.. m.Counts.Select((c, i) => c / (double)n / width[i])])
            { Color = colour, Marker = MarkerType.Circle, LineStyle = LineStyle.None });
        }
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = $"Marginal along {axis}: {method} particles over the Fokker–Planck density",
            Subtitle = "particle histogram on the grid's faces (markers) and the FP marginal (lines), as densities",
            XAxisTitle = axis, YAxisTitle = "density",
        }), path, width: 1000, height: 650);
    }

    /// <summary>Cells beyond the occupied region kept around it in the residual map.</summary>
    private const int CropMargin = 3;

    /// <summary>(count − n p)/√(n p) per cell at the last comparison time (cells expecting under 1 particle left blank), cropped to the occupied cells.</summary>
    private static void Residuals(EvolutionSession session, (double Time, long[] Counts, double[] Masses) h, string path)
    {
        var g = session.Setup.Grid;
        long n = h.Counts.Sum();
        double total = h.Masses.Sum();
        int i0 = g.Nx, i1 = -1, j0 = g.Ny, j1 = -1;
        for (int k = 0; k < h.Counts.Length; k++)
        {
            if (n * h.Masses[k] / total < 1) continue;
            int i = k % g.Nx, j = k / g.Nx;
            (i0, i1, j0, j1) = (Math.Min(i0, i), Math.Max(i1, i), Math.Min(j0, j), Math.Max(j1, j));
        }
        if (i1 < 0) return;
        (i0, i1) = (Math.Max(0, i0 - CropMargin), Math.Min(g.Nx - 1, i1 + CropMargin));
        (j0, j1) = (Math.Max(0, j0 - CropMargin), Math.Min(g.Ny - 1, j1 + CropMargin));
        int nx = i1 - i0 + 1, ny = j1 - j0 + 1;
        var z = new double[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int k = g.Index(i0 + i, j0 + j);
                double expected = n * h.Masses[k] / total;
                z[i + nx * j] = expected >= 1 ? (h.Counts[k] - expected) / Math.Sqrt(expected) : double.NaN;
            }
        PlotExporter.Export(DensityHeatmap.Create(g.X.Centres[i0..(i1 + 1)].ToArray(), g.Y.Centres[j0..(j1 + 1)].ToArray(),
            g.X.Faces[i0..(i1 + 2)].ToArray(), g.Y.Faces[j0..(j1 + 2)].ToArray(), z, new DensityHeatmapOptions
        {
            Title = $"Particles against the Fokker–Planck density at t = {h.Time:G3}",
            Subtitle = "standardized residual (count − n p)/√(n p) per cell, occupied region; noise alone stays within ±2 almost everywhere",
            XAxisTitle = "x (valley)", YAxisTitle = "y (river)", ColorBarTitle = "z", ColorScale = HeatmapColorScale.Diverging,
            ColorMinimum = -ResidualRange, ColorMaximum = ResidualRange,
        }), path);
    }
}
