using System.Text.Json.Nodes;
using FokkerPlanck.Core.Analysis.DynamicMpemba;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Reporting;

/// <summary>dynamic_mpemba.json and dynamic_mpemba.csv of <c>optimize-plateau</c> (each written atomically).</summary>
public static class DynamicMpembaJson
{
    /// <summary>The document: the session's header (as evolve.json's), the options, and one entry per shape × duration.</summary>
    public static JsonObject Build(EvolutionSession session, DynamicMpembaMapOptions options, DynamicMpembaMap map)
    {
        var search = options.Search;
        var integrator = session.Integrator.Options;
        var o = EvolveJson.Header(session);
        o["next_mode"] = new JsonObject { ["index"] = session.Scan.NextMode, ["rate"] = JsonOutput.Number(map.NextRate) };
        o["gain"] = JsonOutput.Number(map.Gain);
        o["conventions"] = new JsonObject
        {
            ["time"] = "t = steps x eta; durations D in the same units; duration_slow_times = D * lambda_eff",
            ["amplitude"] = "a_k = <v_k(eta_c), p(t_settle)> with p from a run from pi(eta_h) under KIND:D; the effective slowest mode's amplitude vanishes at plateau_lr",
            ["reduced_amplitude"] = "a_eff / (T_h - T_c) (the trivial zero at eta_c divided out); scan values are of this",
            ["gain"] = "lambda_next / lambda_eff: the rate of the approach after settling at a dynamic point, over the usual one",
            ["adiabatic_lr"] = "the nearest zero of the adiabatic prediction (docs/physics.md section 6), no runs",
            ["tolerance_error"] = "|root with rtol and atol 10x tighter - root|",
            ["grid_error"] = "grid convergence index from a grid sqrt(2) coarser (Roache 1994), null unless --grid-study",
            ["branch_lr"] = "the zero continuing the quench's strong point from the previous duration (nearest in log eta)",
        };
        o["options"] = new JsonObject
        {
            ["scan_points"] = search.ScanPoints, ["root_tolerance"] = search.RootTolerance, ["guided"] = search.Guided,
            ["tolerance_study"] = search.ToleranceStudy, ["tighter_factor"] = search.TighterFactor, ["grid_study"] = map.GridStudy,
            ["stop_when_none"] = options.StopWhenNone, ["rtol"] = integrator.RelativeTolerance, ["atol"] = integrator.AbsoluteTolerance,
        };
        o["kinds"] = new JsonArray([.. map.Kinds.Select(k => (JsonNode)k)]);
        o["durations"] = JsonOutput.Numbers(map.Durations);
        o["complete"] = map.Complete;
        o["runs"] = map.Runs;
        o["seconds"] = map.Seconds;
        o["entries"] = new JsonArray([.. map.Entries.Select(e => (JsonNode)Entry(e, map.EffectiveRate))]);
        return o;
    }

    private static JsonObject Entry(DynamicMpembaEntry e, double slowRate)
    {
        var o = new JsonObject
        {
            ["shape"] = e.Kind, ["duration"] = e.Duration, ["duration_slow_times"] = e.Duration * slowRate,
            ["spec"] = DynamicMpembaMapper.Spec(e.Kind, e.Duration), ["branch_lr"] = JsonOutput.Number(e.Branch?.Lr ?? double.NaN), ["note"] = e.Note,
        };
        if (e.Result is not { } r) return o;
        o["settle_time"] = r.SettleTime;
        o["runs"] = r.Runs;
        o["seconds"] = r.Seconds;
        o["full_scan"] = r.FullScan;
        o["points"] = new JsonArray([.. r.Points.Select(p => (JsonNode)new JsonObject
        {
            ["plateau_lr"] = p.Lr, ["temperature"] = p.Temperature, ["kind"] = p.Kind, ["a_next"] = JsonOutput.Number(p.NextAmplitude),
            ["residual"] = p.Residual, ["slope"] = JsonOutput.Number(p.Slope), ["gain"] = JsonOutput.Number(p.Gain),
            ["adiabatic_lr"] = JsonOutput.Number(p.AdiabaticLr), ["adiabatic_difference"] = JsonOutput.Number(p.AdiabaticDifference),
            ["tolerance_error"] = JsonOutput.Number(p.ToleranceError), ["grid_error"] = JsonOutput.Number(p.GridError),
        })]);
        o["adiabatic_roots"] = JsonOutput.Numbers(r.AdiabaticRoots);
        o["scan"] = new JsonObject { ["plateau_lr"] = JsonOutput.Numbers(r.Grid), ["adiabatic"] = JsonOutput.Numbers(r.AdiabaticValues) };
        o["measured"] = new JsonObject { ["plateau_lr"] = JsonOutput.Numbers(r.MeasuredLrs), ["reduced_amplitude"] = JsonOutput.Numbers(r.MeasuredValues) };
        return o;
    }

    /// <summary>dynamic_mpemba.csv: one row per shape × duration × zero (one row with empty point columns when there is none).</summary>
    public static void Csv(string path, DynamicMpembaMap map)
        => CsvTableWriter.Write(path,
            ["shape", "duration", "duration_slow_times", "plateau_lr", "branch", "a_next", "residual", "slope", "gain", "adiabatic_lr",
             "adiabatic_difference", "tolerance_error", "grid_error", "runs", "seconds", "note"],
            map.Entries.SelectMany(e =>
            {
                var head = new object?[] { e.Kind, e.Duration, e.Duration * map.EffectiveRate };
                var tail = new object?[] { e.Result?.Runs, e.Result?.Seconds, e.Note ?? (e.Result is { Points.Count: 0 } ? "no zero in the plateau range" : null) };
                if (e.Result is not { Points.Count: > 0 } r)
                    return [(IReadOnlyList<object?>)[.. head, null, null, null, null, null, null, null, null, null, null, .. tail]];
                return r.Points.Select(p => (IReadOnlyList<object?>)[.. head, p.Lr, ReferenceEquals(p, e.Branch), p.NextAmplitude, p.Residual, p.Slope, p.Gain,
                    p.AdiabaticLr, p.AdiabaticDifference, p.ToleranceError, p.GridError, .. tail]);
            }));
}
