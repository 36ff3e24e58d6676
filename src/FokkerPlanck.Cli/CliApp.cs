using System.CommandLine;
using FokkerPlanck.Cli.Commands;

namespace FokkerPlanck.Cli;

/// <summary>Composes the commands (Program.cs only calls <see cref="Run"/>; tests call it in-process).</summary>
internal static class CliApp
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("fokkerplanck: Fokker–Planck spectra and Mpemba analysis of learning-rate schedules (valley–river landscapes).");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(SpectrumCommand.Create());
        root.Subcommands.Add(MpembaCommand.Create());
        root.Subcommands.Add(EvolveCommand.Create());
        root.Subcommands.Add(OptimizePlateauCommand.Create());
        root.Subcommands.Add(OptimizeCommand.Create());
        root.Subcommands.Add(LangevinCommand.Create());
        root.Subcommands.Add(CheckSamplesCommand.Create());
        root.Subcommands.Add(SgdCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    /// <summary>The commands without a computation to cap (bench sets its own thread counts).</summary>
    private static readonly HashSet<string> WithoutThreads = ["bench", "merge"];

    /// <summary>Parses and runs; returns the exit code (see <see cref="ExitCodes"/>). <c>--threads</c> is applied to the process first.</summary>
    public static int Run(string[] args)
    {
        var root = BuildRoot();
        foreach (var command in root.Subcommands.Where(c => !WithoutThreads.Contains(c.Name) && !c.Options.Contains(ThreadsOption.Instance)))
            command.Options.Add(ThreadsOption.Instance);
        var parse = root.Parse(args);
        int applied = CommandRunner.Run(() =>
        {
            ThreadsOption.Apply(parse);
            return ExitCodes.Ok;
        });
        return applied != ExitCodes.Ok ? applied : parse.Invoke();
    }
}
