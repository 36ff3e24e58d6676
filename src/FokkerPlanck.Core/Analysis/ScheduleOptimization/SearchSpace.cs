namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>
/// The searched coordinates of one budget: u ∈ [0, 1] → η_h = η_min (η_max/η_min)^u, v ∈ [0, 1] → the decay
/// fraction f = f_min^(1 − v) (log-spaced: decays of 1 % and 10 % of the budget differ as much as 10 % and
/// 100 %), and the searches over them.
/// </summary>
internal sealed class SearchSpace(double plateauMin, double plateauMax, ScheduleOptimizerOptions options)
{
    /// <summary>η_h at coordinate u (log-spaced over the plateau range; exactly the ends at 0 and 1).</summary>
    public double Plateau(double u) => u >= 1 ? plateauMax : plateauMin * Math.Pow(plateauMax / plateauMin, u);

    /// <summary>The decay fraction at coordinate v (log-spaced over [f_min, 1]; exactly 1 at v = 1).</summary>
    public static double Fraction(double v) => v >= 1 ? 1 : Math.Pow(ScheduleOptimizerOptions.MinimumDecayFraction, 1 - v);

    /// <summary>The spread of the grid's values (the local search's value scale); a flat grid gives the smallest positive scale.</summary>
    private static double Range(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        double range = finite.Count == 0 ? 0 : finite.Max() - finite.Min();
        return range > 0 ? range : double.Epsilon;
    }

    /// <summary>Coordinate of grid point i of n, equally spaced over [0, 1].</summary>
    private static double GridPoint(int i, int n) => (double)i / (n - 1);

    /// <summary>A shape: the coarse grid, then Nelder–Mead in (u, v) from its best point.</summary>
    public ShapeSearch SearchShape(BudgetObjective objective, string kind, Action reported, CancellationToken cancellation)
    {
        int np = options.PlateauPoints, nf = options.FractionPoints;
        var grid = new double[np, nf];
        ScheduleEvaluation? gridBest = null;
        (int I, int J) at = (0, 0);
        for (int i = 0; i < np; i++)
            for (int j = 0; j < nf; j++)
            {
                var e = objective.Evaluate(kind, Plateau(GridPoint(i, np)), Fraction(GridPoint(j, nf)), EvaluationSource.Grid, cancellation);
                grid[i, j] = e.Score(options);
                if (gridBest is null || e.Score(options) < gridBest.Score(options)) { gridBest = e; at = (i, j); }
                reported();
            }
        int before = objective.Evaluations.Count;
        var (_, _, outcome) = BoundedSimplex.Minimize(u =>
        {
            var e = objective.Evaluate(kind, Plateau(u[0]), Fraction(u[1]), EvaluationSource.LocalSearch, cancellation);
            reported();
            return e.Score(options);
        }, [GridPoint(at.I, np), GridPoint(at.J, nf)], 1.0 / (Math.Min(np, nf) - 1), gridBest!.Score(options), Range(grid.Cast<double>()),
            options.SimplexTolerance, options.LocalEvaluations);
        var best = objective.Evaluations.Where(e => e.Kind == kind).MinBy(e => e.Score(options))!;
        return new ShapeSearch(kind, [.. Enumerable.Range(0, np).Select(i => BudgetObjective.Canonical(Plateau(GridPoint(i, np))))],
            [.. Enumerable.Range(0, nf).Select(j => BudgetObjective.Canonical(Fraction(GridPoint(j, nf))))], grid, gridBest!, best, outcome, objective.Evaluations.Count - before);
    }

    /// <summary>A recipe: its plateau over the grid's plateau points, then Nelder–Mead in u from the best.</summary>
    public (ScheduleEvaluation Best, LocalSearchOutcome Outcome) SearchRecipe(BudgetObjective objective, ScheduleRecipe recipe, Action reported, CancellationToken cancellation)
    {
        int np = options.PlateauPoints;
        ScheduleEvaluation Eval(double u, EvaluationSource source)
        {
            var e = objective.Evaluate(recipe.DecayKind, Plateau(u), recipe.Fraction, source, cancellation);
            reported();
            return e;
        }
        var scan = Enumerable.Range(0, np).Select(i => (U: GridPoint(i, np), E: Eval(GridPoint(i, np), EvaluationSource.Recipe))).ToList();
        var seed = scan.MinBy(s => s.E.Score(options));
        var (_, _, outcome) = BoundedSimplex.Minimize(u => Eval(u[0], EvaluationSource.Recipe).Score(options), [seed.U], 1.0 / (np - 1),
            seed.E.Score(options), Range(scan.Select(s => s.E.Score(options))), options.SimplexTolerance, options.RecipeEvaluations);
        var best = objective.Evaluations.Where(e => e.Kind == recipe.DecayKind && e.DecayFraction == BudgetObjective.Canonical(recipe.Fraction)).MinBy(e => e.Score(options))!;
        return (best, outcome);
    }
}
