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
        var problem = scenario.Problem;
        int cellsY = ny ?? problem.Grid.Ny;
        var (ymin, ymax) = problem.YRange;
        var y = Axis.Uniform(ymin, ymax, cellsY).SnapFacesTo(landscape.JumpsAlongY(ymin, ymax));
        if (problem.IsOneDimensional) return TensorGrid.OneDimensional(y);
        var (xmin, xmax) = problem.XRange!.Value;
        int cellsX = nx ?? problem.Grid.Nx;
        var jumpsX = landscape.JumpsAlongX(xmin, xmax);
        Axis x = Axis.Uniform(xmin, xmax, cellsX);
        if (problem.Grid.RefineX == RefineMode.Auto)
        {
            var (focus, sigmas) = ColdValleys(landscape, scenario.FinalTemperature, xmin, xmax, y.Centres);
            if (sigmas.Length > 0 && focus > xmin && focus < xmax && Shortfall(x, focus, sigmas) > 1.0)
            {
                // The widths near the floor first shrink and then grow again with β (the sinh map
                // spends its cells ever closer to the focus), so scan β rather than bisect.
                Axis best = x; double bestShortfall = Shortfall(x, focus, sigmas);
                for (double beta = StretchingStep; beta <= MaxStretching; beta += StretchingStep)
                {
                    Axis candidate;
                    // a floor at (numerically) the domain's edge stretches the map past double range: keep the best so far
                    try { candidate = Axis.Clustered(xmin, xmax, cellsX, focus, beta); }
                    catch (ArgumentException) { break; }
                    double s = Shortfall(candidate, focus, sigmas);
                    if (s < bestShortfall) { best = candidate; bestShortfall = s; }
                    if (s <= 1.0) break;
                }
                x = best;
            }
        }
        return new TensorGrid(x.SnapFacesTo(jumpsX), y);
    }

    /// <summary>max over valley widths σ of (widest cell within ±6σ of the floor) / (σ / target): ≤ 1 when every valley is resolved.</summary>
    private static double Shortfall(Axis axis, double focus, double[] sigmas)
    {
        double worst = 0.0;
        foreach (double sigma in sigmas) worst = Math.Max(worst, WidestNear(axis, focus, sigma) * TargetCellsPerColdWidth / sigma);
        return worst;
    }

    /// <summary>x samples per y centre when locating the valley floor (resolves floors to 1/400 of the domain; valley–river floors are then snapped to x = 0).</summary>
    private const int FloorSamples = 401;

    /// <summary>Relative step of the second difference for ∂²U/∂x² at the floor: small against any valley width the grid can resolve, large enough that round-off (ε·U/h²) stays negligible.</summary>
    private const double CurvatureStep = 1e-4;

    /// <summary>Step of the β scan.</summary>
    private const double StretchingStep = 0.05;

    /// <summary>The cold equilibrium is resolved over ±this many σ around the floor (beyond, its mass is below 1e-8 of the peak).</summary>
    public const double ResolvedHalfWidthInSigmas = 6.0;

    private static double WidestNear(Axis axis, double focus, double sigma)
    {
        double widest = 0.0;
        var c = axis.Centres; var w = axis.Widths;
        for (int i = 0; i < axis.Count; i++)
            if (Math.Abs(c[i] - focus) <= ResolvedHalfWidthInSigmas * sigma) widest = Math.Max(widest, w[i]);
        return widest > 0 ? widest : w[axis.CellOf(focus)];
    }

    /// <summary>
    /// The valley floor (x of the lowest U, sampled on the y centres) and the cold valley widths
    /// <c>√(T_c/∂²_xU)</c> along it (one per sampled y where U is convex in x).
    /// </summary>
    public static (double Focus, double[] Sigmas) ColdValleys(ILandscape landscape, double coldTemperature, double xmin, double xmax, ReadOnlySpan<double> ys)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        const int samples = FloorSamples;
        double bestU = double.PositiveInfinity, focus = 0.5 * (xmin + xmax);
        foreach (double yv in ys)
            for (int s = 0; s < samples; s++)
            {
                double xv = xmin + (xmax - xmin) * (s + 0.5) / samples;
                double u = landscape.Potential(xv, yv);
                if (u < bestU) { bestU = u; focus = xv; }
            }
        // valley-river floors are at x = 0 exactly
        if (xmin < 0 && xmax > 0 && Math.Abs(focus) <= (xmax - xmin) / samples) focus = 0.0;
        double h = (xmax - xmin) * CurvatureStep;
        var sigmas = new List<double>();
        foreach (double yv in ys)
        {
            double c = (landscape.Potential(focus + h, yv) - 2 * landscape.Potential(focus, yv) + landscape.Potential(focus - h, yv)) / (h * h);
            if (double.IsFinite(c) && c > 0) sigmas.Add(Math.Sqrt(coldTemperature / c));
        }
        return (focus, [.. sigmas.Distinct()]);
    }
}
