using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.ScheduleOptimization;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Tests.Analysis.ScheduleOptimization;

/// <summary>
/// A tilted double well in 1D on 96 cells (runs of a few ms): λ₂ ≈ 0.17 at η_c = 0.25, so the budget of 100
/// steps is about four slow times 1/λ₂ at η_c; the hot start's excess sits mostly in the slow mode (the wells' populations).
/// </summary>
public sealed class SmallBudgetSession : IDisposable
{
    /// <summary>The budget (the smallest that holds a decay of 1 %).</summary>
    public const int Budget = 100;

    /// <summary>The scenario.</summary>
    public static Scenario Scenario { get; } = ScenarioLoader.Parse("""
        { "landscape": { "kind": "potential1d", "U": "0.5*y^4 - y^2 + 0.3*y" }, "domain": { "y": [-3, 3] }, "grid": { "ny": 96 },
          "final_lr": 0.15, "plateau_lr": { "min": 0.16, "max": 1.5, "points": 24 }, "modes": 4 }
        """);

    public SmallBudgetSession() => Session = Open();

    public EvolutionSession Session { get; }

    /// <summary>A fresh session (its integrator starts without factors).</summary>
    public static EvolutionSession Open() => EvolutionSession.Create(Scenario, new EvolutionOptions { OutputPoints = 2, Snapshots = 0, Predict = false });

    public void Dispose() => Session.Dispose();
}

public class ScheduleOptimizerTests(SmallBudgetSession fixture) : IClassFixture<SmallBudgetSession>
{
    /// <summary>Points per coordinate of the exhaustive grid (the resolution the optimizer is held to).</summary>
    private const int FinePoints = 13;

    private static ScheduleOptimizerOptions Small(params string[] kinds) => new()
    {
        BudgetSteps = SmallBudgetSession.Budget, Kinds = kinds, PlateauPoints = 4, FractionPoints = 3, LocalEvaluations = 30, RecipeEvaluations = 8, OutputPoints = 60,
    };

    /// <summary>π(η_c) mirrored, y → −y: the mass sits in the shallow well, a start a higher plateau escapes from faster.</summary>
    private double[] WrongWell()
    {
        var p = fixture.Session.Equilibrium(fixture.Session.Scenario.FinalLr);
        Array.Reverse(p);
        return p;
    }

    [Fact]
    public void Optimizer_FindsTheOptimumOfTheExhaustiveGrid()
    {
        var options = Small("linear") with { Start = StartKind.Given };
        var result = ScheduleOptimizer.Run(fixture.Session, options, WrongWell());
        var (lo, hi) = (result.PlateauMin, result.PlateauMax);
        var exhaustive = new BudgetObjective(fixture.Session, options, WrongWell());
        var space = new SearchSpace(lo, hi, options);
        var fine = (from i in Enumerable.Range(0, FinePoints) from j in Enumerable.Range(0, FinePoints)
                    let u = (double)i / (FinePoints - 1) let v = (double)j / (FinePoints - 1)
                    select (U: u, V: v, E: exhaustive.Evaluate("linear", space.Plateau(u), SearchSpace.Fraction(v), EvaluationSource.Grid))).ToList();
        var min = fine.MinBy(p => p.E.FinalExcess);
        var found = Assert.Single(result.Shapes).Best;
        // as good as the exhaustive optimum, and within one cell of it in both coordinates
        Assert.True(found.FinalExcess <= min.E.FinalExcess * (1 + 1e-6), $"optimizer {found.FinalExcess:G6} at η_h = {found.PlateauLr:G4}, f = {found.DecayFraction:G3}; exhaustive {min.E.FinalExcess:G6} at η_h = {min.E.PlateauLr:G4}, f = {min.E.DecayFraction:G3}");
        double cell = 1.0 / (FinePoints - 1);
        double uFound = Math.Log(found.PlateauLr / lo) / Math.Log(hi / lo);
        double vFound = 1 - Math.Log(found.DecayFraction) / Math.Log(ScheduleOptimizerOptions.MinimumDecayFraction);
        Assert.InRange(uFound, min.U - cell, min.U + cell);
        Assert.InRange(vFound, min.V - cell, min.V + cell);
    }

    [Fact]
    public void Optimizer_IsDeterministic_AndNeverWorseThanARecipe()
    {
        var options = Small("cosine", "constant");
        ScheduleOptimizationResult Once()
        {
            using var session = SmallBudgetSession.Open();
            return ScheduleOptimizer.Run(session, options);
        }
        var a = Once();
        var b = Once();
        Assert.Equal(a.Evaluations.Select(e => (e.Spec, e.PlateauLr, e.FinalExcess, e.StepsToTolerance)), b.Evaluations.Select(e => (e.Spec, e.PlateauLr, e.FinalExcess, e.StepsToTolerance)));
        Assert.True(a.Complete);
        Assert.Equal(ScheduleRecipe.All.Count, a.Recipes.Count);
        var optimum = Assert.IsType<ScheduleEvaluation>(a.Optimum);
        Assert.True(optimum.FinalExcess > 0, "the hot start stays above the final equilibrium's loss on this budget");
        Assert.True(a.Shapes.Any(s => s.Best.PlateauLr > a.PlateauMin * 1.01), "a plateau above the range's bottom pays on this budget");
        foreach (var r in a.Recipes)
        {
            Assert.True(optimum.FinalExcess <= r.Best.FinalExcess, $"{r.Recipe.Label}: {r.Best.FinalExcess:G6} below the optimum {optimum.FinalExcess:G6}");
            Assert.True(r.RatioToOptimum >= 1);
            Assert.Equal(r.Recipe.Fraction, r.Best.DecayFraction, 12);
        }
        Assert.All(a.Shapes, s => Assert.True(s.Best.FinalExcess <= s.GridBest.FinalExcess));
    }

    [Fact]
    public void Curve_StartsAtTheInitialExcessAndEndsAtTheObjective()
    {
        var options = Small("linear");
        var objective = new BudgetObjective(fixture.Session, options, fixture.Session.Equilibrium(1.5));
        var e = objective.Evaluate("linear", 0.5, 0.2, EvaluationSource.Grid);
        Assert.Equal(options.OutputPoints + 1, e.Curve.ExcessLoss.Length);
        Assert.Equal(objective.InitialExcess, e.Curve.ExcessLoss[0], 12);
        Assert.Equal(e.FinalExcess, e.Curve.ExcessLoss[^1]);
        Assert.Equal(SmallBudgetSession.Budget, e.Curve.Steps[^1]);
        Assert.Equal(fixture.Session.Scenario.FinalLr, e.Curve.LearningRates[^1], 12);
        Assert.True(e.Curve.ExcessLoss[^1] < 0.5 * objective.InitialExcess);
        Assert.Same(e, objective.Evaluate("linear", 0.5, 0.2, EvaluationSource.LocalSearch));
        Assert.Single(objective.Evaluations);
    }
}
