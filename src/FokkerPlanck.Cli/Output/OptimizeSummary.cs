using FokkerPlanck.Core.Analysis.ScheduleOptimization;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The terminal summary of <c>optimize</c> (stdout).</summary>
internal static class OptimizeSummary
{
    /// <summary>One row for the optimum, each shape's best and each recipe: plateau, decay, final excess, ratio, steps to tolerance.</summary>
    public static void Table(ScheduleOptimizationResult r, string start, string dir, bool plots)
    {
        var o = r.Optimum;
        var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"schedules for a budget of {r.Options.BudgetSteps} steps, from the {start}"));
        foreach (string c in new[] { "schedule", "η_h", "decay (steps)", "final excess", $"vs optimum ({BudgetGoalText.Name(r.Options.Goal)})", $"steps to |excess| < {r.Options.Tolerance:G2}" })
            t.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
        void Row(string name, ScheduleEvaluation e)
            => t.AddRow([.. new[]
            {
                name, $"{e.PlateauLr:G4}", $"{e.Kind} {NumberFormat.Steps((r.Options.BudgetSteps - r.Options.WarmupSteps) * e.DecayFraction)}",
                $"{e.FinalExcess:G4}", VersusOptimum(e, o, r.Options),
                double.IsFinite(e.StepsToTolerance) ? NumberFormat.Steps(e.StepsToTolerance) : "not reached",
            }.Select(Markup.Escape)]);
        if (o is not null) Row("optimum", o);
        foreach (var s in r.Shapes) Row($"best {s.Kind}{(s.Outcome == LocalSearchOutcome.EvaluationLimit ? " (limit)" : "")}", s.Best);
        foreach (var x in r.Recipes) Row(x.Recipe.Label, x.Best);
        t.Caption(Markup.Escape($"each recipe at its best plateau; {r.Evaluations.Count} runs in {r.Seconds:F0} s (runs {r.RunSeconds:F0} s); initial excess {r.InitialExcess:G3}"
            + (r.OptimumIsRecipe ? "; the optimum is a recipe's schedule" : "")));
        AnsiConsole.Write(t);
        string files = "optimize.json, optimize.csv" + (plots ? ", optimize_landscape*.png, optimize_schedules.png" : "");
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/] ({files})");
    }

    /// <summary>×ratio of the objectives when the optimum's is positive, else +difference (a ratio to a negative value reads wrong).</summary>
    private static string VersusOptimum(ScheduleEvaluation e, ScheduleEvaluation? o, ScheduleOptimizerOptions options)
        => o is null ? "" : o.Score(options) > 0 ? $"×{e.Score(options) / o.Score(options):F2}" : $"+{e.Score(options) - o.Score(options):G3}";
}
