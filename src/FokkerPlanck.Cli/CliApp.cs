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
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(SpectrumCommand.Create());
        root.Subcommands.Add(MpembaCommand.Create());
        root.Subcommands.Add(EvolveCommand.Create());
        root.Subcommands.Add(OptimizePlateauCommand.Create());
        root.Subcommands.Add(OptimizeCommand.Create());
        root.Subcommands.Add(LangevinCommand.Create());
        root.Subcommands.Add(CheckSamplesCommand.Create());
        root.Subcommands.Add(SgdCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args) => BuildRoot().Parse(args).Invoke();
}
