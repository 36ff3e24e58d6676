using System.Text.Json.Nodes;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Reporting;

/// <summary>The mpemba.json document.</summary>
public static class MpembaJson
{
    /// <summary>The sign convention of the left eigenvectors, stated in every result file.</summary>
    public const string SignRule = "v_k is signed so that E_pi[v_k * L] >= 0 with L the loss (U in 2D; the river loss c(y) in the river-only reduction): the mode carries excess loss with a plus sign; a_k = E_{pi(eta_h)}[v_k] with <v_j,u_k> = delta_jk and E_pi[v_k^2] = 1 at the final LR.";

    /// <summary>mpemba.json's content; <paramref name="complete"/> false for the partial file written while the study runs.</summary>
    public static JsonObject Build(Scenario scenario, MpembaStudyResult r, bool complete)
    {
        var o = Model(r.Full);
        o["complete"] = complete;
        o["scenario"] = scenario.Name;
        o["kappa"] = scenario.Kappa;
        o["sign_rule"] = SignRule;
        if (r.Reduced is not null) o["reduced_1d"] = Model(r.Reduced);
        o["sweep"] = new JsonArray([.. r.Sweep.Select(s => (JsonNode)new JsonObject
        {
            ["final_lr"] = s.FinalLr, ["lambda_eff"] = s.Lambda2,
            ["strong_2d"] = JsonOutput.Numbers(s.Strong2D), ["strong_1d"] = JsonOutput.Numbers(s.Strong1D),
        })]);
        o["seconds"] = r.Seconds;
        return o;
    }

    private static JsonObject Model(ModelAnalysis m)
    {
        var s = m.Base.Scan;
        return new JsonObject
        {
            ["final_lr"] = s.FinalLr,
            ["final_temperature"] = s.FinalTemperature,
            ["lambda"] = JsonOutput.Numbers(s.Lambda),
            ["effective_mode"] = new JsonObject
            {
                ["index"] = s.EffectiveMode, ["rate"] = s.EffectiveRate,
                ["next_index"] = s.NextMode, ["next_rate"] = JsonOutput.Number(s.NextRate),
                ["vanishing_modes"] = new JsonArray([.. s.VanishingModes.Select(v => (JsonNode)v)]),
            },
            ["strong_mpemba_points"] = new JsonArray([.. m.Points.Select(p => (JsonNode)new JsonObject
            {
                ["lr"] = p.Lr, ["temperature"] = p.Lr * s.FinalTemperature / s.FinalLr, ["error"] = JsonOutput.Number(p.Error), ["kind"] = p.Kind,
                ["gain"] = JsonOutput.Number(p.Gain), ["per_grid"] = JsonOutput.Numbers(p.PerGrid), ["observed_order"] = JsonOutput.Number(p.ObservedOrder),
            })]),
            ["closest_approach_lr"] = JsonOutput.Number(s.SmallestLr),
            ["weak_intervals"] = new JsonArray([.. s.WeakIntervals.Select(w => (JsonNode)JsonOutput.Numbers([w.From, w.To]))]),
            ["scan"] = new JsonArray([.. s.Scan.Select(p => (JsonNode)new JsonObject
            {
                ["lr"] = p.Lr, ["temperature"] = p.Temperature, ["a2"] = p.EffectiveA2, ["a3"] = JsonOutput.Number(p.NextA),
                ["weak"] = p.Weak, ["coefficients"] = JsonOutput.Numbers(p.Coefficients),
            })]),
            ["grids"] = new JsonArray([.. m.Grids.Select(g => (JsonNode)new JsonObject
            {
                ["nx"] = g.Grid.Nx, ["ny"] = g.Grid.Ny, ["one_dimensional"] = g.Grid.IsOneDimensional, ["seconds"] = g.Seconds,
                ["strong_mpemba_points"] = JsonOutput.Numbers(g.Scan.Points.Select(p => p.Lr)),
            })]),
        };
    }
}
