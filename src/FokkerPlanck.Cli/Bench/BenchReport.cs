using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Reporting;
using Spectre.Console;

using static FokkerPlanck.Cli.Bench.BenchJson;

namespace FokkerPlanck.Cli.Bench;

/// <summary>Terminal tables and the JSON document of a <c>bench</c> run.</summary>
internal static class BenchReport
{
    private const int RedirectedWidth = 200;

    /// <summary>Prints the timing, memory/accuracy, stage and rate tables.</summary>
    public static void Print(IReadOnlyList<BenchRow> rows, BenchEnvironment env)
    {
        // Redirected output defaults to 80 columns, which would fold the wide tables.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, RedirectedWidth);
        AnsiConsole.MarkupLine(Markup.Escape(
            $"case {rows[0].Ours.Case}, SQRA, {rows[0].Ours.Rates.Length} modes (λ₁ = 0 included), tol {env.Tolerance:G2}, Lanczos block {rows[0].Ours.BlockSize}; " +
            $"{env.Processors} CPUs, load {env.LoadBefore} → {env.LoadAfter}; memory: {env.MemoryMethod}; " +
            $"read bandwidth {env.ReadBandwidthGBps[0]:F1} GB/s (1 thread), {env.ReadBandwidthGBps[^1]:F1} GB/s ({env.Processors} threads)"));

        var t = new Table().Border(TableBorder.Rounded).Title(env.Repeat > 1
            ? $"time (s): ours vs SciPy si_mmd, fastest of {env.Repeat} each"
            : "time (s): ours vs SciPy si_mmd");
        foreach (string c in new[] { "N", "unknowns", "ours total", "ours eigen", "SciPy build", "SciPy factor", "SciPy eig", "SciPy total", "speed-up", "eigen speed-up", "ours CPU", "SciPy CPU", "CPU ratio", "slope ours", "slope SciPy" })
            t.AddColumn(new TableColumn(c).RightAligned());
        foreach (var r in rows)
            t.AddRow(r.Ours.CellsPerAxis.ToString(CultureInfo.InvariantCulture), $"{r.Ours.Unknowns:N0}", S(r.Ours.TotalSeconds), S(r.Ours.EigenSeconds),
                S(r.Peer?.BuildSeconds), S(r.Peer?.FactorSeconds), S(r.Peer?.EigenSeconds), S(r.Peer?.TotalSeconds),
                X(r.Speedup), X(r.EigenSpeedup), S(r.Ours.CpuSeconds), S(r.Peer?.CpuSeconds), X(r.Peer is null ? null : r.Peer.CpuSeconds / r.Ours.CpuSeconds), F(r.OursSlope), F(r.PeerSlope));
        AnsiConsole.Write(t);
        if (env.Repeat > 1)
            foreach (var r in rows)
                AnsiConsole.MarkupLine(Markup.Escape($"N = {r.Ours.CellsPerAxis}, every repetition (ours / SciPy s, speed-up): " + string.Join("; ",
                    r.Repetitions.Select(x => x.Peer is { } p ? $"{x.Ours:F3} / {p:F2} ({p / x.Ours:F1}×)" : $"{x.Ours:F3} / —"))));

        var m = new Table().Border(TableBorder.Rounded).Title("memory and accuracy");
        foreach (string c in new[] { "N", "ours peak MiB", "SciPy peak MiB", "ours/SciPy", "ours resid ‖r‖/‖A‖₁", "ours resid (SciPy measure)", "SciPy resid", "max |Δλ|", "status" })
            m.AddColumn(new TableColumn(c).RightAligned());
        foreach (var r in rows)
            m.AddRow(r.Ours.CellsPerAxis.ToString(CultureInfo.InvariantCulture), $"{r.Ours.PeakMemoryMib:F0}", r.Peer is null ? "—" : $"{r.Peer.PeakMemoryMib:F0}",
                F(r.MemoryRatio), E(r.Ours.MaxResidual), E(r.Ours.MaxScipyResidual), E(r.Peer?.MaxResidual),
                E(r.RateDifferences?.Max()), r.Ours.Status);
        AnsiConsole.Write(m);

        var s = new Table().Border(TableBorder.Rounded).Title("our stages (s); extras = second solve, not in the comparison");
        foreach (string c in new[] { "N", "assembly", "ordering+symbolic", "factorization", "coarse start", "Lanczos", "post", "total", "CPU", "solves", "verify (extra)", "missed", "left vectors (extra)" })
            s.AddColumn(new TableColumn(c).RightAligned());
        foreach (var r in rows)
        {
            var o = r.Ours;
            s.AddRow(o.CellsPerAxis.ToString(CultureInfo.InvariantCulture), S(o.AssemblySeconds), S(o.OrderingSeconds), S(o.FactorizationSeconds),
                S(o.CoarseStartSeconds), S(o.IterationSeconds), S(o.PostprocessSeconds), S(o.TotalSeconds), S(o.CpuSeconds), o.Solves.ToString(CultureInfo.InvariantCulture),
                S(o.Extras?.VerificationSeconds), o.Extras?.MissedEigenvalues?.ToString(CultureInfo.InvariantCulture) ?? "—", S(o.Extras?.LeftVectorSeconds));
        }
        AnsiConsole.Write(s);

        var k = new Table().Border(TableBorder.Rounded).Title("rates λ_k: ours vs SciPy");
        foreach (string c in new[] { "N", "k", "ours", "SciPy", "|Δ|" }) k.AddColumn(new TableColumn(c).RightAligned());
        foreach (var r in rows)
            for (int i = 0; i < r.Ours.Rates.Length; i++)
                k.AddRow(i == 0 ? r.Ours.CellsPerAxis.ToString(CultureInfo.InvariantCulture) : "", (i + 1).ToString(CultureInfo.InvariantCulture),
                    r.Ours.Rates[i].ToString("R", CultureInfo.InvariantCulture),
                    r.Peer is null || i >= r.Peer.Rates.Length ? "—" : r.Peer.Rates[i].ToString("R", CultureInfo.InvariantCulture),
                    E(r.RateDifferences is { } d && i < d.Length ? d[i] : null));
        AnsiConsole.Write(k);
        foreach (var r in rows.Where(r => r.PeerProblem is not null))
            AnsiConsole.MarkupLine($"[yellow]SciPy at N = {r.Ours.CellsPerAxis}:[/] {Markup.Escape(r.PeerProblem!)}");
    }

