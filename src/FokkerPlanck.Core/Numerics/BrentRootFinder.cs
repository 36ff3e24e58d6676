namespace FokkerPlanck.Core.Numerics;

/// <summary>
/// Brent's root finder: inverse quadratic interpolation and secant steps safeguarded by bisection,
/// guaranteed to converge on a sign-changing bracket.
/// </summary>
/// <remarks>
/// R. P. Brent, <i>Algorithms for Minimization without Derivatives</i> (Prentice-Hall, 1973), ch. 4,
/// procedure <c>zero</c>. Stops when the bracket is narrower than
/// <c>2·(4ε|b| + tol)</c> or f(b) = 0.
/// </remarks>
public static class BrentRootFinder
{
    /// <summary>Iteration cap; Brent's method needs at most ~(log₂(bracket/tol))² steps, far below this for double precision.</summary>
    public const int MaxIterations = 200;

    /// <summary>Finds a root of <paramref name="f"/> in <c>[a, b]</c>.</summary>
    /// <param name="f">Continuous function with <c>f(a)·f(b) ≤ 0</c>.</param>
    /// <param name="a">Bracket end.</param>
    /// <param name="b">Bracket end.</param>
    /// <param name="tolerance">Absolute tolerance on the root.</param>
    /// <exception cref="ArgumentException">The bracket does not change sign.</exception>
    public static double FindRoot(Func<double, double> f, double a, double b, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(f);
        double fa = f(a), fb = f(b);
        if (fa == 0) return a;
        if (fb == 0) return b;
        if (Math.Sign(fa) == Math.Sign(fb)) throw new ArgumentException($"f does not change sign on [{a}, {b}] (f = {fa}, {fb}).", nameof(f));
        double c = a, fc = fa, d = b - a, e = d;
        for (int it = 0; it < MaxIterations; it++)
        {
            if (Math.Sign(fb) == Math.Sign(fc)) { c = a; fc = fa; d = b - a; e = d; }
            if (Math.Abs(fc) < Math.Abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
            double tol1 = 2 * double.Epsilon + 4 * 1.1102230246251565e-16 * Math.Abs(b) + 0.5 * tolerance;
            double m = 0.5 * (c - b);
            if (Math.Abs(m) <= tol1 || fb == 0) return b;
            if (Math.Abs(e) >= tol1 && Math.Abs(fa) > Math.Abs(fb))
            {
                double s = fb / fa, p, q;
                if (a == c) { p = 2 * m * s; q = 1 - s; }
                else
                {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.Min(3 * m * q - Math.Abs(tol1 * q), Math.Abs(e * q))) { e = d; d = p / q; }
                else { d = m; e = m; }
            }
            else { d = m; e = m; }
            a = b; fa = fb;
            b += Math.Abs(d) > tol1 ? d : (m > 0 ? tol1 : -tol1);
            fb = f(b);
        }
        return b;
    }
}
