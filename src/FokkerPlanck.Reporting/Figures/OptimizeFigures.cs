using FokkerPlanck.Core.Analysis.ScheduleOptimization;
using FokkerPlanck.Plotting;
using FokkerPlanck.Plotting.Export;
using FokkerPlanck.Plotting.Models;
using OxyPlot;

namespace FokkerPlanck.Reporting;

/// <summary>The figures of <c>optimize</c>: data → PlotModel (Plotting) → PNG.</summary>
public static class OptimizeFigures
{
    /// <summary>Decades of the heat maps' symmetric log colour scale below their largest |value| (the landscapes span a few).</summary>
    private const double HeatmapDecades = 4;

    /// <summary>The landscape figure's name.</summary>
    public const string LandscapeFigure = "optimize_landscape.png";

    /// <summary>The schedules figure's name.</summary>
    public const string SchedulesFigure = "optimize_schedules.png";

    /// <summary>Every figure of a search: the landscape, the schedules and one heat map per shape.</summary>
    public static void All(ScheduleOptimizationResult r, string dir)
    {
        ArgumentNullException.ThrowIfNull(r);
        Landscape(r, Path.Combine(dir, LandscapeFigure));
        Schedules(r, Path.Combine(dir, SchedulesFigure));
        foreach (var s in r.Shapes) ShapeHeatmap(s, r.Options.BudgetSteps, Path.Combine(dir, $"optimize_landscape_{s.Kind}.png"), r.Options.Goal);
    }

    /// <summary>Filled markers only (OxyPlot draws Star, Cross and Plus with a stroke colour the line series do not set).</summary>
    private static readonly MarkerType[] Markers = [MarkerType.Circle, MarkerType.Square, MarkerType.Diamond, MarkerType.Triangle];

    private static OxyColor Colour(int i) => PlotTheme.SeriesColors[i % PlotTheme.SeriesColors.Count];

