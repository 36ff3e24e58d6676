using System.Diagnostics;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Sweeps;

/// <summary>Progress of a shard: items finished so far (this run), items this run has to do, and the item starting now.</summary>
/// <param name="Done">Items finished in this run.</param>
/// <param name="Total">Items this run has to do (the shard's items less those already finished).</param>
/// <param name="Current">The item starting now; null once all are done.</param>
public sealed record SweepProgress(int Done, int Total, SweepItem? Current);

/// <summary>Runs the work items of one shard of a <see cref="SweepPlan"/>: the Mpemba analysis of each, one after the other.</summary>
public static class SweepRunner
{
    /// <summary>Runs the shard's items that are not finished yet and hands each result over as soon as it exists.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="scenario">The scenario the plan's axes apply to.</param>
    /// <param name="shard">Which share of the plan to run.</param>
    /// <param name="isFinished">Whether an item's result already exists (resume); those items are skipped.</param>
    /// <param name="finished">Receives each result when its item is done (write it here, so an interruption loses at most the running item).</param>
    /// <param name="progress">Item-level progress.</param>
    /// <param name="concurrentSolves">An item's grid-study solves at once (<see cref="MpembaStudyOptions.ConcurrentSolves"/>: 0 one per thread); the numbers do not depend on it.</param>
    /// <param name="cancel">Checked between items.</param>
    /// <returns>The number of items run (the skipped ones not counted).</returns>
    /// <exception cref="Spectral.ConvergenceException">An eigen-solve did not converge (results of earlier items are already handed over).</exception>
    public static int Run(SweepPlan plan, Scenario scenario, SweepShard shard, Func<SweepItem, bool> isFinished, Action<SweepItemResult> finished,
        IProgress<SweepProgress>? progress = null, int concurrentSolves = 0, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(isFinished);
        ArgumentNullException.ThrowIfNull(finished);
        var todo = plan.ItemsOf(shard).Where(i => !isFinished(i)).ToArray();
        for (int k = 0; k < todo.Length; k++)
        {
            cancel.ThrowIfCancellationRequested();
            progress?.Report(new SweepProgress(k, todo.Length, todo[k]));
            finished(Analyse(todo[k], scenario, plan.Settings, concurrentSolves));
        }
        progress?.Report(new SweepProgress(todo.Length, todo.Length, null));
        return todo.Length;
    }

    /// <summary>The Mpemba analysis of one item (no final-LR sweep inside: the final LR is the item's).</summary>
    /// <param name="item">The item.</param>
    /// <param name="scenario">The sweep's scenario.</param>
    /// <param name="settings">Grid study and river-only reduction on or off.</param>
    /// <param name="concurrentSolves">The grid study's solves at once (0: one per thread).</param>
    public static SweepItemResult Analyse(SweepItem item, Scenario scenario, SweepSettings settings, int concurrentSolves = 0)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        var options = new MpembaStudyOptions { GridStudy = settings.GridStudy, Reduced1D = settings.Reduced1D, SweepPoints = 0, ConcurrentSolves = concurrentSolves };
        var study = MpembaStudy.Run(item.ApplyTo(scenario), options);
        var scan = study.Full.Base.Scan;
        return new SweepItemResult(item, study.Full.Points, study.Reduced?.Points, scan.EffectiveRate, scan.NextRate, scan.SmallestLr, clock.Elapsed.TotalSeconds);
    }
}
