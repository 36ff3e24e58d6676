using System.Diagnostics;
using FokkerPlanck.Core.Analysis.Evolution;

namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>
/// The schedule optimizer (issue 19, item 3): under a budget of N SGD steps, the plateau η_h, the stable
/// length, the decay shape and the decay's length that minimize the final excess loss
/// <c>E_p[L] − E_{π(η_c)}[L]</c> at step N, and the common recipes on the same budget.
/// </summary>
/// <remarks>
/// <para>Per shape, two coordinates in [0, 1]²: u → η_h log-spaced over the plateau range, v → the decay
/// fraction f log-spaced over [<see cref="ScheduleOptimizerOptions.MinimumDecayFraction"/>, 1] (the stable
/// phase takes the rest). A coarse grid (every point one run) shows the landscape and seeds a bounded
/// Nelder–Mead search (<see cref="BoundedSimplex"/>) from its best point, the first simplex one grid cell wide.
/// Each recipe fixes f, and its plateau is searched the same way in u alone. Every run goes through one
/// cached <see cref="BudgetObjective"/>, so the whole search is deterministic, and the optimum is the best
/// run of all, recipes included: it is never worse than a recipe.</para>
/// </remarks>
public static class ScheduleOptimizer
{
    /// <summary>Checks the options against the session: shapes, budget, and the equilibria the runs need (domain).</summary>
    /// <exception cref="ArgumentException">An option is out of range or a shape cannot be searched.</exception>
    /// <exception cref="Scenarios.ScenarioException">The domain truncates the equilibrium at the plateau range's top or at the initial LR.</exception>
    public static (double Min, double Max) Validate(EvolutionSession session, ScheduleOptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var range = session.Scenario.Mpemba.Plateau;
        double min = options.PlateauMin ?? range.Min, max = options.PlateauMax ?? range.Max;
        if (!(max > min)) throw new ArgumentException($"the plateau range [{min}, {max}] is empty; the highest plateau must lie above the lowest.", nameof(options));
        session.CheckDomainHolds(max, "plateau_lr");
        if (options.Start == StartKind.Equilibrium) session.CheckDomainHolds(InitialLr(session, options), "initial LR");
        return (min, max);
    }

    /// <summary>An argument exception's message without the " (Parameter 'X')" that .NET appends.</summary>
    public static string Problem(ArgumentException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
    }

    /// <summary>The LR whose equilibrium the runs start from (<see cref="StartKind.Equilibrium"/>): the option, else the top of the plateau range.</summary>
    public static double InitialLr(EvolutionSession session, ScheduleOptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        return options.InitialLr ?? options.PlateauMax ?? session.Scenario.Mpemba.Plateau.Max;
    }

    /// <summary>
    /// Runs the search: every shape (grid, then local), then every recipe. <paramref name="checkpoint"/>
    /// receives the partial result after each shape, so a long search can write what it has.
    /// </summary>
    /// <param name="session">The session (its integrator runs every evaluation).</param>
    /// <param name="options">The options.</param>
    /// <param name="initialMasses">The start for <see cref="StartKind.Given"/>; ignored (may be null) for an equilibrium start.</param>
    /// <param name="progress">(requests done, requests expected, what): the expected count assumes every local search runs to its limit.</param>
    /// <param name="checkpoint">Called with the partial result after each shape and recipe.</param>
    /// <param name="cancellation">Stops between time steps.</param>
    public static ScheduleOptimizationResult Run(EvolutionSession session, ScheduleOptimizerOptions options, double[]? initialMasses = null,
        IProgress<(int Done, int Total, string What)>? progress = null, Action<ScheduleOptimizationResult>? checkpoint = null, CancellationToken cancellation = default)
    {
        var (min, max) = Validate(session, options);
        var clock = Stopwatch.StartNew();
        double initialLr = options.Start == StartKind.Equilibrium ? InitialLr(session, options) : double.NaN;
        var start = options.Start == StartKind.Equilibrium ? session.Equilibrium(initialLr)
            : initialMasses ?? throw new ArgumentException("a given start needs the initial density.", nameof(initialMasses));
        var objective = new BudgetObjective(session, options, start);
        var space = new SearchSpace(min, max, options);
        var shapes = new List<ShapeSearch>();
        var recipes = new List<RecipeResult>();
        int total = options.Kinds.Count * (options.PlateauPoints * options.FractionPoints + options.LocalEvaluations)
                    + ScheduleRecipe.All.Count * (options.PlateauPoints + options.RecipeEvaluations);
        ScheduleOptimizationResult Result(bool complete)
        {
            var optimum = objective.Evaluations.MinBy(e => e.Score(options));
            double best = optimum?.Score(options) ?? double.NaN;
            var rated = recipes.Select(r => r with { RatioToOptimum = best > 0 ? r.Best.Score(options) / best : double.NaN }).ToList();
            return new ScheduleOptimizationResult(options, min, max, options.Start, initialLr, objective.InitialExcess, [.. shapes], rated, optimum,
                [.. objective.Evaluations], complete, clock.Elapsed.TotalSeconds);
        }
        void Report(string what) => progress?.Report((Math.Min(objective.Requests, total), total, what));
        foreach (string kind in options.Kinds.Select(BudgetSchedules.RequireSearchable).Distinct())
        {
            Report($"shape {kind}");
            shapes.Add(space.SearchShape(objective, kind, () => Report($"shape {kind}"), cancellation));
            checkpoint?.Invoke(Result(complete: false));
        }
        foreach (var recipe in ScheduleRecipe.All)
        {
            Report($"recipe {recipe.Label}");
            var (best, outcome) = space.SearchRecipe(objective, recipe, () => Report($"recipe {recipe.Label}"), cancellation);
            recipes.Add(new RecipeResult(recipe, best, outcome, double.NaN));
            checkpoint?.Invoke(Result(complete: false));
        }
        progress?.Report((total, total, "done"));
        return Result(complete: true);
    }
}
