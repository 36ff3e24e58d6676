using System.CommandLine;
using System.Diagnostics;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core;
using FokkerPlanck.Core.Sweeps;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Commands;

/// <summary><c>fokkerplanck sweep SWEEP.json --shard i/N --out DIR</c>: run one deterministic share of a sweep plan.</summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var sweepArg = new Argument<string>("sweep") { Description = "Sweep file (JSON, comments allowed; see docs/sweeps.md)." };
        var shardOption = new Option<string>("--shard") { Description = "Which share to run: i/N runs the items whose plan index is i modulo N (0 ≤ i < N).", DefaultValueFactory = _ => "0/1" };
        var outDir = new Option<string>("--out") { Description = "Shard folder (manifest.json, items/ID.json); a rerun into it resumes.", Required = true };
        var maxMemory = MaxMemoryOption.Create();
        var cmd = new Command("sweep", "Run one shard of a parameter sweep (final LRs × κ × grids × landscape parameters): the Mpemba analysis of each item, written as it finishes; `merge` combines the shards.");
        cmd.Arguments.Add(sweepArg);
        cmd.Options.Add(shardOption);
        cmd.Options.Add(outDir);
        cmd.Options.Add(maxMemory);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            string shardText = parse.GetValue(shardOption)!;
            if (!SweepShard.TryParse(shardText, out var shard)) throw new UsageException($"--shard: '{shardText}' is not i/N with integers 0 ≤ i < N (e.g. 0/4).");
            string sweepPath = parse.GetValue(sweepArg)!;
            var file = SweepFileLoader.Load(sweepPath);
            string dir = parse.GetValue(outDir)!;
            // the shard's peak is the Mpemba analysis on its largest grid (the grid study's finer one with it)
            int concurrent = 0;
            if (file.Plan.ItemsOf(shard).MaxBy(i => (long)(i.Grid.Nx ?? 1) * i.Grid.Ny) is { } largest)
            {
                concurrent = MaxMemoryOption.EnforceStudy("sweep", largest.ApplyTo(file.Scenario), parse.GetValue(maxMemory),
                    file.Plan.Settings.GridStudy ? Core.Analysis.Mpemba.MpembaStudyOptions.RefinementRatio : 1.0,
                    g => $"put \"{g}\" in the sweep file's grid list instead of \"{largest.Grid}\"");
            }
            using var folderLock = OutputLock.Acquire(dir);
            var folder = SweepFolder.Open(dir, file.Plan, shard, Path.GetFileName(sweepPath));
            int resumed = folder.FinishedCount, total = file.Plan.ItemsOf(shard).Count;
            var results = new List<SweepItemResult>();
            var clock = Stopwatch.StartNew();
            using (var cancel = CtrlC.Cancellation())
            {
                RunProgress.Run([$"shard {shard}: {total - resumed} items to run"], progress =>
                {
                    progress.Start(0);
                    SweepRunner.Run(file.Plan, file.Scenario, shard, folder.IsFinished, r => { folder.Write(r); results.Add(r); },
                        new SyncProgress<SweepProgress>(p => progress.Report(0, p.Total == 0 ? 1 : (double)p.Done / p.Total,
                            p.Current is null ? null : $"shard {shard}: item {p.Done + 1}/{p.Total} ({p.Current.Id})")), concurrent, cancel.Token);
                    progress.Finish(0, $"shard {shard}: {results.Count} of {total} items run ({resumed} finished before)");
                });
            }
            SweepSummary.Print(results, file.Plan.Items);
            AnsiConsole.MarkupLine(Markup.Escape($"shard {shard} of plan {file.Plan.Fingerprint}: {total} of {file.Plan.Items.Count} items ({results.Count} run now, {resumed} already done) in {clock.Elapsed.TotalSeconds:F1} s; results in {Path.GetFullPath(dir)}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
