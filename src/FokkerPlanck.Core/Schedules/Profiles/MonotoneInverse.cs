namespace FokkerPlanck.Core.Schedules.Profiles;

/// <summary>
/// Solves <c>F(x) = y</c> for an increasing F with known derivative by Newton's method safeguarded
/// by bisection (the "rtsafe" scheme of Press et al., Numerical Recipes, 3rd ed., §9.4): every
/// iterate stays in a bracket that shrinks, so it converges even where Newton alone would not.
/// </summary>
internal static class MonotoneInverse
{
    /// <summary>
    /// Stop when a Newton step or the bracket is below about two ulps of x: the closed-form F are
    /// accurate to a few ulps, so more digits cannot be had (η(t) is then exact to ~1e-15).
    /// </summary>
    private const double RelativeTolerance = 4e-16;

    /// <summary>Iteration cap: bisection alone halves a bracket of any double range to one ulp in about 2100 steps, Newton ends in a handful.</summary>
    private const int MaximumIterations = 200;

    /// <summary>The x in <c>[lo, hi]</c> with <c>F(x) = y</c>.</summary>
    /// <param name="f">The increasing function F.</param>
    /// <param name="derivative">F′ (positive).</param>
    /// <param name="y">Target value.</param>
    /// <param name="lo">Lower end of a bracket (F(lo) ≤ y).</param>
    /// <param name="hi">Upper end of a bracket (F(hi) ≥ y).</param>
    public static double Solve(Func<double, double> f, Func<double, double> derivative, double y, double lo, double hi)
    {
        if (!(hi > lo)) return lo;
        double x = 0.5 * (lo + hi);
        for (int iteration = 0; iteration < MaximumIterations; iteration++)
        {
            double residual = f(x) - y;
            if (residual == 0) return x;
            if (residual < 0) lo = x; else hi = x;
            double next = x - residual / derivative(x);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            double step = Math.Abs(next - x);
            x = next;
            if (step <= RelativeTolerance * Math.Abs(x) || hi - lo <= RelativeTolerance * Math.Abs(hi)) return x;
        }
        return x;
    }
}
