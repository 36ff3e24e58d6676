using FokkerPlanck.Core.Analysis.ScheduleOptimization;

namespace FokkerPlanck.Reporting;

/// <summary>The optimizer's objective in words, for tables and figures.</summary>
public static class BudgetGoalText
{
    /// <summary>A short name: "final excess loss", "|final excess loss|", "steps to tolerance".</summary>
    public static string Name(BudgetGoal goal) => goal switch
    {
        BudgetGoal.AbsoluteExcess => "|final excess loss|",
        BudgetGoal.StepsToTolerance => "steps to tolerance",
        _ => "final excess loss",
    };
}
