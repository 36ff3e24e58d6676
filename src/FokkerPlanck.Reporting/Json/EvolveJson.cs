using System.Text.Json.Nodes;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Reporting;

/// <summary>The evolve.json and verdict.json documents.</summary>
public static class EvolveJson
{
    /// <summary>The conventions every evolve document states.</summary>
    private static JsonObject Conventions() => new()
    {
        ["time"] = "t = steps x eta (training time); steps = integral of dt/eta(t) (SGD steps of size eta)",
        ["temperature"] = "T = kappa * eta",
        ["distances"] = "to pi(eta_c), the equilibrium at the final LR: l1 = sum |p - pi_c|, kl = D(p || pi_c), excess_loss = E_p[L] - E_{pi_c}[L]",
        ["mode_amplitudes"] = "a_k = <v_k, p_t> for k = 2..K with the left eigenvectors at the final LR (lambda[k-1]); one array per time",
        ["snapshots"] = "snapshot_<plateau>_<k>.npy: cell masses of shape (ny, nx), cell (i, j) at row j, column i",
    };

    /// <summary>evolve.json: the scenario's spectrum and every finished run.</summary>
    public static JsonObject Build(EvolutionSession session, IScheduleShape shape, IReadOnlyList<EvolutionRun> runs, VerdictTolerances tolerances, bool complete)
    {
        var o = Header(session);
        o["schedule"] = new JsonObject { ["spec"] = shape.Spec, ["kind"] = shape.Kind, ["description"] = runs.Count > 0 ? runs[0].Schedule.Description : null };
        o["conventions"] = Conventions();
        o["tolerances"] = Tolerances(tolerances);
        o["complete"] = complete;
        o["runs"] = new JsonArray([.. runs.Select(r => (JsonNode)Run(session, r, tolerances))]);
        return o;
    }

    /// <summary>verdict.json: the plateau × schedule table and the findings.</summary>
    public static JsonObject Verdict(EvolutionSession session, IReadOnlyList<IScheduleShape> shapes, VerdictResult result)
    {
        var o = Header(session);
        o["conventions"] = Conventions();
        o["tolerances"] = Tolerances(result.Tolerances);
        o["plateaus"] = JsonOutput.Numbers(result.PlateauLrs);
        o["schedules"] = new JsonArray([.. shapes.Select(s => (JsonNode)new JsonObject { ["spec"] = s.Spec, ["kind"] = s.Kind })]);
        o["complete"] = result.Complete;
        o["rows"] = new JsonArray([.. result.Rows.Select(r => (JsonNode)new JsonObject
        {
            ["plateau_lr"] = r.PlateauLr, ["schedule"] = r.Spec, ["strong_mpemba_point"] = r.IsStrongMpembaPoint,
            ["time_l1"] = JsonOutput.Number(r.TimeL1), ["steps_l1"] = JsonOutput.Number(r.StepsL1),
            ["time_kl"] = JsonOutput.Number(r.TimeKullbackLeibler), ["time_excess_loss"] = JsonOutput.Number(r.TimeExcessLoss),
            ["late_time_rate"] = JsonOutput.Number(r.LateTimeRate), ["end_time"] = r.EndTime,
        })]);
        o["findings"] = new JsonArray([.. result.Findings.Select(f => (JsonNode)new JsonObject
        {
            ["schedule"] = f.Spec, ["outcome"] = f.Outcome.ToString(), ["advantage"] = JsonOutput.Number(f.Advantage),
            ["best_plateau_lr"] = JsonOutput.Number(f.BestPlateauLr), ["sentence"] = f.Sentence,
        })]);
        return o;
    }

    /// <summary>The eigenvalue λ_k (k ≥ 2, 1-based) closest to <paramref name="rate"/> in relative terms and (rate − λ_k)/λ_k; (0, NaN) for a NaN rate.</summary>
    public static (int Mode, double RelativeDifference) ClosestMode(double rate, IReadOnlyList<double> lambda)
    {
        if (!double.IsFinite(rate) || lambda.Count < 2) return (0, double.NaN);
        int best = Enumerable.Range(1, lambda.Count - 1).MinBy(k => Math.Abs(rate / lambda[k] - 1));
        return (best + 1, rate / lambda[best] - 1);
    }

    /// <summary>File name of snapshot <paramref name="index"/> of the run from <paramref name="plateauLr"/>.</summary>
    public static string SnapshotName(double plateauLr, int index)
        => $"snapshot_{plateauLr.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}_{index}.npy";