    /// <summary>The machine-readable document: environment plus, per size, both tools' figures.</summary>
    public static JsonObject ToJson(IReadOnlyList<BenchRow> rows, BenchEnvironment env) => BenchJson.Document("fokkerplanck-bench", env, rows.Select(r => new BenchJson.Size(r.Ours.CellsPerAxis, r.Ours.Unknowns, r.Ours, r.Peer?.Raw, r.PeerProblem,
        new JsonObject
        {
            ["scipy_total_s"] = N(r.Peer?.TotalSeconds),
            ["speedup_total"] = N(r.Speedup),
            ["speedup_eigen"] = N(r.EigenSpeedup),
            ["scipy_cpu_s"] = N(r.Peer?.CpuSeconds),
            ["cpu_ratio_scipy_over_ours"] = N(r.Peer is null ? null : r.Peer.CpuSeconds / r.Ours.CpuSeconds),
            ["memory_ratio_ours_over_scipy"] = N(r.MemoryRatio),
            ["rate_abs_differences"] = r.RateDifferences is { } d ? JsonOutput.Numbers(d) : null,
            ["max_rate_abs_difference"] = N(r.RateDifferences?.Max()),
            ["scaling_exponent_ours_total"] = N(r.OursSlope),
            ["scaling_exponent_ours_eigen"] = N(r.OursEigenSlope),
            ["scaling_exponent_scipy_total"] = N(r.PeerSlope),
            ["repetitions"] = new JsonArray([.. r.Repetitions.Select(x => (JsonNode)new JsonObject
            {
                ["ours_total_s"] = N(x.Ours),
                ["scipy_total_s"] = N(x.Peer),
                ["speedup_total"] = N(x.Peer / x.Ours),
            })]),
        })));

    private static string F(double? v) => v is { } x ? x.ToString("F2", CultureInfo.InvariantCulture) : "—";
}
