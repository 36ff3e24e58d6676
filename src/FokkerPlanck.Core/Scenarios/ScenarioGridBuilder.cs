using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Scenarios;

/// <summary>
/// Builds the grid of a scenario: uniform in y (faces moved onto jumps of the potential), and in x
/// either uniform or clustered around the valley floor so that the cold valley
/// <c>σ = √(T_c/∂²_xU)</c> is resolved by <see cref="TargetCellsPerColdWidth"/> cells.
/// </summary>
public static class ScenarioGridBuilder
{
    /// <summary>Cells across one cold valley width σ that "auto" refinement aims for (3-point curvature error ≈ 1/(12·4²) ≈ 0.5 %).</summary>
    public const double TargetCellsPerColdWidth = 4.0;

    /// <summary>Largest sinh stretching β: the widest/narrowest cell ratio is then about cosh(β/2) ≈ 75.</summary>
    public const double MaxStretching = 10.0;

    /// <summary>Builds the grid, optionally overriding the scenario's cell counts.</summary>
    public static TensorGrid Build(Scenario scenario, ILandscape landscape, int? nx = null, int? ny = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(landscape);
        int cellsY = ny ?? scenario.Ny;
        var (ymin, ymax) = scenario.YRange;
        var y = Axis.Uniform(ymin, ymax, cellsY).SnapFacesTo(landscape.JumpsAlongY(ymin, ymax));
        if (scenario.IsOneDimensional) return TensorGrid.OneDimensional(y);
        var (xmin, xmax) = scenario.XRange!.Value;
        int cellsX = nx ?? scenario.Nx;
        var jumpsX = landscape.JumpsAlongX(xmin, xmax);
        Axis x = Axis.Uniform(xmin, xmax, cellsX);
        if (scenario.RefineX == RefineMode.Auto)
        {
            var (focus, sigma) = ColdValley(landscape, scenario.FinalTemperature, xmin, xmax, y.Centres);
            double target = sigma / TargetCellsPerColdWidth;
            if (double.IsFinite(target) && x.MaxWidth > target && focus > xmin && focus < xmax)
            {
                double lo = 0, hi = MaxStretching;
                for (int it = 0; it < 50; it++)
                {
                    double mid = 0.5 * (lo + hi);
                    if (Axis.Clustered(xmin, xmax, cellsX, focus, mid).MinWidth > target) lo = mid; else hi = mid;
                }
                x = Axis.Clustered(xmin, xmax, cellsX, focus, hi);
            }
        }
        return new TensorGrid(x.SnapFacesTo(jumpsX), y);
    }

    /// <summary>
    /// The valley floor (x of the lowest U, sampled on the y centres) and the narrowest cold valley
    /// width <c>min_y √(T_c/∂²_xU)</c> there.
    /// </summary>
    public static (double Focus, double Sigma) ColdValley(ILandscape landscape, double coldTemperature, double xmin, double xmax, ReadOnlySpan<double> ys)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        const int samples = 401;
        double bestU = double.PositiveInfinity, focus = 0.5 * (xmin + xmax);
        foreach (double yv in ys)
            for (int s = 0; s < samples; s++)
            {
                double xv = xmin + (xmax - xmin) * (s + 0.5) / samples;
                double u = landscape.Potential(xv, yv);
                if (u < bestU) { bestU = u; focus = xv; }
            }
        // refine the floor locally: valley-river floors are at x = 0 exactly
        if (xmin < 0 && xmax > 0 && Math.Abs(focus) <= (xmax - xmin) / samples) focus = 0.0;
        double h = (xmax - xmin) * 1e-4, maxCurv = 0.0;
        foreach (double yv in ys)
        {
            double c = (landscape.Potential(focus + h, yv) - 2 * landscape.Potential(focus, yv) + landscape.Potential(focus - h, yv)) / (h * h);
            if (double.IsFinite(c)) maxCurv = Math.Max(maxCurv, c);
        }
        return (focus, maxCurv > 0 ? Math.Sqrt(coldTemperature / maxCurv) : double.PositiveInfinity);
    }
}
