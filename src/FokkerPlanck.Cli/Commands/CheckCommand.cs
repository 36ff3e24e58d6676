using System.CommandLine;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Memory;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Commands;

/// <summary><c>fokkerplanck check SCENARIO</c>: validate a scenario and the operator built from it.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON, comments allowed)." };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this path." };
        var grid = GridOption.Create();
        var strict = new Option<bool>("--strict") { Description = "Exit with code 3 when there are warnings." };
        var cmd = new Command("check", "Parse and validate a scenario; build grid and operator at the final and the highest plateau LR and report invariants and resolution.");
        cmd.Arguments.Add(scenarioArg);
        cmd.Options.Add(json);
        cmd.Options.Add(grid);
        cmd.Options.Add(strict);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var scenario = ScenarioLoader.Load(parse.GetValue(scenarioArg)!);
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            var setup = ScenarioSetup.Create(scenario, nx, ny);
            var report = ScenarioCheck.Run(setup) with { Memory = MemoryEstimates(scenario.WithGrid(nx, ny)) };
            Print(report);
            if (parse.GetValue(json) is { } path) JsonOutput.Write(path, CheckJson.Build(report));
            return report.Warnings.Count > 0 && parse.GetValue(strict) ? ExitCodes.Warnings : ExitCodes.Ok;
        }));
        return cmd;
    }

    private static void Print(ScenarioCheckReport r)
    {
        var g = r.Grid;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(r.Scenario)}[/]  {Markup.Escape(r.Landscape)}");
        AnsiConsole.MarkupLine(Markup.Escape($"grid {g}  x∈[{g.X.Min}, {g.X.Max}] (cell {g.X.MinWidth:G3}…{g.X.MaxWidth:G3})  y∈[{g.Y.Min}, {g.Y.Max}] (cell {g.Y.MinWidth:G3}…{g.Y.MaxWidth:G3})"));
        AnsiConsole.MarkupLine($"unknowns {r.Unknowns:N0}   non-zeros {r.NonZeros:N0}");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("");
        foreach (var c in r.Checks) t.AddColumn(new TableColumn($"{c.Label} (η = {c.LearningRate:G4}, T = {c.Temperature:G4})").RightAligned());
        void Row(string name, Func<TemperatureCheck, string> f) => t.AddRow([name, .. r.Checks.Select(f)]);
        Row("mass conservation residual", c => $"{c.MassResidual:E1}");
        Row("detailed balance residual", c => $"{c.DetailedBalanceResidual:E1}");
        Row("cells per equilibrium width, x", c => Fmt(c.CellsPerWidthX));
        Row("cells per equilibrium width, y", c => Fmt(c.CellsPerWidthY));
        Row("mass ≤2 cells from x walls (−/+)", c => $"{c.WallMass[0]:E1} / {c.WallMass[1]:E1}");
        Row("mass ≤2 cells from y walls (−/+)", c => $"{c.WallMass[2]:E1} / {c.WallMass[3]:E1}");
        Row("assembly time", c => $"{c.AssemblySeconds * 1000:F0} ms");
        AnsiConsole.Write(t);
        PrintMemory(r.Memory);
        if (r.Warnings.Count == 0) AnsiConsole.MarkupLine("[green]check clean[/]");
        foreach (string w in r.Warnings) AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
    }

    /// <summary>The peak-memory estimates of the commands that factorize or run ensembles, on the scenario's grid.</summary>
    private static MemoryCommandEstimate[] MemoryEstimates(Scenario scenario)
    {
        var g = GridCells.Of(scenario);
        int nx = g.Nx ?? 1, modes = scenario.Mpemba.Modes;
        var model = MemoryModel.ForGrid(nx, g.Ny);
        bool backwardLu = MemoryModel.NeedsBackwardLu(scenario);
        // the Mpemba grid study's finest grid, rounded as the study rounds it
        int Finer(int c) => c == 1 ? 1 : (int)Math.Round(c * MpembaStudyOptions.RefinementRatio);
        return
        [
            new("spectrum", model.Spectrum(modes, backwardLu: backwardLu)),
            new("mpemba", MemoryModel.ForGrid(Finer(nx), Finer(g.Ny)).Spectrum(modes, backwardLu: backwardLu)),
            new("evolve", model.Evolve(modes)),
            new("langevin", model.Langevin(EnsembleOptions.DefaultParticles, modes)),
        ];
    }

    private static void PrintMemory(IReadOnlyList<MemoryCommandEstimate> memory)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumns("command", "grid", "peak memory (estimate)", "terms");
        foreach (var m in memory)
            t.AddRow(Markup.Escape(m.Command), Markup.Escape(m.Estimate.Grid), MemoryEstimate.FormatBytes(m.Estimate.TotalBytes), Markup.Escape(m.Estimate.Describe()));
        AnsiConsole.Write(t);
    }

    private static string Fmt(double v) => double.IsFinite(v) ? $"{v:F1}" : "—";
}
