using System.Text.Json.Nodes;
using FokkerPlanck.Core.Langevin.Sgd;
using FokkerPlanck.Plotting;
using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using OxyPlot;

namespace FokkerPlanck.Reporting;

/// <summary>The files and figures of the <c>sgd</c> study: sgd.json, sgd_departure.png, sgd_mpemba.png.</summary>
public static class SgdFiles
{
    /// <summary>Error bars span this many standard errors each way (≈ 95 %).</summary>
    private const double ErrorBarWidth = 2;

    /// <summary>sgd.json (rewritten after each stage).</summary>
    public static void Write(string dir, SgdStudy s)
    {
        var scenario = s.Session.Scenario;
        var root = new JsonObject
        {
            ["scenario"] = scenario.Name,
            ["kappa"] = scenario.Kappa,
            ["final_lr"] = scenario.FinalLr,
            ["final_temperature"] = scenario.FinalTemperature,
            ["max_curvature"] = s.MaxCurvature,
            ["final_lr_times_curvature"] = scenario.FinalLr * s.MaxCurvature,
            ["departure"] = s.Departure is null ? null : new JsonArray([.. s.Departure.Select(Departure)]),
            ["mpemba"] = s.Mpemba is null ? null : Mpemba(s.Mpemba, s.MaxCurvature),
            ["control"] = s.Control is null ? null : Mpemba(s.Control, s.MaxCurvature),
            ["operator"] = s.Operator is null ? null : new JsonArray([.. s.Operator.Select(p => (JsonNode)new JsonObject
            {
                ["plateau_lr"] = p.PlateauLr,
                ["slow_amplitude"] = p.Replayed,
                ["slow_amplitude_stationary"] = p.Stationary,
            })]),
        };
        JsonOutput.Write(Path.Combine(dir, "sgd.json"), root);
    }

    private static JsonObject Departure(DeparturePoint p) => new()
    {
        ["lr"] = p.Lr,
        ["lr_times_curvature"] = p.LrTimesCurvature,
        ["valley_ratio"] = JsonOutput.Number(p.ValleyRatio.Mean),
        ["valley_ratio_error"] = JsonOutput.Number(p.ValleyRatio.StandardError),
        ["valley_ratio_sgd_formula"] = JsonOutput.Number(p.SgdValleyRatio),
        ["low_basin"] = p.LowBasin is { } b ? JsonOutput.Number(b.Mean) : null,
        ["low_basin_error"] = p.LowBasin is { } e ? JsonOutput.Number(e.StandardError) : null,
        ["low_basin_fokker_planck"] = JsonOutput.Number(p.FokkerPlanckLowBasin),
        ["low_basin_corrected_free_energy"] = JsonOutput.Number(p.CorrectedLowBasin),
        ["wall_fraction"] = p.WallFraction,
        ["burn_in_relaxations"] = p.BurnInRelaxations,
    };

    private static JsonObject Mpemba(SgdMpembaResult r, double curvature) => new()
    {
        ["method"] = r.Method.ToString(),
        ["measure_time"] = r.MeasureTime,
        ["points"] = new JsonArray([.. r.Points.Select(p => (JsonNode)new JsonObject
        {
            ["plateau_lr"] = p.PlateauLr,
            ["plateau_lr_times_curvature"] = p.PlateauLr * curvature,
            ["slow_amplitude"] = p.Excess,
            ["slow_amplitude_error"] = p.StandardError,
            ["fokker_planck"] = p.FokkerPlanck,
            ["steps"] = p.Steps,
        })]),
        ["strong_points"] = new JsonArray([.. r.StrongPoints.Select(p => (JsonNode)new JsonObject { ["lr"] = p.Lr, ["error"] = p.Error })]),
        ["fokker_planck_strong_points"] = JsonOutput.Numbers(r.FokkerPlanckStrongPoints),
    };

    /// <summary>sgd_departure.png and sgd_mpemba.png.</summary>
    public static void Figures(string dir, SgdStudy s)
    {
        if (s.Departure is { Count: > 0 } d) DepartureFigure(d, Path.Combine(dir, "sgd_departure.png"));
        if (s.Mpemba is { } m) MpembaFigure(m, s.Control, s.Operator, Path.Combine(dir, "sgd_mpemba.png"));
    }

