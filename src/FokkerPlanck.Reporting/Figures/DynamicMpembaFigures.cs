using FokkerPlanck.Core.Analysis.DynamicMpemba;
using FokkerPlanck.Plotting;
using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using OxyPlot;

namespace FokkerPlanck.Reporting;

/// <summary>The figure of <c>optimize-plateau</c>: data → PlotModel (Plotting) → PNG.</summary>
public static class DynamicMpembaFigures
{
    /// <summary>Line width of the adiabatic estimate beside the runs' points (width 2).</summary>
    private const double ThinLine = 1.1;

    /// <summary>The axes reach this factor beyond the data and the reference lines (so labels at the edges stay inside).</summary>
    private const double Padding = 0.9;

    /// <summary>The log x axis reaches this factor beyond the data and the 1/λ line on the right (room for its label), its square on the left (room for the quench's).</summary>
    private const double LogPadding = 2;

    private static readonly MarkerType[] Markers = [MarkerType.Circle, MarkerType.Square, MarkerType.Diamond, MarkerType.Triangle];

    private static OxyColor Colour(int i) => PlotTheme.SeriesColors[i % PlotTheme.SeriesColors.Count];

    /// <summary>The map figure's name.</summary>
    public const string MapFigure = "dynamic_mpemba.png";

    /// <summary>
    /// η_h*(D) against the decay duration (log x), one line per shape (the branch that continues the
    /// quench's point), the adiabatic estimate dashed, a marker on the top of the scanned range where no
    /// plateau cancels the slow mode, the quench's point and the end of the scanned range as horizontal
    /// lines, one slow time 1/λ_eff as a vertical one.
    /// </summary>
    public static void Map(DynamicMpembaMap map, string path)
    {
        var series = new List<LineSeriesData>();
        for (int i = 0; i < map.Kinds.Count; i++)
        {
            var rows = map.Entries.Where(e => e.Kind == map.Kinds[i] && e.Duration > 0 && e.Branch is not null).OrderBy(e => e.Duration).ToList();
            if (rows.Count == 0) continue;
            var colour = Colour(i);
            double[] d = [.. rows.Select(e => e.Duration)];
            series.Add(new LineSeriesData(map.Kinds[i], d, [.. rows.Select(e => e.Branch!.Lr)]) { Color = colour, Marker = Markers[i % Markers.Length] });
            series.Add(new LineSeriesData(null, d, [.. rows.Select(e => e.Branch!.AdiabaticLr)]) { Color = colour, LineStyle = LineStyle.Dash, StrokeThickness = ThinLine });
        }
        double top = map.Entries.Where(e => e.Result is { Grid.Length: > 0 } r && r.SettleTime > 0).Select(e => e.Result!.Grid[^1]).DefaultIfEmpty(double.NaN).Max();
        for (int i = 0; i < map.Kinds.Count && double.IsFinite(top); i++)
        {
            double[] none = [.. map.Entries.Where(e => e.Kind == map.Kinds[i] && e.Duration > 0 && e.Result is { Points.Count: 0 }).Select(e => e.Duration)];
            if (none.Length > 0)
                series.Add(new LineSeriesData(null, none, [.. none.Select(_ => top)]) { Color = Colour(i), Marker = Markers[i % Markers.Length], LineStyle = LineStyle.None });
        }
        var horizontal = map.QuenchPoints.Where(p => p.Kind == "cooling").Select(p => new ReferenceLine(p.Lr, $"quench η* = {p.Lr:G4}")).ToList();
        if (double.IsFinite(top)) horizontal.Add(new ReferenceLine(top, $"top of the scanned plateaus η = {top:G3}"));
        string rates = $"λ = {map.EffectiveRate:G3}; from η_h* the approach is {map.Gain:G3}× faster";
        var ys = series.SelectMany(s => s.Y).Concat(horizontal.Select(h => h.Position)).Where(double.IsFinite).DefaultIfEmpty(map.FinalLr).ToList();
        var xs = series.SelectMany(s => s.X).Append(1 / map.EffectiveRate).ToList();
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "Optimal plateau LR for a decay of duration D (dynamic strong Mpemba point)",
            Subtitle = $"η_c = {map.FinalLr:G4}; {rates}; dashed: adiabatic estimate; on the top line: none in range",
            XAxisTitle = "decay duration D (time t = steps × η)", YAxisTitle = "plateau LR η_h* that cancels the slow mode", LogX = true,
            HorizontalLines = horizontal, VerticalLines = [new ReferenceLine(1 / map.EffectiveRate, $"1/λ = {1 / map.EffectiveRate:G3}")],
            LegendPosition = OxyPlot.Legends.LegendPosition.LeftMiddle,
            YMinimum = Padding * ys.Min(), YMaximum = ys.Max() / Padding, XMinimum = xs.Min() / (LogPadding * LogPadding), XMaximum = xs.Max() * LogPadding,
        }), path, width: 1000, height: 650);
    }
}
