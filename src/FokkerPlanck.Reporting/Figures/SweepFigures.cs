using FokkerPlanck.Core.Sweeps;
using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using OxyPlot;

namespace FokkerPlanck.Reporting;

/// <summary>The figure of a merged sweep: the optimal plateau LR against a swept parameter.</summary>
public static class SweepFigures
{
    /// <summary>
    /// η_h* against the first swept axis in the order final LR, parameters, κ, grid (the final LR when nothing is
    /// swept), one line per combination of the other swept axes; items without an optimal plateau leave a gap.
    /// </summary>
    /// <param name="merged">The merged sweep.</param>
    /// <param name="path">The PNG file.</param>
    public static void OptimalPlateau(MergedSweep merged, string path)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var items = merged.Results.Select(r => r.Item).ToArray();
        var swept = SweepCoordinate.Swept(items);
        var x = swept.OrderBy(c => c.Kind switch { SweepAxisKind.FinalLr => 0, SweepAxisKind.Parameter => 1, SweepAxisKind.Kappa => 2, _ => 3 })
            .FirstOrDefault() ?? new SweepCoordinate(SweepAxisKind.FinalLr, "final_lr");
        var others = swept.Where(c => c != x).ToArray();
        var series = merged.Results
            .GroupBy(r => string.Join(", ", others.Select(c => $"{c.Name} = {c.Text(r.Item)}")))
            .Select(g =>
            {
                var points = g.Where(r => r.Optimal is not null).OrderBy(r => x.Value(r.Item)).ToArray();
                return new LineSeriesData(g.Key.Length == 0 ? "η_h*" : g.Key, [.. points.Select(r => x.Value(r.Item))], [.. points.Select(r => r.Optimal!.Lr)])
                { Marker = MarkerType.Circle };
            }).Where(s => s.X.Length > 0).ToArray();
        bool logX = x.Kind != SweepAxisKind.Parameter; // LRs, κ and cell counts span decades; a parameter may be negative
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "Optimal plateau LR across the sweep",
            Subtitle = $"lowest cooling strong Mpemba point; {merged.Results.Count} items, {merged.Results.Count(r => r.Optimal is null)} without one in range; error bars in sweep.csv",
            XAxisTitle = x.Kind switch
            {
                SweepAxisKind.FinalLr => "final learning rate η_c",
                SweepAxisKind.Kappa => "κ (T = κη)",
                SweepAxisKind.Grid => "cells along y",
                _ => $"landscape parameter {x.Name}",
            },
            YAxisTitle = "optimal plateau LR η_h*", LogX = logX, LogY = true, ShowLegend = series.Length > 1,
        }), path);
    }
}
