using System.CommandLine;
using FokkerPlanck.Cli.Commands;

var root = new RootCommand("fokkerplanck: Fokker–Planck spectra and Mpemba analysis of learning-rate schedules (valley–river landscapes).");
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
