using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Reporting;
using Spectre.Console;

using static FokkerPlanck.Cli.Bench.BenchJson;

namespace FokkerPlanck.Cli.Bench;

/// <summary>Terminal tables and the JSON document of a <c>bench evolve</c> run.</summary>
internal static class EvolveBenchReport
{
    private const int RedirectedWidth = 200;

    /// <summary>Prints the comparison table, the checkpoint table and every repetition with its load.</summary>
    public static void Print(IReadOnlyList<EvolveBenchRow> rows, EvolveBenchEnvironment env)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, RedirectedWidth);
        var o0 = rows[0].Ours;
        AnsiConsole.MarkupLine(Markup.Escape(
            $"case {o0.Case}, SQRA, T {o0.HotTemperature:G3} → {o0.ColdTemperature:G3} linearly over [0, {o0.DecayTime:G4}], held to t = {o0.EndTime:G4}; " +
            $"ours TR-BDF2 rtol {env.RelativeTolerance:G2} atol {env.AbsoluteTolerance:G2}, SciPy BDF rtol {env.PeerRelativeTolerance:G2} atol 1e-12/n; " +
            $"{env.Processors} CPUs, load {env.LoadBefore} → {env.LoadAfter}; memory: {env.MemoryMethod}"));
        bool reference = rows.Any(r => r.Ours.Reference is not null);

        var t = new Table().Border(TableBorder.Rounded).Title(env.Repeat > 1
            ? $"time stepper: ours vs SciPy solve_ivp BDF, fastest of {env.Repeat} each"
            : "time stepper: ours vs SciPy solve_ivp BDF");
        var columns = new List<string>
        {
            "N", "ours (s)", "ours setup", "ours integrate", "SciPy (s)", "speed-up", "ours MiB", "SciPy MiB",
            "ours steps (acc+rej)", "ours LU", "ours solves", "SciPy nfev", "SciPy nlu", "max rel Δ excess loss",
        };
        if (reference) columns.AddRange(["ours vs tight", "SciPy vs tight"]);
        foreach (string c in columns) t.AddColumn(new TableColumn(c).RightAligned());
        foreach (var r in rows)
        {
            var o = r.Ours;
            var cells = new List<string>
            {
                o.CellsPerAxis.ToString(CultureInfo.InvariantCulture), S(o.TotalSeconds), S(o.SetupSeconds), S(o.IntegrationSeconds),
                S(r.Peer?.SolveSeconds), X(r.Speedup), $"{o.PeakMemoryMib:F0}", r.Peer is null ? "—" : $"{r.Peer.PeakMemoryMib:F0}",
                $"{o.Steps} ({o.AcceptedSteps}+{o.RejectedSteps})", I(o.Factorizations), I(o.Solves),
                I(r.Peer?.RhsEvaluations), I(r.Peer?.Factorizations),
                r.Disagrees ? $"[yellow]{E(r.MaxExcessLossDifference)} ![/]" : E(r.MaxExcessLossDifference),
            };
            if (reference)
                cells.AddRange([E(r.OursReferenceDeviations is { } a ? EvolveBenchRow.Max(a) : null), E(r.PeerReferenceDeviations is { } b ? EvolveBenchRow.Max(b) : null)]);
            t.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(t);
        if (rows.Any(r => r.Disagrees))
            AnsiConsole.MarkupLine(Markup.Escape($"! ours and SciPy's excess losses differ by more than {EvolveBenchRow.AgreementThreshold:G1} relative at some checkpoint."));

        var k = new Table().Border(TableBorder.Rounded).Title(Markup.Escape("excess loss E_p[U] − E_πc[U] at the checkpoints"));
        var kc = new List<string> { "N", "t", "ours", "SciPy", "rel Δ ours/SciPy", "ours L1", "SciPy L1" };
        if (reference) kc.AddRange(["tight (ours)", "ours vs tight", "SciPy vs tight"]);
        foreach (string c in kc) k.AddColumn(new TableColumn(c).RightAligned());
        foreach (var r in rows)
        {
            var o = r.Ours;
            for (int i = 0; i < o.Times.Length; i++)
            {
                var cells = new List<string>
                {
                    i == 0 ? o.CellsPerAxis.ToString(CultureInfo.InvariantCulture) : "", o.Times[i].ToString("G4", CultureInfo.InvariantCulture),
                    G(o.ExcessLoss[i]), G(At(r.Peer?.ExcessLoss, i)), E(At(r.ExcessLossDifferences, i)), G(o.L1[i]), G(At(r.Peer?.L1, i)),
                };
                if (reference)
                    cells.AddRange([G(At(o.Reference?.ExcessLoss, i)), E(At(r.OursReferenceDeviations, i)), E(At(r.PeerReferenceDeviations, i))]);
                k.AddRow(cells.ToArray());
            }
        }
        AnsiConsole.Write(k);
        if (reference)
            foreach (var r in rows.Where(r => r.Ours.Reference is not null))
            {
                var x = r.Ours.Reference!;
                AnsiConsole.MarkupLine(Markup.Escape($"N = {r.Ours.CellsPerAxis}, tight reference (rtol {x.RelativeTolerance:G2}, atol {x.AbsoluteTolerance:G2}): {x.Seconds:F2} s, {x.Steps} steps, {x.Factorizations} LU, {x.Status}"));
            }
        foreach (var r in rows)
            AnsiConsole.MarkupLine(Markup.Escape($"N = {r.Ours.CellsPerAxis}, every repetition (ours / SciPy s [load before each]): " + string.Join("; ",
                r.Repetitions.Select(x => x.Peer is { } p ? $"{x.Ours:F2} [{x.OursLoad}] / {p:F2} [{x.PeerLoad}]" : $"{x.Ours:F2} [{x.OursLoad}] / —"))));
        foreach (var r in rows.Where(r => r.PeerProblem is not null))
            AnsiConsole.MarkupLine($"[yellow]SciPy at N = {r.Ours.CellsPerAxis}:[/] {Markup.Escape(r.PeerProblem!)}");
    }

    /// <summary>The machine-readable document: environment plus, per size, both tools' figures and the comparisons.</summary>
    public static JsonObject ToJson(IReadOnlyList<EvolveBenchRow> rows, EvolveBenchEnvironment env) => BenchJson.Document("fokkerplanck-bench-evolve", env, rows.Select(r => new BenchJson.Size(r.Ours.CellsPerAxis, r.Ours.Unknowns, r.Ours, r.Peer?.Raw, r.PeerProblem,
        new JsonObject
        {
            ["scipy_t_solve_s"] = N(r.Peer?.SolveSeconds),
            ["speedup_total"] = N(r.Speedup),
            ["memory_ratio_ours_over_scipy"] = N(r.MemoryRatio),
            ["excess_loss_rel_differences"] = r.ExcessLossDifferences is { } d ? JsonOutput.Numbers(d) : null,
            ["max_excess_loss_rel_difference"] = N(r.MaxExcessLossDifference),
            ["excess_loss_disagrees"] = r.Peer is null ? null : r.Disagrees,
            ["ours_reference_deviations"] = r.OursReferenceDeviations is { } a ? JsonOutput.Numbers(a) : null,
            ["scipy_reference_deviations"] = r.PeerReferenceDeviations is { } b ? JsonOutput.Numbers(b) : null,
            ["repetitions"] = new JsonArray([.. r.Repetitions.Select(x => (JsonNode)new JsonObject
            {
                ["ours_total_s"] = N(x.Ours),
                ["ours_load"] = x.OursLoad,
                ["scipy_t_solve_s"] = N(x.Peer),
                ["scipy_load"] = x.PeerLoad,
            })]),
        })));

    private static double? At(double[]? values, int i) => values is not null && i < values.Length ? values[i] : null;
    private static string I(long? v) => v is { } x ? x.ToString(CultureInfo.InvariantCulture) : "—";
    private static string G(double? v) => v is { } x ? x.ToString("G6", CultureInfo.InvariantCulture) : "—";
}
