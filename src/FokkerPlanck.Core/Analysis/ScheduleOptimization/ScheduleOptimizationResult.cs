namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>The search of one decay shape: its coarse grid and its local search.</summary>
/// <param name="Kind">The decay kind.</param>
/// <param name="PlateauLrs">Plateau LRs of the grid (log-spaced).</param>
/// <param name="Fractions">Decay fractions of the grid (log-spaced).</param>
/// <param name="GridExcess">The objective (<see cref="ScheduleEvaluation.Score"/>; the final excess loss by default) on the grid, [plateau index, fraction index].</param>
/// <param name="GridBest">The best grid point.</param>
/// <param name="Best">The best point of the shape (grid or local search).</param>
/// <param name="Outcome">How the local search ended.</param>
/// <param name="LocalRuns">New runs of the local search (cache hits not counted).</param>
public sealed record ShapeSearch(string Kind, double[] PlateauLrs, double[] Fractions, double[,] GridExcess, ScheduleEvaluation GridBest,
    ScheduleEvaluation Best, LocalSearchOutcome Outcome, int LocalRuns);

/// <summary>A recipe at its best plateau on the same budget.</summary>
/// <param name="Recipe">The recipe.</param>
/// <param name="Best">Its best evaluation (plateau searched: grid, then Nelder–Mead in log η_h).</param>
/// <param name="Outcome">How its plateau search ended.</param>
/// <param name="RatioToOptimum">Its final excess over the optimum's (NaN when the optimum's is ≤ 0).</param>
public sealed record RecipeResult(ScheduleRecipe Recipe, ScheduleEvaluation Best, LocalSearchOutcome Outcome, double RatioToOptimum);

/// <summary>The optimizer's answer on one budget.</summary>
/// <param name="Options">The options (budget, shapes, grids).</param>
/// <param name="PlateauMin">Lowest plateau searched.</param>
/// <param name="PlateauMax">Highest plateau searched.</param>
/// <param name="Start">The start.</param>
/// <param name="InitialLr">LR of the start's equilibrium (NaN for a given density).</param>
/// <param name="InitialExcess">Excess loss of the start.</param>
/// <param name="Shapes">Finished shape searches, in order.</param>
/// <param name="Recipes">Recipes (empty until the shapes are done).</param>
/// <param name="Optimum">The lowest final excess over every evaluation (shapes and recipes), null before the first.</param>
/// <param name="Evaluations">Every run, in order.</param>
/// <param name="Complete">False while the search is running.</param>
/// <param name="Seconds">Wall time so far.</param>
public sealed record ScheduleOptimizationResult(ScheduleOptimizerOptions Options, double PlateauMin, double PlateauMax, StartKind Start, double InitialLr,
    double InitialExcess, IReadOnlyList<ShapeSearch> Shapes, IReadOnlyList<RecipeResult> Recipes, ScheduleEvaluation? Optimum,
    IReadOnlyList<ScheduleEvaluation> Evaluations, bool Complete, double Seconds)
{
    /// <summary>True when the optimum is a recipe's own schedule (no searched schedule beat it).</summary>
    public bool OptimumIsRecipe => Optimum is { } o && Recipes.Any(r => ReferenceEquals(r.Best, o));

    /// <summary>Total wall time of the runs.</summary>
    public double RunSeconds => Evaluations.Sum(e => e.Seconds);
}
