using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>How a local search ended.</summary>
public enum LocalSearchOutcome
{
    /// <summary>The simplex's values agree to the tolerance.</summary>
    Converged,

    /// <summary>The evaluation limit was reached first; the best point evaluated is kept.</summary>
    EvaluationLimit,
}

/// <summary>
/// Nelder–Mead (MathNet's <see cref="NelderMeadSimplex"/>) on the unit cube: each coordinate u ∈ [0, 1] is
/// written <c>u = (1 + sin z)/2</c> with z free, MINUIT's transformation for a parameter with two limits
/// (F. James, <i>MINUIT Function Minimization and Error Analysis</i>, CERN D506, §1.2.1), so every
/// point the simplex visits is inside the bounds and the search is deterministic.
/// </summary>
public static class BoundedSimplex
{
    /// <summary>
    /// Minimizes <paramref name="f"/> over [0, 1]^d from <paramref name="start"/>, the first simplex one
    /// <paramref name="step"/> (in u) from it along each axis (towards the inside at a bound). MathNet stops
    /// when the simplex's values agree relative to their size, which values near zero or of both signs never
    /// do; so the simplex sees <c>1 + (f − reference)/scale</c>, and stops when its values agree to
    /// <paramref name="tolerance"/> × <paramref name="scale"/> (the caller passes the coarse grid's best and range).
    /// </summary>
    /// <returns>The best point evaluated (in u), its value, and how the search ended.</returns>
    /// <exception cref="ArgumentException">The start lies outside the cube, the step is not in (0, 1], or the scale is not positive.</exception>
    public static (double[] Best, double Value, LocalSearchOutcome Outcome) Minimize(Func<double[], double> f, double[] start, double step,
        double reference, double scale, double tolerance, int maxEvaluations)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(start);
        if (start.Any(u => !(u >= 0 && u <= 1))) throw new ArgumentException("the start must lie in [0, 1]^d.", nameof(start));
        if (!(step > 0 && step <= 1)) throw new ArgumentException("the step must lie in (0, 1].", nameof(step));
        if (!(scale > 0 && double.IsFinite(scale))) throw new ArgumentException("the scale must be positive and finite.", nameof(scale));
        double[] best = [.. start];
        double bestValue = double.PositiveInfinity;
        double Objective(Vector<double> z)
        {
            double[] u = [.. z.Select(ToUnit)];
            double v = f(u);
            if (v < bestValue) { bestValue = v; best = u; }
            return 1 + (v - reference) / scale;
        }
        var z0 = Vector<double>.Build.DenseOfEnumerable(start.Select(ToFree));
        var dz = Vector<double>.Build.DenseOfEnumerable(start.Select(u => ToFree(u + step <= 1 ? u + step : u - step) - ToFree(u)));
        try
        {
            new NelderMeadSimplex(tolerance, maxEvaluations).FindMinimum(ObjectiveFunction.Value(Objective), z0, dz);
            return (best, bestValue, LocalSearchOutcome.Converged);
        }
        catch (MaximumIterationsException)
        {
            return (best, bestValue, LocalSearchOutcome.EvaluationLimit);
        }
    }

    /// <summary>u = (1 + sin z)/2.</summary>
    public static double ToUnit(double z) => (1 + Math.Sin(z)) / 2;

    /// <summary>z = asin(2u − 1), in [−π/2, π/2].</summary>
    public static double ToFree(double u) => Math.Asin(Math.Clamp(2 * u - 1, -1, 1));
}
