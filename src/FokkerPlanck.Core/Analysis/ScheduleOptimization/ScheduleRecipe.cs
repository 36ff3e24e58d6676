namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>The common recipes the optimum is compared with (issue 19, item 3), each on the same budget at its best plateau.</summary>
public enum RecipeKind
{
    /// <summary>Warm-up–stable–decay with a linear decay over the last 10 % of the steps.</summary>
    WsdLinear10,

    /// <summary>Warm-up–stable–decay with a linear decay over the last 20 %.</summary>
    WsdLinear20,

    /// <summary>Cosine from η_h to the final LR over the whole budget (after warm-up).</summary>
    CosineToFinal,

    /// <summary>1/t over the whole budget, τ = N/9 (η − η_c a tenth of η_h − η_c at the end; seed 2505.10559).</summary>
    InverseTime,

    /// <summary>Constant at η_h, then an instant drop to η_c for the last 10 % (step decay with one drop).</summary>
    ConstantThenQuench,
}

/// <summary>A recipe as a point of a searched family: its decay kind and fixed decay fraction.</summary>
/// <param name="Kind">The recipe.</param>
/// <param name="DecayKind">Catalog kind of its decay.</param>
/// <param name="Fraction">Its decay fraction f (of the steps after warm-up).</param>
/// <param name="Label">For tables and legends.</param>
public sealed record ScheduleRecipe(RecipeKind Kind, string DecayKind, double Fraction, string Label)
{
    /// <summary>Every recipe, in the order tables list them.</summary>
    public static IReadOnlyList<ScheduleRecipe> All { get; } =
    [
        new(RecipeKind.WsdLinear10, "linear", 0.1, "WSD, linear decay 10 %"),
        new(RecipeKind.WsdLinear20, "linear", 0.2, "WSD, linear decay 20 %"),
        new(RecipeKind.CosineToFinal, "cosine", 1, "cosine to η_c"),
        new(RecipeKind.InverseTime, "inverse", 1, "1/t (τ = N/9)"),
        new(RecipeKind.ConstantThenQuench, "constant", 0.1, "constant, then drop (last 10 % at η_c)"),
    ];
}