    /// <summary>The scenario, grid, eigenvalues, effective mode and strong Mpemba points every document of a session starts with.</summary>
    public static JsonObject Header(EvolutionSession session)
    {
        var scenario = session.Scenario;
        var g = session.Setup.Grid;
        return new JsonObject
        {
            ["scenario"] = scenario.Name,
            ["kappa"] = scenario.Kappa,
            ["final_lr"] = scenario.FinalLr,
            ["final_temperature"] = scenario.FinalTemperature,
            ["grid"] = new JsonObject { ["nx"] = g.Nx, ["ny"] = g.Ny, ["one_dimensional"] = g.IsOneDimensional },
            ["lambda"] = JsonOutput.Numbers(session.Spectrum.Eigenvalues),
            ["effective_mode"] = new JsonObject { ["index"] = session.Scan.EffectiveMode, ["rate"] = session.Scan.EffectiveRate },
            ["strong_mpemba_points"] = new JsonArray([.. session.Scan.Points.Select(p => (JsonNode)new JsonObject
            {
                ["lr"] = p.Lr, ["temperature"] = p.Temperature, ["kind"] = p.Kind, ["gain"] = JsonOutput.Number(p.Gain),
            })]),
            ["sign_rule"] = MpembaJson.SignRule,
        };
    }

    private static JsonObject Tolerances(VerdictTolerances t) => new() { ["l1"] = t.L1, ["kl"] = t.KullbackLeibler, ["excess_loss"] = t.ExcessLoss };

    private static JsonObject Run(EvolutionSession session, EvolutionRun r, VerdictTolerances tol)
    {
        var o = r.Observed;
        var lambda = session.Spectrum.Eigenvalues;
        var late = r.LateTimeRate;
        var (mode, diff) = ClosestMode(late.Rate, lambda);
        var s = r.Statistics;
        JsonObject Passage(IReadOnlyList<double> d, double tolerance)
        {
            double t = r.TimeToReach(d, tolerance);
            return new JsonObject { ["t"] = JsonOutput.Number(t), ["steps"] = JsonOutput.Number(double.IsFinite(t) ? r.Schedule.Steps(t) : double.NaN) };
        }
        return new JsonObject
        {
            ["plateau_lr"] = r.PlateauLr,
            ["initial_lr"] = r.Schedule.InitialLr,
            ["schedule"] = new JsonObject { ["spec"] = r.Schedule.Spec, ["description"] = r.Schedule.Description },
            ["end_time"] = r.Times[^1],
            ["times"] = JsonOutput.Numbers(r.Times),
            ["steps"] = JsonOutput.Numbers(r.Steps),
            ["lr"] = JsonOutput.Numbers(r.LearningRates),
            ["temperature"] = JsonOutput.Numbers(r.Temperatures),
            ["excess_loss"] = JsonOutput.Numbers(o.ExcessLoss),
            ["kl"] = JsonOutput.Numbers(o.KullbackLeibler),
            ["l1"] = JsonOutput.Numbers(o.L1),
            ["mass"] = JsonOutput.Numbers(o.Mass),
            ["minimum_mass"] = JsonOutput.Numbers(o.MinimumMass),
            ["mode_amplitudes"] = Matrix(o.Amplitudes),
            ["predicted"] = r.Predicted is { } p ? new JsonObject
            {
                ["model"] = p.Model, ["excess_loss"] = JsonOutput.Numbers(p.ExcessLoss), ["kl"] = JsonOutput.Numbers(p.KullbackLeibler),
                ["l1"] = JsonOutput.Numbers(p.L1), ["mode_amplitudes"] = Matrix(p.Amplitudes),
            } : null,
            ["late_time_rate"] = new JsonObject
            {
                ["rate"] = JsonOutput.Number(late.Rate), ["from"] = JsonOutput.Number(late.From), ["to"] = JsonOutput.Number(late.To),
                ["points"] = late.Points, ["spread"] = JsonOutput.Number(late.Spread),
                ["lambda2"] = lambda[1], ["lambda3"] = lambda.Length > 2 ? lambda[2] : null,
                ["closest_mode"] = mode > 0 ? mode : null, ["relative_difference"] = JsonOutput.Number(diff),
            },
            ["time_to_tolerance"] = new JsonObject
            {
                ["l1"] = Passage(o.L1, tol.L1), ["kl"] = Passage(o.KullbackLeibler, tol.KullbackLeibler), ["excess_loss"] = Passage(o.ExcessLoss, tol.ExcessLoss),
            },
            ["snapshots"] = new JsonArray([.. o.Snapshots.Select((snap, k) => (JsonNode)new JsonObject
            {
                ["t"] = snap.Time, ["steps"] = JsonOutput.Number(r.Schedule.Steps(snap.Time)), ["file"] = SnapshotName(r.PlateauLr, k),
            })]),
            ["statistics"] = new JsonObject
            {
                ["accepted_steps"] = s.AcceptedSteps, ["rejected_steps"] = s.RejectedSteps, ["factorizations"] = s.Factorizations,
                ["solves"] = s.Solves, ["sweeps"] = s.Sweeps, ["assemblies"] = s.Assemblies,
                ["tail_start"] = JsonOutput.Number(s.TailStart), ["tail_dimension"] = s.TailDimension, ["tail_error_bound"] = JsonOutput.Number(s.TailErrorBound),
                ["max_mass_drift"] = s.MaxMassDrift, ["most_negative_mass"] = s.MostNegativeMass, ["seconds"] = s.Seconds, ["status"] = s.Status.ToString(),
            },
        };
    }

    private static JsonArray Matrix(IEnumerable<double[]> rows) => new([.. rows.Select(a => (JsonNode)JsonOutput.Numbers(a))]);
}
