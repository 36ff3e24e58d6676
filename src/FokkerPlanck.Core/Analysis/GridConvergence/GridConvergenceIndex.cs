namespace FokkerPlanck.Core.Analysis.GridConvergence;

/// <summary>A quantity estimated on grids refined by a constant ratio: the extrapolated value, its error bar and the observed order.</summary>
/// <param name="Value">Richardson extrapolation from the two finest grids (the base value when there is no finer one).</param>
/// <param name="Error">Roache's grid convergence index (NaN without a finer grid).</param>
/// <param name="ObservedOrder">Order from three grids (NaN without them, or when the differences are not monotone).</param>
public readonly record struct GridEstimate(double Value, double Error, double ObservedOrder);

/// <summary>
/// Richardson extrapolation and the grid convergence index (P. J. Roache, J. Fluids Eng. 116, 405 (1994))
/// for the finite-volume discretization: refinement ratio r = √2 between grids, formal order 2.
/// </summary>
public static class GridConvergenceIndex
{
    /// <summary>Safety factor of the grid convergence index for a three-grid study (Roache 1994).</summary>
    public const double SafetyFactor = 1.25;

    /// <summary>Formal order of the finite-volume discretization (second-order fluxes and cell averages).</summary>
    public const double FormalOrder = 2.0;

    /// <summary>Ratio of cells per axis between consecutive grids of a study: √2 (cells double in 2D per step).</summary>
    public const double RefinementRatio = 1.4142135623730951;

    /// <summary>r^p − 1: the denominator of the extrapolation and of the index.</summary>
    private static double Denominator => Math.Pow(RefinementRatio, FormalOrder) - 1;

    /// <summary>The index from a base and a finer value: <c>F_s·|fine − base|/(r^p − 1)</c>.</summary>
    public static double Error(double baseValue, double fine) => Error(baseValue, fine, RefinementRatio);

    /// <summary>The index between two grids at another refinement ratio <paramref name="ratio"/>: <c>F_s·|a − b|/(r^p − 1)</c>.</summary>
    public static double Error(double a, double b, double ratio) => SafetyFactor * Math.Abs(a - b) / (Math.Pow(ratio, FormalOrder) - 1);

    /// <summary>The estimate from a coarse, a base and a fine value (NaN where a grid did not give one).</summary>
    public static GridEstimate Estimate(double coarse, double baseValue, double fine)
    {
        if (!double.IsFinite(fine)) return new GridEstimate(baseValue, double.NaN, double.NaN);
        double order = double.IsFinite(coarse) && (baseValue - coarse) * (fine - baseValue) > 0
            ? Math.Log(Math.Abs(baseValue - coarse) / Math.Abs(fine - baseValue)) / Math.Log(RefinementRatio)
            : double.NaN;
        return new GridEstimate(fine + (fine - baseValue) / Denominator, Error(baseValue, fine), order);
    }
}
