using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Analysis.DynamicMpemba;

/// <summary>
/// Brackets and refines the zeros of a reduced amplitude <c>b(η_h) = a(η_h)/(T_h − T_c)</c> in the
/// plateau LR: on a scan, around a guess, or by secant steps from a known zero.
/// </summary>
/// <remarks>Refinement by Brent's method (<see cref="BrentRootFinder"/>); brackets never cross η_c,
/// where the trivial zero was divided out (see <see cref="MpembaScan"/>).</remarks>
internal static class AmplitudeRoots
{
    /// <summary>Half-width (relative) of the first bracket tried around a guess: the adiabatic zeros lie within 1.5 % of the runs' on the default two-basin scenario for every decay that has one (README), so one try usually brackets.</summary>
    public const double GuideWidth = 0.02;

    /// <summary>Factor by which the bracket around a guess widens after a try without a sign change.</summary>
    public const double GuideWidening = 3;

    /// <summary>Tries around a guess (half-widths 2 %, 6 %, 18 %, 54 %): two runs each; beyond, the full scan is cheaper.</summary>
    public const int GuideTries = 4;

    /// <summary>The zeros of <paramref name="f"/> bracketed by sign changes of <paramref name="values"/> (f on <paramref name="lrs"/>) between neighbours on the same side of η_c.</summary>
    public static List<double> OnScan(Func<double, double> f, double[] lrs, double[] values, double finalLr, double tolerance)
    {
        var roots = new List<double>();
        for (int i = 0; i + 1 < lrs.Length; i++)
        {
            if (lrs[i] < finalLr != lrs[i + 1] < finalLr) continue;
            if (Math.Sign(values[i]) == Math.Sign(values[i + 1]) || values[i] == 0 && values[i + 1] == 0) continue;
            roots.Add(BrentRootFinder.FindRoot(f, lrs[i], lrs[i + 1], tolerance * lrs[i]));
        }
        return roots;
    }

    /// <summary>
    /// A zero of <paramref name="f"/> near <paramref name="guess"/>: brackets of growing half-width (see
    /// <see cref="GuideTries"/>) within [<paramref name="min"/>, <paramref name="max"/>] on the guess's side of η_c,
    /// refined with Brent; null when none changes sign.
    /// </summary>
    public static double? Around(Func<double, double> f, double guess, double min, double max, double finalLr, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(f);
        double wall = guess > finalLr ? finalLr * (1 + MpembaScan.TrivialNeighbourhood) : finalLr * (1 - MpembaScan.TrivialNeighbourhood);
        double lo = guess > finalLr ? Math.Max(min, wall) : min, hi = guess > finalLr ? max : Math.Min(max, wall);
        double width = GuideWidth;
        for (int k = 0; k < GuideTries; k++, width *= GuideWidening)
        {
            double a = Math.Max(lo, guess / (1 + width)), b = Math.Min(hi, guess * (1 + width));
            if (!(b > a)) return null;
            double fa = f(a), fb = f(b);
            if (Math.Sign(fa) != Math.Sign(fb)) return BrentRootFinder.FindRoot(f, a, b, tolerance * a);
            if (a == lo && b == hi) return null;
        }
        return null;
    }

    /// <summary>Two secant steps on <paramref name="a"/> from <paramref name="root"/>, the first with <paramref name="slope"/> (the zero of a nearby function: second-order accurate in the shift).</summary>
    public static double Polish(Func<double, double> a, double root, double slope)
    {
        ArgumentNullException.ThrowIfNull(a);
        double a0 = a(root);
        if (a0 == 0 || !double.IsFinite(slope) || slope == 0) return root;
        double r1 = root - a0 / slope;
        double a1 = a(r1);
        return a1 == a0 ? r1 : r1 - a1 * (r1 - root) / (a1 - a0);
    }
}
