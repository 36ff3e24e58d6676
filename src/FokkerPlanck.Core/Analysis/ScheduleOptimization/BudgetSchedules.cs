using System.Globalization;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>
/// Schedules that spend a budget of N SGD steps: warm-up W (optional), stable phase at η_h for
/// <c>(N − W)(1 − f)</c> steps, then a decay of shape KIND over the last <c>(N − W) f</c> steps
/// (f: the decay fraction), all as a <c>wsd</c> spec on SGD's clock (phases given in steps).
/// </summary>
public static class BudgetSchedules
{
    /// <summary>
    /// The 1/t decay never reaches η_c, so its τ is tied to the decay's length D: at the end of the
    /// budget η − η_c is this fraction of η_h − η_c, <c>1/(1 + D/τ) = 0.1</c>, i.e. τ = D/9 (1/t decays
    /// "to the final LR" within the budget as closely as a geometric decay over one decade does).
    /// </summary>
    public const double InverseRemainingGap = 0.1;

    /// <summary>Kinds a budget can be spent on: a decay that one length fixes (KIND:D, or the drop <c>constant</c>).</summary>
    public static readonly string[] SearchableKinds = ["constant", "linear", "cosine", "exp", "step", "inverse"];

    /// <summary>Significant digits of the step counts written into specs (round-trip through the parser, short).</summary>
    private const string StepFormat = "G12";

    /// <summary>Throws unless <paramref name="kind"/> is one of <see cref="SearchableKinds"/> (aliases accepted).</summary>
    /// <exception cref="ArgumentException">The kind is unknown or cannot be searched.</exception>
    public static string RequireSearchable(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        string? name = ScheduleCatalog.Find(kind)?.Name;
        if (name is null || !SearchableKinds.Contains(name))
            throw new ArgumentException($"\"{kind}\" is not a decay shape the optimizer can search; use {string.Join(", ", SearchableKinds)} (power has a second parameter, wsd and table fix the whole schedule).", nameof(kind));
        return name;
    }

    /// <summary>The spec of <paramref name="kind"/> with decay fraction <paramref name="fraction"/> under the budget, e.g. <c>wsd:stable=1800steps,decay=linear:200steps</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside (0, 1].</exception>
    public static string Spec(string kind, double fraction, int budgetSteps, int warmupSteps)
    {
        if (!(fraction > 0 && fraction <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the decay fraction must lie in (0, 1].");
        double available = budgetSteps - warmupSteps, decay = available * fraction, stable = available - decay;
        var parts = new List<string>();
        if (warmupSteps > 0) parts.Add($"warmup={warmupSteps}steps");
        if (stable > 0) parts.Add($"stable={Steps(stable)}steps");
        string decaySpec = kind switch
        {
            "constant" => "constant",
            "inverse" => $"inverse:{Steps(decay * InverseRemainingGap / (1 - InverseRemainingGap))}steps",
            _ => $"{kind}:{Steps(decay)}steps",
        };
        parts.Add("decay=" + decaySpec);
        return "wsd:" + string.Join(",", parts);
    }

    /// <summary>The schedule of <paramref name="kind"/> with fraction <paramref name="fraction"/>, bound to η_h and η_c.</summary>
    public static ILearningRateSchedule Bind(string kind, double plateauLr, double finalLr, double fraction, int budgetSteps, int warmupSteps)
        => ScheduleCatalog.Parse(Spec(kind, fraction, budgetSteps, warmupSteps)).Bind(plateauLr, finalLr);

    private static string Steps(double steps) => steps.ToString(StepFormat, CultureInfo.InvariantCulture);
}
