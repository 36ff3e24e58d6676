using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Plotting;
using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using OxyPlot;

namespace FokkerPlanck.Reporting;

/// <summary>The figures of <c>evolve</c>: data → PlotModel (Plotting) → PNG.</summary>
public static class EvolveFigures
{
    /// <summary>The verdict's times to tolerance per plateau and schedule.</summary>
    public const string VerdictFigure = "verdict.png";

    /// <summary>Log axes stop this far below the integration's accuracy floor (smaller values are round-off).</summary>
    private const double LogFloor = LateTimeRate.Floor / 10;

    /// <summary>Points of the dense time grid on which schedule.png draws η(t) and the steps.</summary>
    private const int SchedulePoints = 400;

    /// <summary>Line width of the secondary quantity (|excess loss|, |a₃|) beside the main one (width 2).</summary>
    private const double ThinLine = 1.1;

    /// <summary>L1 and |excess loss| against t (log–log), one colour per plateau, predictions dashed.</summary>
    public static void Distances(IReadOnlyList<EvolutionRun> runs, string spec, string path)
    {
        var series = new List<LineSeriesData>();
        for (int p = 0; p < runs.Count; p++)
        {
            var r = runs[p];
            var c = Colour(p);
            string at = Plateau(r);
            series.Add(new($"L1, {at}", r.Times, [.. r.Observed.L1]) { Color = c });
            series.Add(new($"|ΔL|, {at}", r.Times, Abs(r.Observed.ExcessLoss)) { Color = c, StrokeThickness = ThinLine });
            if (r.Predicted is { } pr)
            {
                series.Add(new(null, r.Times, pr.L1) { Color = c, LineStyle = LineStyle.Dash });
                series.Add(new(null, r.Times, Abs(pr.ExcessLoss)) { Color = c, LineStyle = LineStyle.Dash, StrokeThickness = ThinLine });
            }
        }
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "Distance to the final equilibrium π(η_c)",
            Subtitle = $"schedule {spec}; thick: L1, thin: |excess loss|; dashed: spectral prediction",
            XAxisTitle = "training time t = steps × η", YAxisTitle = "distance", LogX = true, LogY = true,
            YMinimum = Floor(series), LegendPosition = OxyPlot.Legends.LegendPosition.BottomLeft,
        }), path);
    }

    /// <summary>|a₂| and |a₃| against t (log y), predictions dashed.</summary>
    public static void Amplitudes(IReadOnlyList<EvolutionRun> runs, IReadOnlyList<double> lambda, string path)
    {
        var series = new List<LineSeriesData>();
        for (int p = 0; p < runs.Count; p++)
        {
            var r = runs[p];
            var c = Colour(p);
            int modes = Math.Min(2, r.Observed.Amplitudes.Count > 0 ? r.Observed.Amplitudes[0].Length : 0);
            for (int k = 0; k < modes; k++)
            {
                double width = k == 0 ? 2 : ThinLine;
                series.Add(new($"|a{k + 2}|, {Plateau(r)}", r.Times, [.. r.Observed.Amplitudes.Select(a => Math.Abs(a[k]))]) { Color = c, StrokeThickness = width });
                if (r.Predicted is { } pr)
                    series.Add(new(null, r.Times, [.. pr.Amplitudes.Select(a => Math.Abs(a[k]))]) { Color = c, LineStyle = LineStyle.Dash, StrokeThickness = width });
            }
        }
        string rates = string.Join(", ", lambda.Skip(1).Take(2).Select((l, i) => $"λ{i + 2} = {l:G4}"));
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "Slow-mode amplitudes a_k = ⟨v_k, p_t⟩ (modes at η_c)",
            Subtitle = $"{rates}; thick: |a₂|, thin: |a₃|; dashed: spectral prediction",
            XAxisTitle = "training time t = steps × η", YAxisTitle = "|a_k|", LogY = true, YMinimum = Floor(series),
        }), path);
    }

    /// <summary>η(t) (left axis) and the SGD steps taken (right axis, dashed) against t.</summary>
    public static void Schedule(IReadOnlyList<EvolutionRun> runs, double finalLr, string path)
    {
        var series = new List<LineSeriesData>();
        for (int p = 0; p < runs.Count; p++)
        {
            var r = runs[p];
            var s = r.Schedule;
            double first = r.Times.FirstOrDefault(t => t > 0), end = r.Times[^1];
            if (!(first > 0 && end > first)) continue;
            var t = Enumerable.Range(0, SchedulePoints).Select(i => first * Math.Pow(end / first, i / (SchedulePoints - 1.0)))
                .Concat(s.Breakpoints.Where(b => b > first && b < end)).Order().ToArray();
            series.Add(new($"η(t), {Plateau(r)}", t, [.. t.Select(x => s.LearningRate(x))]) { Color = Colour(p) });
            series.Add(new($"steps, {Plateau(r)}", t, [.. t.Select(s.Steps)]) { Color = Colour(p), LineStyle = LineStyle.Dash, OnSecondaryAxis = true, StrokeThickness = ThinLine });
        }
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "Learning-rate schedule", Subtitle = runs.Count > 0 ? runs[0].Schedule.Description : null,
            XAxisTitle = "training time t = steps × η", YAxisTitle = "learning rate η", LogX = true,
            SecondaryYAxisTitle = "SGD steps (dashed)", LogSecondaryY = true,
            HorizontalLines = [new ReferenceLine(finalLr, $"η_c = {finalLr:G4}"), .. runs.Select(r => r.PlateauLr).Distinct().Select(p => new ReferenceLine(p, $"plateau η_h = {p:G4}"))],
            LegendPosition = OxyPlot.Legends.LegendPosition.TopCenter,
        }), path);
    }

    /// <summary>Snapshots of the river (y) marginal density of one run, the final equilibrium's dashed.</summary>
    public static void RiverMarginal(EvolutionRun run, TensorGrid grid, double[] finalEquilibrium, double finalLr, string path)
    {
        var y = grid.Y.Centres.ToArray();
        var dy = grid.Y.Widths.ToArray();
        double[] Density(double[] mass) => [.. mass.Select((m, j) => m / dy[j])];
        var series = EvolveFiles.SnapshotMarginals(run)
            .Select(m => new LineSeriesData($"t = {m.Time:G3} ({NumberFormat.Steps(run.Schedule.Steps(m.Time))} steps)", y, Density(m.Mass))).ToList();
        series.Add(new($"π(η_c = {finalLr:G4})", y, Density(RelaxationObserver.RiverMarginal(grid, finalEquilibrium)))
            { Color = OxyColors.Black, LineStyle = LineStyle.Dash, StrokeThickness = 1.5 });
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = $"River marginal from the plateau {Plateau(run)}", Subtitle = $"schedule {run.Schedule.Spec}; density of y (mass per unit y, summed over x)",
            XAxisTitle = "y (river)", YAxisTitle = "p(y)",
        }), path);
    }

    /// <summary>Time to the L1 tolerance against the plateau LR, one line per schedule (log y; the final-LR reference plateau left out).</summary>
    public static void Verdict(VerdictResult result, double finalLr, string path)
    {
        var specs = result.Rows.Select(r => r.Spec).Distinct().ToList();
        var series = specs.Select((spec, i) =>
        {
            var rows = result.Rows.Where(r => r.Spec == spec && Math.Abs(r.PlateauLr - finalLr) > 1e-9 * finalLr).OrderBy(r => r.PlateauLr).ToList();
            string name = rows.Any(r => double.IsFinite(r.TimeL1)) ? spec : $"{spec} (none reached)";
            return new LineSeriesData(name, [.. rows.Select(r => r.PlateauLr)], [.. rows.Select(r => double.IsFinite(r.TimeL1) ? r.TimeL1 : double.NaN)])
            {
                Color = Colour(i), Marker = Markers[i % Markers.Length], LineStyle = i < PlotTheme.SeriesColors.Count ? LineStyle.Solid : LineStyle.Dash,
            };
        }).ToList();
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "Schedule verdict: time to the L1 tolerance", Subtitle = $"L1 < {result.Tolerances.L1:G2}; dashed lines: strong Mpemba points; missing points: not reached",
            XAxisTitle = "plateau learning rate η_h", YAxisTitle = "time t to L1 tolerance", LogX = true, LogY = true,
            VerticalLines = [.. result.StrongPoints.Select(s => new ReferenceLine(s, $"η* = {s:G4}"))], LegendPosition = OxyPlot.Legends.LegendPosition.BottomRight,
        }), path, width: 1000, height: 650);
    }

    private static readonly MarkerType[] Markers = [MarkerType.Circle, MarkerType.Square, MarkerType.Diamond, MarkerType.Triangle];

    private static OxyColor Colour(int i) => PlotTheme.SeriesColors[i % PlotTheme.SeriesColors.Count];

    private static string Plateau(EvolutionRun r) => $"η_h = {r.PlateauLr:G4}";

    private static double[] Abs(IEnumerable<double> v) => [.. v.Select(Math.Abs)];

    /// <summary>The lower end of a log axis: the smallest positive value, but not below <see cref="LogFloor"/>; null when there is none.</summary>
    private static double? Floor(IEnumerable<LineSeriesData> series)
    {
        double min = series.SelectMany(s => s.Y).Where(v => v > 0 && double.IsFinite(v)).DefaultIfEmpty(double.NaN).Min();
        return double.IsFinite(min) && min < LogFloor ? LogFloor : null;
    }
}