    /// <summary>
    /// optimize_landscape.png: for each shape, the final excess on the grid's plateaus at its best decay fraction (the
    /// landscape's lower envelope), signed on a linear axis with the zero line (runs can end below the final equilibrium's loss), the optimum marked.
    /// </summary>
    public static void Landscape(ScheduleOptimizationResult r, string path)
    {
        ArgumentNullException.ThrowIfNull(r);
        var series = r.Shapes.Select((s, i) => new LineSeriesData(s.Kind, s.PlateauLrs,
            [.. Enumerable.Range(0, s.PlateauLrs.Length).Select(p => Enumerable.Range(0, s.Fractions.Length).Min(j => s.GridExcess[p, j]))])
            { Color = Colour(i), Marker = Markers[i % Markers.Length] }).ToList();
        if (r.Optimum is { } o)
            series.Add(new LineSeriesData($"optimum ({o.Kind}, f = {o.DecayFraction:G2})", [o.PlateauLr], [o.Score(r.Options)]) { Color = OxyColors.Black, Marker = MarkerType.Diamond, LineStyle = LineStyle.None });
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = $"{Capital(BudgetGoalText.Name(r.Options.Goal))} after {r.Options.BudgetSteps} steps, best decay fraction per plateau",
            Subtitle = "coarse grid per shape (min over the decay fractions); black diamond: the optimum after the local search",
            XAxisTitle = "plateau LR η_h", YAxisTitle = r.Options.Goal == BudgetGoal.FinalExcess ? "E_p[L] − E_π(η_c)[L] at the budget's end" : BudgetGoalText.Name(r.Options.Goal),
            LogX = true, ShowZeroLine = true,
        }), path, width: 1000, height: 650);
    }

    /// <summary>
    /// optimize_landscape_SHAPE.png: the shape's coarse grid as a heat map over (log η_h, log f). The final excess is
    /// signed and spans decades, so the colour is the symmetric log <c>sign(E) log₁₀(1 + |E|/E₀)</c> with
    /// E₀ = max|E| · 10^−<see cref="HeatmapDecades"/> on a diverging scale (red above the final equilibrium's loss, blue below).
    /// </summary>
    public static void ShapeHeatmap(ShapeSearch s, int budgetSteps, string path, BudgetGoal goal = BudgetGoal.FinalExcess)
    {
        ArgumentNullException.ThrowIfNull(s);
        double[] x = [.. s.PlateauLrs.Select(Math.Log10)], y = [.. s.Fractions.Select(Math.Log10)];
        int nx = x.Length, ny = y.Length;
        double floor = s.GridExcess.Cast<double>().Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(1).Max() * Math.Pow(10, -HeatmapDecades);
        var values = new double[nx * ny];
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
            {
                double e = s.GridExcess[i, j];
                values[i + nx * j] = Math.Sign(e) * Math.Log10(1 + Math.Abs(e) / floor);
            }
        double top = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(1).Max();
        PlotExporter.Export(DensityHeatmap.Create(x, y, Faces(x), Faces(y), values, new DensityHeatmapOptions
        {
            Title = $"{s.Kind}: {BudgetGoalText.Name(goal)} E after {budgetSteps} steps",
            Subtitle = $"best: η_h = {s.Best.PlateauLr:G4}, f = {s.Best.DecayFraction:G3}, final excess {s.Best.FinalExcess:G3}; colour sign(E)·log₁₀(1 + |E|/E₀), E₀ = {floor:G2}",
            XAxisTitle = "log₁₀ plateau LR η_h", YAxisTitle = "log₁₀ decay fraction f", ColorBarTitle = "signed log excess",
            ColorScale = HeatmapColorScale.Diverging, ColorMinimum = -top, ColorMaximum = top,
        }), path, width: 800, height: 600);
    }

    /// <summary>optimize_schedules.png: η against steps (left) and |excess loss| against steps (right, log, dashed) for the optimum and each recipe.</summary>
    public static void Schedules(ScheduleOptimizationResult r, string path)
    {
        ArgumentNullException.ThrowIfNull(r);
        var runs = new List<(string Name, ScheduleEvaluation E)>();
        if (r.Optimum is { } o) runs.Add(($"optimum: {o.Kind}, η_h = {o.PlateauLr:G3}, f = {o.DecayFraction:G2}", o));
        runs.AddRange(r.Recipes.Select(x => ($"{x.Recipe.Label}, η_h = {x.Best.PlateauLr:G3}", x.Best)));
        var series = new List<LineSeriesData>();
        for (int i = 0; i < runs.Count; i++)
        {
            var (name, e) = runs[i];
            series.Add(new LineSeriesData(name, e.Curve.Steps, e.Curve.LearningRates) { Color = Colour(i), StrokeThickness = i == 0 ? 3 : 1.5 });
            series.Add(new LineSeriesData(null, e.Curve.Steps, [.. e.Curve.ExcessLoss.Select(v => Positive(Math.Abs(v)))]) { Color = Colour(i), LineStyle = LineStyle.Dash, OnSecondaryAxis = true });
        }
        PlotExporter.Export(LineChart.Create(series, new LineChartOptions
        {
            Title = $"The optimizer's schedule against the recipes, {r.Options.BudgetSteps} steps",
            Subtitle = "solid: learning rate (left); dashed: |excess loss| (right, log)",
            XAxisTitle = "SGD steps", YAxisTitle = "learning rate η", SecondaryYAxisTitle = "|E_p[L] − E_π(η_c)[L]|", LogSecondaryY = true,
        }), path, width: 1100, height: 650);
    }

    /// <summary>Cell faces midway between centres, the outer ones half a spacing beyond.</summary>
    private static double[] Faces(double[] c)
    {
        var f = new double[c.Length + 1];
        for (int i = 1; i < c.Length; i++) f[i] = (c[i - 1] + c[i]) / 2;
        f[0] = c[0] - (f[1] - c[0]);
        f[^1] = c[^1] + (c[^1] - f[^2]);
        return f;
    }

    /// <summary>Non-positive values are left out of log axes (NaN: a gap).</summary>
    private static double Positive(double v) => v > 0 ? v : double.NaN;

    private static string Capital(string s) => s.Length == 0 || !char.IsLetter(s[0]) ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
