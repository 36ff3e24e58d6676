using System.Globalization;
using FokkerPlanck.Core.Analysis.Evolution;

namespace FokkerPlanck.Core.Pipeline;

/// <summary>
/// What <c>fokkerplanck run</c> computes beyond the Mpemba analysis: a verdict table small enough for the
/// whole run to stay near two minutes on 2 cores, yet spanning the decays that matter (instant, short,
/// comparable to and as long as the slow time 1/λ₂), and the plateaus to compare the optimum with.
/// </summary>
public static class RunPlan
{
    /// <summary>Decay durations of the verdict as fractions of the slow time 1/λ_eff (as <c>evolve --verdict</c>; physics.md §6: only decays short against 1/λ₂ keep the optimum).</summary>
    public static IReadOnlyList<double> DurationFractions => ScheduleVerdict.DurationFractions;

    /// <summary>The instant drop's spec (the verdict's first schedule).</summary>
    public const string QuenchSpec = "constant";

    /// <summary>Multiples of the (largest) strong point compared with it: a plateau 1.5× and 2× higher, where the optimum moves for longer decays.</summary>
    private static readonly double[] Above = [1.5, 2.0];

    /// <summary>
    /// The verdict's schedules: the quench and linear decays over <see cref="DurationFractions"/>/λ_eff. The 1/t
    /// decay of <c>evolve --verdict</c> is left out: it never settles, so each of its runs integrates to the
    /// horizon 20/λ₂ step by step (a third of the stage's time on the default scenario) to say what the
    /// theory already says (its rate falls below λ₂); <c>evolve --verdict</c> runs it.
    /// </summary>
    public static string[] VerdictSpecs(double slowRate)
    {
        var specs = new List<string> { QuenchSpec };
        specs.AddRange(DurationFractions.Select(f => $"linear:{Round(f / slowRate)}"));
        return [.. specs];
    }

    /// <summary>
    /// The verdict's plateaus: the strong points, the geometric mean of η_c and the first one (below the
    /// optimum), and <see cref="Above"/> times the largest (within the scan's range); without a strong point,
    /// 2, 4 and 8 η_c. The final LR itself is left out (it starts at the target: every distance is 0).
    /// </summary>
    public static double[] VerdictPlateaus(double finalLr, IReadOnlyList<double> strongPoints, double maxLr)
    {
        ArgumentNullException.ThrowIfNull(strongPoints);
        var set = new SortedSet<double>();
        if (strongPoints.Count == 0)
        {
            foreach (double f in new[] { 2.0, 4.0, 8.0 }) if (f * finalLr <= maxLr) set.Add(f * finalLr);
            return [.. set];
        }
        foreach (double s in strongPoints) set.Add(s);
        set.Add(Math.Sqrt(finalLr * strongPoints[0]));
        foreach (double f in Above) if (f * strongPoints[^1] <= maxLr) set.Add(f * strongPoints[^1]);
        return [.. set];
    }

    /// <summary>The plateau the Langevin ensemble starts from: the first cooling strong point, else 2η_c (an ordinary plateau).</summary>
    public static double LangevinPlateau(double finalLr, IReadOnlyList<double> strongPoints)
    {
        ArgumentNullException.ThrowIfNull(strongPoints);
        return strongPoints.Count > 0 ? strongPoints[0] : 2 * finalLr;
    }

    private static string Round(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
