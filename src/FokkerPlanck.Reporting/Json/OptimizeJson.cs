using System.Text.Json.Nodes;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.ScheduleOptimization;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Reporting;

/// <summary>optimize.json and optimize.csv of <c>optimize</c> (each written atomically).</summary>
public static class OptimizeJson
{
    /// <summary>What the goal minimizes, in words.</summary>
    private static string Goal(BudgetGoal goal) => goal switch
    {
        BudgetGoal.AbsoluteExcess => "|final_excess| = |E_p[L] - E_{pi(eta_c)}[L]| at step N, minimized (closest to the final equilibrium, from either side)",
        BudgetGoal.StepsToTolerance => "steps_to_tolerance, minimized; a run that does not get there scores N + |final_excess|/tolerance",
        _ => "final_excess = E_p[L] - E_{pi(eta_c)}[L] at step N (signed: below 0 the run ends below the final equilibrium's loss), minimized",
    };

    /// <summary>The document: the session's header (as evolve.json's), the settings, every evaluation, each shape's search, the recipes and the optimum (with its curve).</summary>
    public static JsonObject Build(EvolutionSession session, ScheduleOptimizationResult r, string startDescription)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(r);
        var o = EvolveJson.Header(session);
        var opt = r.Options;
        o["conventions"] = new JsonObject
        {
            ["objective"] = Goal(opt.Goal),
            ["steps_to_tolerance"] = "first step after which |excess| stays below the tolerance up to step N; null: not within the budget",
            ["schedule"] = "wsd on SGD's clock: warm-up W steps (eta_c to eta_h), stable at eta_h for (N-W)(1-f) steps, decay KIND over the last (N-W) f steps; constant: the drop, then eta_c; inverse: tau = D/9",
            ["time"] = "t = steps x eta (the run's time); steps count SGD steps",
            ["ratio_to_optimum"] = "a recipe's objective over the optimum's (null when the optimum's is <= 0)",
            ["difference_to_optimum"] = "a recipe's objective minus the optimum's (>= 0)",
            ["grid"] = "each shape's grid holds the objective (the final excess under the default goal)",
        };
        o["settings"] = new JsonObject
        {
            ["goal"] = opt.Goal.ToString(), ["budget_steps"] = opt.BudgetSteps, ["warmup_steps"] = opt.WarmupSteps, ["shapes"] = new JsonArray([.. opt.Kinds.Select(k => (JsonNode)k)]),
            ["plateau_range"] = JsonOutput.Numbers([r.PlateauMin, r.PlateauMax]), ["decay_fraction_range"] = JsonOutput.Numbers([ScheduleOptimizerOptions.MinimumDecayFraction, 1]),
            ["grid"] = new JsonObject { ["plateau_points"] = opt.PlateauPoints, ["fraction_points"] = opt.FractionPoints },
            ["local_evaluations"] = opt.LocalEvaluations, ["recipe_evaluations"] = opt.RecipeEvaluations, ["simplex_tolerance"] = opt.SimplexTolerance,
            ["tolerance"] = opt.Tolerance, ["output_points"] = opt.OutputPoints,
            ["rtol"] = session.Integrator.Options.RelativeTolerance, ["atol"] = session.Integrator.Options.AbsoluteTolerance,
        };
        o["start"] = new JsonObject
        {
            ["kind"] = r.Start.ToString().ToLowerInvariant(), ["initial_lr"] = JsonOutput.Number(r.InitialLr),
            ["initial_excess"] = r.InitialExcess, ["description"] = startDescription,
        };
        o["complete"] = r.Complete;
        o["runs"] = r.Evaluations.Count;
        o["seconds"] = r.Seconds;
        o["optimum"] = r.Optimum is { } best ? Evaluation(best, curve: true) : null;
        o["optimum_is_recipe"] = r.OptimumIsRecipe;
        o["shapes"] = new JsonArray([.. r.Shapes.Select(s => (JsonNode)new JsonObject
        {
            ["shape"] = s.Kind, ["best"] = Evaluation(s.Best, curve: false), ["grid_best_index"] = s.GridBest.Index,
            ["local_outcome"] = s.Outcome.ToString(), ["local_runs"] = s.LocalRuns,
            ["grid"] = new JsonObject
            {
                ["plateau_lr"] = JsonOutput.Numbers(s.PlateauLrs), ["decay_fraction"] = JsonOutput.Numbers(s.Fractions),
                ["objective"] = new JsonArray([.. Enumerable.Range(0, s.PlateauLrs.Length).Select(i => (JsonNode)JsonOutput.Numbers(Enumerable.Range(0, s.Fractions.Length).Select(j => s.GridExcess[i, j])))]),
            },
        })]);
        o["recipes"] = new JsonArray([.. r.Recipes.Select(x => (JsonNode)new JsonObject
        {
            ["recipe"] = x.Recipe.Kind.ToString(), ["label"] = x.Recipe.Label, ["plateau"] = "its best (searched)", ["best"] = Evaluation(x.Best, curve: true),
            ["ratio_to_optimum"] = JsonOutput.Number(x.RatioToOptimum),
            ["difference_to_optimum"] = JsonOutput.Number(r.Optimum is { } best ? x.Best.Score(opt) - best.Score(opt) : double.NaN), ["plateau_outcome"] = x.Outcome.ToString(),
        })]);
        o["evaluations"] = new JsonArray([.. r.Evaluations.Select(e => (JsonNode)Evaluation(e, curve: false))]);
        return o;
    }

    private static JsonObject Evaluation(ScheduleEvaluation e, bool curve)
    {
        var o = new JsonObject
        {
            ["index"] = e.Index, ["shape"] = e.Kind, ["plateau_lr"] = e.PlateauLr, ["decay_fraction"] = e.DecayFraction, ["spec"] = e.Spec,
            ["final_excess"] = e.FinalExcess, ["steps_to_tolerance"] = JsonOutput.Number(e.StepsToTolerance), ["source"] = e.Source.ToString(), ["seconds"] = e.Seconds,
        };
        if (curve)
            o["curve"] = new JsonObject { ["steps"] = JsonOutput.Numbers(e.Curve.Steps), ["lr"] = JsonOutput.Numbers(e.Curve.LearningRates), ["excess"] = JsonOutput.Numbers(e.Curve.ExcessLoss) };
        return o;
    }

    /// <summary>optimize.csv: one row per evaluation, with the role it plays (optimum, a shape's best, a recipe's best).</summary>
    public static void Csv(string path, ScheduleOptimizationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        string Role(ScheduleEvaluation e)
        {
            var roles = new List<string>();
            if (ReferenceEquals(e, r.Optimum)) roles.Add("optimum");
            roles.AddRange(r.Shapes.Where(s => ReferenceEquals(s.Best, e)).Select(s => $"best {s.Kind}"));
            roles.AddRange(r.Recipes.Where(x => ReferenceEquals(x.Best, e)).Select(x => $"recipe {x.Recipe.Kind}"));
            return string.Join("; ", roles);
        }
        CsvTableWriter.Write(path, ["index", "shape", "plateau_lr", "decay_fraction", "final_excess", "steps_to_tolerance", "source", "seconds", "role", "spec"],
            r.Evaluations.Select(e => (IReadOnlyList<object?>)[e.Index, e.Kind, e.PlateauLr, e.DecayFraction, e.FinalExcess,
                double.IsFinite(e.StepsToTolerance) ? e.StepsToTolerance : null, e.Source.ToString(), e.Seconds, Role(e), e.Spec]));
    }
}
