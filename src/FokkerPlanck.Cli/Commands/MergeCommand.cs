using System.CommandLine;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Commands;

/// <summary><c>fokkerplanck merge DIR… --out DIR</c>: combine the shard folders of one sweep into one table and figure.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var dirsArg = new Argument<string[]>("shards") { Description = "Shard folders written by `sweep` (every shard i/N of one plan, each once).", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Output folder (sweep.csv, sweep.json, sweep.png).", Required = true };
        var cmd = new Command("merge", "Merge the shards of a sweep: check they form one whole plan, then write the table (sweep.csv, sweep.json) and the figure of the optimal plateau LR (sweep.png).");
        cmd.Arguments.Add(dirsArg);
        cmd.Options.Add(outDir);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            string dir = parse.GetValue(outDir)!;
            var merged = SweepReport.Merge(parse.GetValue(dirsArg)!, dir);
            var items = merged.Results.Select(r => r.Item).ToArray();
            SweepSummary.Print(merged.Results, items);
            AnsiConsole.MarkupLine(Markup.Escape($"plan {merged.Fingerprint}: {merged.Results.Count} items merged; results in {Path.GetFullPath(dir)} ({string.Join(", ", SweepReport.FileNames)})"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
