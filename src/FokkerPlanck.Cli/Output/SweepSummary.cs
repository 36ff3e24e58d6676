using FokkerPlanck.Core.Sweeps;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>Terminal tables of sweep results (stdout): one row per item, the swept coordinates, then η_h* ± error, λ₂, λ₃ and the gain.</summary>
internal static class SweepSummary
{
    /// <summary>Prints the table of <paramref name="results"/> (the whole plan for a merge, this run's items for a shard).</summary>
    public static void Print(IReadOnlyList<SweepItemResult> results, IReadOnlyList<SweepItem> plan)
    {
        if (results.Count == 0) return;
        var swept = SweepCoordinate.Swept(plan);
        var columns = swept.Count > 0 ? swept : [new SweepCoordinate(SweepAxisKind.FinalLr, "final_lr")];
        var t = new Table().Border(TableBorder.Rounded);
        foreach (var c in columns) t.AddColumn(Markup.Escape(c.Name));
        t.AddColumns("optimal plateau η_h* ± grid error", "λ₂", "λ₃", "gain λ₃/λ₂");
        foreach (var r in results)
        {
            var best = r.Optimal;
            string eta = best is null ? $"none in range (closest {r.ClosestApproachLr:G4})"
                : double.IsFinite(best.Error) ? $"{best.Lr:G5} ± {best.Error:G2}" : $"{best.Lr:G5}";
            var cells = columns.Select(c => Markup.Escape(c.Text(r.Item))).Concat([Markup.Escape(eta), $"{r.Lambda2:G4}", $"{r.Lambda3:G4}", $"{r.Gain:G4}"]);
            t.AddRow([.. cells]);
        }
        AnsiConsole.Write(t);
    }
}
