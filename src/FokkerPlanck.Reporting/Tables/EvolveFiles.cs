using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Reporting;

/// <summary>The tables and arrays of <c>evolve</c> (each file written atomically).</summary>
public static class EvolveFiles
{
    /// <summary>series.csv: one row per plateau × output time.</summary>
    public static void Series(string path, IReadOnlyList<EvolutionRun> runs, int modes)
    {
        var header = new List<string> { "plateau_lr", "t", "steps", "lr", "temperature", "excess_loss", "kl", "l1" };
        header.AddRange(Enumerable.Range(2, modes - 1).Select(k => $"a{k}"));
        header.AddRange(["predicted_excess_loss", "predicted_l1", "predicted_kl"]);
        CsvTableWriter.Write(path, header, runs.SelectMany(r => r.Times.Select((t, i) =>
        {
            var o = r.Observed;
            var p = r.Predicted;
            var row = new List<object?> { r.PlateauLr, t, r.Steps[i], r.LearningRates[i], r.Temperatures[i], o.ExcessLoss[i], o.KullbackLeibler[i], o.L1[i] };
            row.AddRange(o.Amplitudes[i].Cast<object?>());
            row.AddRange(p is null ? [null, null, null] : [p.ExcessLoss[i], p.L1[i], p.KullbackLeibler[i]]);
            return (IReadOnlyList<object?>)row;
        })));
    }

    /// <summary>river_marginals.csv: the river (y) marginal at each snapshot time, as masses per row and densities (mass / Δy).</summary>
    public static void RiverMarginals(string path, IReadOnlyList<EvolutionRun> runs, TensorGrid grid)
    {
        var y = grid.Y.Centres.ToArray();
        var dy = grid.Y.Widths.ToArray();
        CsvTableWriter.Write(path, ["plateau_lr", "t", "y", "mass", "density"], runs.SelectMany(r =>
            SnapshotMarginals(r).SelectMany(m => y.Select((yj, j) => (IReadOnlyList<object?>)[r.PlateauLr, m.Time, yj, m.Mass[j], m.Mass[j] / dy[j]]))));
    }

    /// <summary>The river marginals of a run at its snapshot times.</summary>
    public static IEnumerable<(double Time, double[] Mass)> SnapshotMarginals(EvolutionRun run)
    {
        var o = run.Observed;
        foreach (var (time, _) in o.Snapshots)
        {
            int i = o.Times.IndexOf(time);
            if (i >= 0) yield return (time, o.RiverMarginals[i]);
        }
    }

    /// <summary>snapshot_&lt;plateau&gt;_&lt;k&gt;.npy: the run's full densities (cell masses, shape (ny, nx)).</summary>
    public static void Snapshots(string dir, EvolutionRun run, TensorGrid grid)
    {
        var snaps = run.Observed.Snapshots;
        for (int k = 0; k < snaps.Count; k++)
            NpyWriter.Write(Path.Combine(dir, EvolveJson.SnapshotName(run.PlateauLr, k)), snaps[k].Masses, grid.Ny, grid.Nx);
    }

    /// <summary>verdict.csv: one row per plateau × schedule.</summary>
    public static void Verdict(string path, VerdictResult result)
        => CsvTableWriter.Write(path,
            ["plateau_lr", "schedule", "strong_mpemba_point", "time_l1", "steps_l1", "time_kl", "time_excess_loss", "late_time_rate", "end_time"],
            result.Rows.Select(r => (IReadOnlyList<object?>)[r.PlateauLr, r.Spec, r.IsStrongMpembaPoint, r.TimeL1, r.StepsL1,
                r.TimeKullbackLeibler, r.TimeExcessLoss, r.LateTimeRate, r.EndTime]));
}
