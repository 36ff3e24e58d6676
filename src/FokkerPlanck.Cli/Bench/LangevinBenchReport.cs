using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core.Benchmarks;
using FokkerPlanck.Reporting;
using Spectre.Console;

using static FokkerPlanck.Cli.Bench.BenchJson;

namespace FokkerPlanck.Cli.Bench;

/// <summary>Terminal tables and the JSON document of a <c>bench langevin</c> run.</summary>
internal static class LangevinBenchReport
{
    private const int RedirectedWidth = 200;

    /// <summary>Prints the throughput table (ours and the peers, ratios to em_ref.py), the stage split and the sanity check.</summary>
    public static void Print(LangevinBenchRun run)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, RedirectedWidth);
        var (c, env, o0) = (run.Case, run.Environment, run.Ours[0].Best);
        AnsiConsole.MarkupLine(Markup.Escape(
            $"case {c.Name}: T {c.Temperature:G3}, start ({c.StartX:G3}, {c.StartY:G3}), walls x [{c.Walls.XMin:G3}, {c.Walls.XMax:G3}] y [{c.Walls.YMin:G3}, {c.Walls.YMax:G3}]; " +
            $"{o0.Particles:N0} particles, dt {o0.TimeStep:G3}, {o0.Method}; gradient: {c.GradientKind}; lanes {env.Simd}; " +
            $"{env.Processors} CPUs, load {env.LoadBefore} → {env.LoadAfter}"));
        var numPy = run.NumPy;
        var t = new Table().Border(TableBorder.Rounded).Title(env.Repeat > 1 ? $"particle-steps per second (ours: fastest of {env.Repeat})" : "particle-steps per second");
        foreach (string col in new[] { "run", "threads", "steps", "wall (s)", "CPU (s)", "particle-steps/s", "× em_ref.py", "load before" })
            t.AddColumn(new TableColumn(col).RightAligned());
        foreach (var r in run.Ours)
        {
            var b = r.Best;
            t.AddRow("ours", I(b.Threads), I(b.Steps), S(b.WallSeconds), S(b.CpuSeconds), G(b.ParticleStepsPerSecond), X(numPy is null ? null : LangevinBenchRun.Ratio(b, numPy)), b.Load);
        }
        foreach (var p in run.Peers)
            t.AddRow(Markup.Escape(p.Label), I(p.Threads), I(p.Steps), S(p.WallSeconds), "—", G(p.ParticleStepsPerSecond), X(numPy is null ? null : p.ParticleStepsPerSecond / numPy.ParticleStepsPerSecond), p.Load);
        AnsiConsole.Write(t);
        if (numPy is not null)
        {
            double ratio = LangevinBenchRun.Ratio(run.Fastest.Best, numPy);
            AnsiConsole.MarkupLine(Markup.Escape($"ours ({run.Fastest.Best.Threads} threads) / em_ref.py = {ratio:F1}× (goal ≥ {LangevinBenchRun.GoalRatio:F0}×: {(ratio >= LangevinBenchRun.GoalRatio ? "met" : "not met")})"));
        }
        if (run.Stages is { } s)
        {
            var st = new Table().Border(TableBorder.Rounded).Title("one thread, each stage alone on an L1-resident chunk of 256 (ns per particle-step)");
            foreach (string col in new[] { "Philox4x32-10", "uniforms + Box–Muller", "gradient", "update + walls", "sum", "rate implied", "rate measured (1 thread)" })
                st.AddColumn(new TableColumn(col).RightAligned());
            var one = run.Ours.FirstOrDefault(r => r.Best.Threads == 1)?.Best;
            st.AddRow(F(s.PhiloxNs), F(s.NormalTransformNs), F(s.GradientNs), F(s.UpdateNs), F(s.SumNs), G(s.ImpliedRate), one is null ? "—" : G(one.ParticleStepsPerSecond));
            AnsiConsole.Write(st);
        }
        PrintSanity(run.Sanity);
        foreach (string problem in run.PeerProblems) AnsiConsole.MarkupLine($"[yellow]peer:[/] {Markup.Escape(problem)}");
    }

    private static void PrintSanity(IReadOnlyList<LangevinSanity> sanity)
    {
        if (sanity.Count == 0) return;
        var t = new Table().Border(TableBorder.Rounded).Title($"sanity: ours vs each peer at the peer's steps (z = difference / standard error; agree when all |z| ≤ {LangevinSanity.ZLimit:F0})");
        foreach (string col in new[] { "peer", "steps", "ours mean (x, y)", "peer mean (x, y)", "ours var (x, y)", "peer var (x, y)", "z", "agree" })
            t.AddColumn(new TableColumn(col).RightAligned());
        foreach (var s in sanity)
            t.AddRow(Markup.Escape(s.Peer.Label), I(s.Peer.Steps), P(s.Ours.Mean), P(s.Peer.Mean), P(s.Ours.Variance), P(s.Peer.Variance),
                string.Join(" ", s.Z.Select(z => z.ToString("F1", CultureInfo.InvariantCulture))), s.Agrees ? "yes" : "[yellow]NO[/]");
        AnsiConsole.Write(t);
    }

    /// <summary>The machine-readable document.</summary>
    public static JsonObject ToJson(LangevinBenchRun run)
    {
        var numPy = run.NumPy;
        var c = run.Case;
        return new JsonObject
        {
            ["tool"] = "fokkerplanck-bench-langevin",
            ["environment"] = JsonSerializer.SerializeToNode(run.Environment, ChildProcessRunner.Json),
            ["case"] = new JsonObject
            {
                ["scenario"] = c.Name, ["gradient"] = c.GradientKind, ["temperature"] = N(c.Temperature),
                ["start"] = JsonOutput.Numbers([c.StartX, c.StartY]), ["walls"] = JsonOutput.Numbers([c.Walls.XMin, c.Walls.XMax, c.Walls.YMin, c.Walls.YMax]),
            },
            ["ours"] = new JsonArray([.. run.Ours.Select(r => (JsonNode)new JsonObject
            {
                ["threads"] = r.Best.Threads,
                ["best"] = JsonSerializer.SerializeToNode(r.Best, ChildProcessRunner.Json),
                ["repetitions"] = new JsonArray([.. r.Repetitions.Select(x => (JsonNode)new JsonObject { ["particle_steps_per_s"] = N(x.ParticleStepsPerSecond), ["load"] = x.Load })]),
            })]),
            ["stages"] = run.Stages is { } s ? new JsonObject
            {
                ["philox_ns"] = N(s.PhiloxNs), ["normal_transform_ns"] = N(s.NormalTransformNs), ["gradient_ns"] = N(s.GradientNs),
                ["update_ns"] = N(s.UpdateNs), ["sum_ns"] = N(s.SumNs), ["implied_rate"] = N(s.ImpliedRate), ["calls_per_block"] = s.Calls,
            } : null,
            ["peers"] = new JsonArray([.. run.Peers.Select(p => (JsonNode)new JsonObject { ["label"] = p.Label, ["load"] = p.Load, ["output"] = p.Raw.DeepClone() })]),
            ["peer_problems"] = new JsonArray([.. run.PeerProblems.Select(p => (JsonNode)p)]),
            ["comparison"] = new JsonObject
            {
                ["em_ref_particle_steps_per_s"] = N(numPy?.ParticleStepsPerSecond),
                ["ours_over_em_ref"] = new JsonArray([.. run.Ours.Select(r => (JsonNode)new JsonObject
                {
                    ["threads"] = r.Best.Threads, ["ratio"] = N(numPy is null ? null : LangevinBenchRun.Ratio(r.Best, numPy)),
                })]),
                ["goal_ratio"] = N(LangevinBenchRun.GoalRatio),
                ["goal_met"] = numPy is null ? null : LangevinBenchRun.Ratio(run.Fastest.Best, numPy) >= LangevinBenchRun.GoalRatio,
            },
            ["sanity"] = new JsonArray([.. run.Sanity.Select(x => (JsonNode)new JsonObject
            {
                ["peer"] = x.Peer.Label, ["steps"] = x.Peer.Steps, ["ours_mean"] = JsonOutput.Numbers(x.Ours.Mean), ["peer_mean"] = JsonOutput.Numbers(x.Peer.Mean),
                ["ours_var"] = JsonOutput.Numbers(x.Ours.Variance), ["peer_var"] = JsonOutput.Numbers(x.Peer.Variance), ["z"] = JsonOutput.Numbers(x.Z), ["agrees"] = x.Agrees,
            })]),
        };
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
    private static string G(double v) => v.ToString("0.00E+0", CultureInfo.InvariantCulture);
    private static string P(double[] v) => string.Join(", ", v.Select(x => x.ToString("G5", CultureInfo.InvariantCulture)));
}
