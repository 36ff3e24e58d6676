using FokkerPlanck.Core.Analysis.DynamicMpemba;
using FokkerPlanck.Core.Analysis.Evolution;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The terminal summary of <c>optimize-plateau</c> (stdout).</summary>
internal static class DynamicMpembaSummary
{
    /// <summary>The scenario line (as <c>evolve</c> prints it).</summary>
    public static void Header(EvolutionSession session) => EvolveSummary.Header(session);

    /// <summary>Durations as rows, shapes as columns: η_h* on the branch (± the larger error bar), the adiabatic estimate beside it; runs and seconds below.</summary>
    public static void Table(DynamicMpembaMap map, string dir, bool plots)
    {
        var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape("plateau LR η_h* that cancels the slow mode at the end of the decay (adiabatic estimate)"));
        t.AddColumn("D (D·λ)");
        foreach (string k in map.Kinds) t.AddColumn(new TableColumn(Markup.Escape(k)).RightAligned());
        foreach (double d in map.Durations)
        {
            var cells = map.Kinds.Select(k => map.Entries.FirstOrDefault(e => e.Kind == k && e.Duration == d) is { } e ? Cell(e) : "").ToList();
            t.AddRow([Markup.Escape($"{d:G3} ({d * map.EffectiveRate:G2})"), .. cells.Select(Markup.Escape)]);
        }
        t.Caption(Markup.Escape($"rate after settling at η_h*: λ_next = {map.NextRate:G4} instead of λ_eff = {map.EffectiveRate:G4} (gain {map.Gain:G3}); "
            + $"—: no plateau in the scanned range cancels it; {map.Runs} runs in {map.Seconds:F0} s"));
        AnsiConsole.Write(t);
        string files = "dynamic_mpemba.json, dynamic_mpemba.csv" + (plots ? ", dynamic_mpemba.png" : "");
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/] ({files})");
    }

    private static string Cell(DynamicMpembaEntry e)
    {
        if (e.Result is null) return "(not run)";
        if (e.Branch is not { } p) return "—";
        double error = Math.Max(Finite(p.ToleranceError), Finite(p.GridError));
        string main = error > 0 ? $"{p.Lr:G4} ± {error:G1}" : $"{p.Lr:G4}";
        return e.Duration > 0 && double.IsFinite(p.AdiabaticLr) ? $"{main} ({p.AdiabaticLr:G4})" : main;
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
