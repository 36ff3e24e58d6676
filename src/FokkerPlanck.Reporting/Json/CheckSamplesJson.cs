using System.Text.Json.Nodes;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Langevin.Comparison;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Reporting;

/// <summary>The check-samples.json document.</summary>
public static class CheckSamplesJson
{
    /// <summary>How the comparison is made (shared with <c>langevin</c>).</summary>
    public static JsonObject Method() => new()
    {
        ["grouping"] = "samples whose t (or step) values are exactly equal form one time; steps become times through the schedule",
        ["reference"] = "the Fokker-Planck solution from the equilibrium at the schedule's initial LR, following the schedule; cell masses as a piecewise-constant density",
        ["marginals"] = "G-test with Williams' correction of the particle histogram on the grid's faces against the FP marginal; adjacent bins merged until each expects >= 5 (Cochran's rule), by the expected counts only",
        ["excess_loss"] = "particles: mean of L(x, y) - E_pi[L] with its standard error; FP: sum_k p_k L(c_k) - E_pi[L], its error the quadrature difference |sum_k p_k (cell average of L - L(c_k))|; two-sided z-test",
        ["amplitudes"] = "a_k: mean of v_k at the particles' cells against <v_k, p> (left eigenvectors at the final LR); two-sided z-tests",
        ["verdict"] = "per time: Holm-Bonferroni over that time's tests at level alpha (inconsistent when any adjusted p-value <= alpha); the file is consistent when every time is",
        ["independence"] = "the tests treat the samples of one time as independent draws",
    };

    /// <summary>The document: the session header, the inputs, the method, and one entry per time.</summary>
    public static JsonObject Build(EvolutionSession session, ILearningRateSchedule schedule, SampleSet samples, SampleCheckResult result)
    {
        var o = EvolveJson.Header(session);
        o["schedule"] = new JsonObject
        {
            ["spec"] = schedule.Spec, ["description"] = schedule.Description, ["initial_lr"] = schedule.InitialLr, ["plateau_lr"] = schedule.PlateauLr,
        };
        o["samples"] = new JsonObject
        {
            ["file"] = samples.Label, ["count"] = samples.Count, ["times"] = result.RequestedTimes, ["clock"] = samples.Columns.PositionName,
            ["columns"] = new JsonArray([.. samples.Columns.Names.Select(n => (JsonNode)n)]),
        };
        o["method"] = Method();
        o["level"] = result.Level;
        o["equilibrium_loss"] = result.EquilibriumLoss;
        o["complete"] = result.Complete;
        o["verdict"] = result.Verdict.ToString();
        o["inconsistent_times"] = result.InconsistentTimes;
        o["times"] = new JsonArray([.. result.Times.Select(t => (JsonNode)Time(t))]);
        return o;
    }

    private static JsonObject Time(SampleTimeCheck t)
    {
        var o = new JsonObject { ["t"] = t.Time, ["steps"] = t.Steps is { } s ? JsonValue.Create(s) : null, ["runs"] = t.Runs };
        foreach (var (key, value) in Comparison(t.Comparison)) o[key] = value?.DeepClone();
        return o;
    }

    /// <summary>One time's comparison: verdict, tests, histograms, excess loss and amplitudes (shared with <c>langevin</c>).</summary>
    public static JsonObject Comparison(ParticleComparison c)
    {
        var loss = c.ExcessLoss;
        return new JsonObject
        {
            ["n"] = c.Count,
            ["verdict"] = c.Verdict.ToString(), ["p_value"] = c.PValue,
            ["tests"] = new JsonArray([.. c.Tests.Select(x => (JsonNode)new JsonObject
            {
                ["name"] = x.Name, ["p_value"] = x.PValue, ["adjusted_p_value"] = x.AdjustedPValue, ["verdict"] = x.Verdict.ToString(),
            })]),
            ["y_marginal"] = Marginal(c.Y),
            ["x_marginal"] = c.X is null ? null : Marginal(c.X),
            ["excess_loss"] = new JsonObject
            {
                ["particles"] = loss.Particles.Mean, ["standard_error"] = JsonOutput.Number(loss.Particles.StandardError),
                ["interval"] = JsonOutput.Numbers([loss.Interval.Low, loss.Interval.High]), ["confidence"] = loss.Interval.Level,
                ["fokker_planck"] = loss.FokkerPlanck, ["fokker_planck_error"] = loss.FokkerPlanckError,
                ["z"] = JsonOutput.Number(loss.Test.Statistic), ["p_value"] = loss.Test.PValue,
            },
            ["amplitudes"] = new JsonArray([.. c.Amplitudes.Select(a => (JsonNode)new JsonObject
            {
                ["mode"] = a.Mode, ["particles"] = a.Particles.Mean, ["standard_error"] = JsonOutput.Number(a.Particles.StandardError),
                ["fokker_planck"] = a.FokkerPlanck, ["z"] = JsonOutput.Number(a.Test.Statistic), ["p_value"] = a.Test.PValue,
            })]),
        };
    }

    private static JsonObject Marginal(MarginalComparison m)
    {
        var g = m.Test;
        return new JsonObject
        {
            ["axis"] = m.Axis, ["faces"] = JsonOutput.Numbers(m.Faces), ["counts"] = new JsonArray([.. m.Counts.Select(n => (JsonNode)n)]),
            ["expected"] = JsonOutput.Numbers(m.Expected),
            ["g"] = g.Statistic, ["williams_q"] = g.WilliamsFactor, ["g_corrected"] = g.CorrectedStatistic, ["dof"] = g.DegreesOfFreedom, ["p_value"] = g.PValue,
            ["groups"] = new JsonArray([.. g.Groups.Select(b => (JsonNode)new JsonArray(b.First, b.Last))]),
            ["merge_note"] = g.MergeNote,
        };
    }
}
