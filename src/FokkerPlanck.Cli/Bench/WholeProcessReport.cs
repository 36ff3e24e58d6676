using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

using static FokkerPlanck.Cli.Bench.BenchJson;

namespace FokkerPlanck.Cli.Bench;

/// <summary>The table and JSON of <c>bench --whole-process</c> (<see cref="WholeProcessBench"/>).</summary>
internal static class WholeProcessReport
{
    private const int RedirectedWidth = 200;

    /// <summary>All runs of one size.</summary>
    public sealed record Size(int CellsPerAxis, IReadOnlyList<WholeProcessBench.OursRun> Ours, IReadOnlyList<WholeProcessBench.PeerRun> Peer, string? PeerProblem)
    {
        /// <summary>Our fastest run.</summary>
        public WholeProcessBench.OursRun BestOurs => Ours.MinBy(r => r.WallSeconds)!;

        /// <summary>The peer's fastest run, or null.</summary>
        public WholeProcessBench.PeerRun? BestPeer => Peer.Count == 0 ? null : Peer.MinBy(r => r.WallSeconds);

        /// <summary>Peer wall time over ours (best of each), or null.</summary>
        public double? Ratio => BestPeer is { } p ? p.WallSeconds / BestOurs.WallSeconds : null;
    }

    /// <summary>Prints the comparison, the stages of our fastest run and every repetition with its load.</summary>
    public static void Print(IReadOnlyList<Size> sizes, int repeat, string loadBefore, string loadAfter)
    {
        // redirected output defaults to 80 columns, which would fold the table
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, RedirectedWidth);
        AnsiConsole.MarkupLine(Markup.Escape($"whole process, child processes, best of {repeat}: fokkerplanck spectrum (peer valley, 6 modes, --no-plots, verification and left vectors included) " +
            $"vs sqra_ref.py valley N {PeerRunner.Mode}; {Environment.ProcessorCount} CPUs, load {loadBefore} → {loadAfter}"));
        var t = new Table().Border(TableBorder.Rounded).Title("whole process (s)");
        foreach (string c in new[] { "N", "ours", "SciPy", "speed-up", "eigen", "verification", "left vectors", "start-up (to first stage)", "other (assembly, writing)", "left / eigen" })
            t.AddColumn(new TableColumn(c).RightAligned());
        foreach (var s in sizes)
        {
            var o = s.BestOurs;
            // start-up: process start to the solver's first stage, as the child measured it (spectrum.json)
            double other = o.WallSeconds - o.EigenSeconds - o.Stage("verification") - o.Stage("left_vectors") - o.Stage("startup");
            t.AddRow(s.CellsPerAxis.ToString(CultureInfo.InvariantCulture), S(o.WallSeconds), s.BestPeer is { } p ? S(p.WallSeconds) : s.PeerProblem ?? "—",
                X(s.Ratio), S(o.EigenSeconds), S(o.Stage("verification")), S(o.Stage("left_vectors")), S(o.Stage("startup")), S(other),
                $"{o.Stage("left_vectors") / o.EigenSeconds:P0}");
        }
        AnsiConsole.Write(t);
        foreach (var s in sizes)
            AnsiConsole.MarkupLine(Markup.Escape($"N = {s.CellsPerAxis}, every repetition: ours " + string.Join(", ", s.Ours.Select(o => $"{o.WallSeconds:F2} s (load {o.Load})")) +
                (s.Peer.Count > 0 ? "; SciPy " + string.Join(", ", s.Peer.Select(p => $"{p.WallSeconds:F2} s (load {p.Load})")) : "")));
    }

    /// <summary>The JSON document (every run, with its stages and load).</summary>
    public static JsonObject ToJson(IReadOnlyList<Size> sizes, string loadBefore, string loadAfter) => new()
    {
        ["tool"] = "fokkerplanck-bench-whole-process",
        ["processors"] = Environment.ProcessorCount,
        ["load_before"] = loadBefore,
        ["load_after"] = loadAfter,
        ["sizes"] = new JsonArray([.. sizes.Select(s => (JsonNode)new JsonObject
        {
            ["n"] = s.CellsPerAxis,
            ["ours_seconds"] = new JsonArray([.. s.Ours.Select(o => (JsonNode)new JsonObject { ["wall"] = o.WallSeconds, ["load"] = o.Load, ["stages"] = o.Stages.DeepClone() })]),
            ["peer_seconds"] = new JsonArray([.. s.Peer.Select(p => (JsonNode)new JsonObject { ["wall"] = p.WallSeconds, ["load"] = p.Load, ["peer"] = p.Figures.Raw.DeepClone() })]),
            ["peer_problem"] = s.PeerProblem,
            ["speedup"] = s.Ratio,
        })]),
    };
}
