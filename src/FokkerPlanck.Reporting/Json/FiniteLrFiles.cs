using System.Text.Json.Nodes;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.FiniteLr;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Plotting;
using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using OxyPlot;

namespace FokkerPlanck.Reporting;

/// <summary>The files of <c>mpemba --model sgd</c>: mpemba-sgd.json and mpemba_models.png.</summary>
public static class FiniteLrFiles
{
    /// <summary>The JSON file's name.</summary>
    public const string JsonName = "mpemba-sgd.json";

    /// <summary>The figure's name.</summary>
    public const string FigureName = "mpemba_models.png";

    /// <summary>Writes the JSON and (with <paramref name="plots"/>) the figure.</summary>
    public static void Write(string dir, Scenario scenario, FiniteLrComparison c, bool plots)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(c);
        var s = c.Sgd;
        var root = new JsonObject
        {
            ["scenario"] = scenario.Name,
            ["kappa"] = s.Kappa,
            ["final_lr"] = s.FinalLr,
            ["final_temperature"] = scenario.FinalTemperature,
            ["max_curvature"] = s.MaxCurvature,
            ["final_lr_times_curvature"] = s.FinalLrTimesCurvature,
            ["sgd"] = new JsonObject
            {
                ["grid"] = new JsonArray(s.Nx, s.Ny),
                ["non_zeros"] = s.NonZeros,
                ["truncated_mass_per_step"] = s.TruncatedMass,
                ["modes"] = new JsonArray([.. s.Modes.Select(m => (JsonNode)new JsonObject
                {
                    ["multiplier"] = m.MultiplierReal, ["multiplier_imaginary"] = m.MultiplierImaginary, ["rate"] = JsonOutput.Number(m.Rate),
                    ["frequency"] = m.Frequency, ["residual"] = m.Residual, ["left_residual"] = m.LeftResidual,
                })]),
                ["gain"] = JsonOutput.Number(s.Gain),
                ["points"] = new JsonArray([.. s.Points.Select(p => (JsonNode)new JsonObject
                {
                    ["plateau_lr"] = p.Lr, ["plateau_lr_times_curvature"] = p.Lr * s.MaxCurvature, ["a2"] = p.Amplitudes[0],
                    ["a3"] = p.Amplitudes.Length > 1 ? p.Amplitudes[1] : null, ["plateau_rate2"] = JsonOutput.Number(p.Rate2), ["cells"] = p.Cells,
                })]),
                ["strong_points"] = new JsonArray([.. s.StrongPoints.Select(p => (JsonNode)new JsonObject
                {
                    ["lr"] = p.Lr, ["error"] = JsonOutput.Number(p.Error), ["study_grid_lr"] = JsonOutput.Number(p.OtherLr),
                })]),
                ["closest_approach"] = s.ClosestApproach is not { } c0 ? null : new JsonObject
                {
                    ["plateau_lr"] = c0.Lr, ["a2"] = c0.A2, ["study_grid_a2"] = JsonOutput.Number(c0.OtherA2), ["error"] = JsonOutput.Number(c0.Error),
                },
                ["study_cells_per_noise"] = JsonOutput.Number(s.StudyCellsPerNoise),
                ["skipped_beyond_edge"] = JsonOutput.Numbers(s.SkippedBeyondEdge),
                ["operator_applications"] = s.OperatorApplications,
                ["seconds"] = s.Seconds,
            },
            ["fokker_planck"] = Scan(c.FokkerPlanck),
            ["force_corrected_river"] = c.ForceCorrected is null ? null : Scan(c.ForceCorrected),
        };
        JsonOutput.Write(Path.Combine(dir, JsonName), root);
        if (plots) Figure(c, Path.Combine(dir, FigureName));
    }

    private static JsonObject Scan(MpembaScanResult r) => new()
    {
        ["rates"] = JsonOutput.Numbers(r.Lambda),
        ["strong_points"] = JsonOutput.Numbers(r.Points.Select(p => p.Lr)),
        ["plateau_lr"] = JsonOutput.Numbers(r.Scan.Select(p => p.Lr)),
        ["a2"] = JsonOutput.Numbers(r.Scan.Select(p => p.Coefficients[0])),
    };

    /// <summary>a₂ of the three models, each divided by its largest |a₂| in the SGD scan's range (the modes' scales differ between models; the zeros do not).</summary>
    private static void Figure(FiniteLrComparison c, string path)
    {
        double lo = c.Sgd.Points.Count > 0 ? c.Sgd.Points[0].Lr : 0, hi = c.Sgd.Points.Count > 0 ? c.Sgd.Points[^1].Lr : double.MaxValue;
        LineSeriesData Curve(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, int colour, MarkerType marker, LineStyle style)
        {
            var keep = Enumerable.Range(0, x.Count).Where(i => x[i] >= lo && x[i] <= hi).ToArray();
            double scale = keep.Select(i => Math.Abs(y[i])).DefaultIfEmpty(1).Max();
            return new LineSeriesData(name, [.. keep.Select(i => x[i])], [.. keep.Select(i => y[i] / (scale > 0 ? scale : 1))])
            { Color = PlotTheme.SeriesColors[colour], Marker = marker, LineStyle = style };
        }
        var series = new List<LineSeriesData>
        {
            Curve("continuous Fokker–Planck (2D)", [.. c.FokkerPlanck.Scan.Select(p => p.Lr)], [.. c.FokkerPlanck.Scan.Select(p => p.Coefficients[0])], 1, MarkerType.None, LineStyle.Dash),
            Curve("SGD transition operator", [.. c.Sgd.Points.Select(p => p.Lr)], [.. c.Sgd.Points.Select(p => p.Amplitudes[0])], 0, MarkerType.Circle, LineStyle.Solid),
        };
        if (c.ForceCorrected is { } f)
            series.Insert(1, Curve("force-corrected river (1D)", [.. f.Scan.Select(p => p.Lr)], [.. f.Scan.Select(p => p.Coefficients[0])], 2, MarkerType.None, LineStyle.Dot));
        var vertical = c.FokkerPlanck.Points.Select(p => new ReferenceLine(p.Lr, $"FP η* = {p.Lr:G3}"))
            .Concat(c.ForceCorrected?.Points.Select(p => new ReferenceLine(p.Lr, $"corrected η* = {p.Lr:G3}")) ?? [])
            .Concat(c.Sgd.StrongPoints.Select(p => new ReferenceLine(p.Lr, $"SGD η* = {p.Lr:G3}"))).ToList();
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = "Slow-mode amplitude a₂(η_h): three models of the same landscape",
            Subtitle = $"η_c = {c.Sgd.FinalLr:G3}, κ = {c.Sgd.Kappa:G3}, η_c·a_max = {c.Sgd.FinalLrTimesCurvature:G2}; each curve divided by its largest |a₂| here; a zero is a strong Mpemba point",
            XAxisTitle = "plateau LR η_h", YAxisTitle = "a₂ / max |a₂|", ShowZeroLine = true, VerticalLines = vertical,
        }), path, width: 1000, height: 650);
    }
}