    private static void DepartureFigure(IReadOnlyList<DeparturePoint> d, string path)
    {
        double[] x = [.. d.Select(p => p.LrTimesCurvature)];
        var series = new List<LineSeriesData>
        {
            new("SGD ensemble ⟨a x²⟩/T", x, [.. d.Select(p => p.ValleyRatio.Mean)]) { Marker = MarkerType.Circle, LineStyle = LineStyle.None, Color = PlotTheme.SeriesColors[0] },
            ErrorBars(x, d.Select(p => (p.ValleyRatio.Mean, p.ValleyRatio.StandardError)), PlotTheme.SeriesColors[0]),
            new("SGD formula 1/(1 − ηa/2)", x, [.. d.Select(p => p.SgdValleyRatio)]) { Color = PlotTheme.SeriesColors[1], LineStyle = LineStyle.Dash },
        };
        if (d.Any(p => p.LowBasin is not null))
        {
            series.Add(new("low-basin weight, SGD", x, [.. d.Select(p => p.LowBasin?.Mean ?? double.NaN)]) { Marker = MarkerType.Square, LineStyle = LineStyle.None, Color = PlotTheme.SeriesColors[2], OnSecondaryAxis = true });
            series.Add(new("low-basin weight, FP", x, [.. d.Select(p => p.FokkerPlanckLowBasin)]) { Color = PlotTheme.SeriesColors[2], OnSecondaryAxis = true });
            series.Add(new("low-basin weight, corrected F", x, [.. d.Select(p => p.CorrectedLowBasin)]) { Color = PlotTheme.SeriesColors[3], LineStyle = LineStyle.Dash, OnSecondaryAxis = true });
        }
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "Where SGD leaves the Fokker–Planck picture",
            Subtitle = "stationary SGD at constant η; FP predicts ⟨a x²⟩/T = 1; error bars ±2 SE",
            XAxisTitle = "η·a_max (edge of stability at 2)", YAxisTitle = "valley variance ratio ⟨a x²⟩/T",
            SecondaryYAxisTitle = d.Any(p => p.LowBasin is not null) ? "weight of the low basin" : null,
            HorizontalLines = [new ReferenceLine(1, "continuous FP")],
            VerticalLines = [new ReferenceLine(2, "edge of stability")],
            LegendPosition = OxyPlot.Legends.LegendPosition.LeftTop,
        }), path, width: 1000, height: 650);
    }

    private static void MpembaFigure(SgdMpembaResult m, SgdMpembaResult? control, IReadOnlyList<SgdReplayPoint>? op, string path)
    {
        double[] x = [.. m.Points.Select(p => p.PlateauLr)];
        var series = new List<LineSeriesData>
        {
            new("SGD ensemble", x, [.. m.Points.Select(p => p.Excess)]) { Marker = MarkerType.Circle, Color = PlotTheme.SeriesColors[0] },
            ErrorBars(x, m.Points.Select(p => (p.Excess, p.StandardError)), PlotTheme.SeriesColors[0]),
            new("Fokker–Planck a₂ e^(−λ₂t*)", x, [.. m.Points.Select(p => p.FokkerPlanck)]) { Color = PlotTheme.SeriesColors[1], LineStyle = LineStyle.Dash },
        };
        if (op is not null)
            series.Add(new("SGD transition operator", [.. op.Select(p => p.PlateauLr)], [.. op.Select(p => p.Replayed)]) { Marker = MarkerType.Triangle, Color = PlotTheme.SeriesColors[3] });
        if (control is not null)
            series.Add(new("continuous control (LM)", [.. control.Points.Select(p => p.PlateauLr)], [.. control.Points.Select(p => p.Excess)]) { Marker = MarkerType.Diamond, Color = PlotTheme.SeriesColors[2] });
        var vertical = m.StrongPoints.Select(p => new ReferenceLine(p.Lr, $"SGD η* = {p.Lr:G3} ± {p.Error:G1}"))
            .Concat(m.FokkerPlanckStrongPoints.Select(lr => new ReferenceLine(lr, $"FP η* = {lr:G3}"))).ToList();
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "SGD's own strong Mpemba point",
            Subtitle = $"slow-mode amplitude ⟨v₂⟩ at t* = {m.MeasureTime:G3} after the quench to η_c = {m.FinalLr:G3} (η_c·a_max = {m.FinalLrTimesCurvature:G2}, κ = {m.Kappa:G3}); ±2 SE",
            XAxisTitle = "plateau LR η_h", YAxisTitle = "slow amplitude at t*", ShowZeroLine = true, VerticalLines = vertical,
        }), path, width: 1000, height: 650);
    }

    /// <summary>Vertical segments y ± 2 SE at each x, separated by NaN (breaks of the line).</summary>
    private static LineSeriesData ErrorBars(double[] x, IEnumerable<(double Value, double Error)> points, OxyColor colour)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        int i = 0;
        foreach (var (v, e) in points)
        {
            xs.AddRange([x[i], x[i], double.NaN]);
            ys.AddRange([v - ErrorBarWidth * e, v + ErrorBarWidth * e, double.NaN]);
            i++;
        }
        return new LineSeriesData(null, [.. xs], [.. ys]) { Color = colour, StrokeThickness = 1 };
    }
}
