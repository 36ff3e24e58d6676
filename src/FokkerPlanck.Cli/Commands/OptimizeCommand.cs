using System.CommandLine;
using System.Globalization;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.ScheduleOptimization;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck optimize SCENARIO --budget-steps N --out DIR</c>: the schedule (plateau, stable length, decay shape
/// and length) that minimizes the final excess loss under a budget of SGD steps, against the common recipes.
/// </summary>
internal static class OptimizeCommand
{
    /// <summary>Option names by the option property they set (for one-line messages).</summary>
    private static readonly Dictionary<string, string> OptionOf = new()
    {
        [nameof(ScheduleOptimizerOptions.BudgetSteps)] = "--budget-steps", [nameof(ScheduleOptimizerOptions.WarmupSteps)] = "--warmup-steps",
        [nameof(ScheduleOptimizerOptions.Kinds)] = "--shapes", [nameof(ScheduleOptimizerOptions.PlateauPoints)] = "--search-grid",
        [nameof(ScheduleOptimizerOptions.PlateauMax)] = "--plateau-max", [nameof(ScheduleOptimizerOptions.InitialLr)] = "--initial-lr",
        [nameof(ScheduleOptimizerOptions.Tolerance)] = "--tolerance",
    };

    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON, comments allowed)." };
        var budget = new Option<int>("--budget-steps") { Description = "Total budget N of SGD steps (warm-up + stable + decay).", Required = true };
        var shapes = new Option<string?>("--shapes") { Description = $"Decay shapes searched, comma-separated (default {string.Join(",", ScheduleOptimizerOptions.DefaultKinds)})." };
        var grid = GridOption.Create();
        var searchGrid = new Option<string?>("--search-grid") { Description = $"Coarse grid NPxNF: plateau LRs × decay fractions, both log-spaced (default {ScheduleOptimizerOptions.DefaultPlateauPoints}x{ScheduleOptimizerOptions.DefaultFractionPoints})." };
        var warmup = new Option<int>("--warmup-steps") { Description = "Warm-up steps W (linear from η_c to η_h), part of the budget (default 0)." };
        var initial = new Option<string?>("--initial") { Description = "Start from this density: .npy cell masses of shape (nx·ny,) or (ny, nx), normalized to mass 1." };
        var initialLr = new Option<double?>("--initial-lr") { Description = "Start from the equilibrium at this LR (default: the top of the plateau range, a broad hot start)." };
        var plateauMax = new Option<double?>("--plateau-max") { Description = "Highest plateau LR searched (default: the scenario's plateau_lr max)." };
        var tolerance = new Option<double?>("--tolerance") { Description = $"|excess loss| for the steps-to-tolerance column (default {ScheduleOptimizerOptions.DefaultTolerance:G})." };
        var goal = new Option<BudgetGoal>("--objective")
        {
            Description = "What is minimized: FinalExcess (signed final excess loss, a transient dip below the final equilibrium included), AbsoluteExcess (|final excess|: converged at step N) or StepsToTolerance.",
            DefaultValueFactory = _ => BudgetGoal.FinalExcess,
        };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not write the PNG figures." };
        var outDir = new Option<string>("--out") { Description = "Output folder (created only once the inputs are checked).", Required = true };
        var cmd = new Command("optimize",
            "Schedule optimizer: the plateau LR, stable length, decay shape and decay length that minimize the final excess loss under a budget of SGD steps, against WSD, cosine, 1/t and constant-then-drop.");
        cmd.Arguments.Add(scenarioArg);
        var maxMemory = MaxMemoryOption.Create();
        foreach (var o in new Option[] { budget, shapes, grid, searchGrid, warmup, initial, initialLr, plateauMax, tolerance, goal, noPlots, outDir, maxMemory }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            if (parse.GetValue(initial) is not null && parse.GetValue(initialLr) is not null)
                throw new UsageException("--initial and --initial-lr both set the start; give one.");
            var (np, nf) = ParseSearchGrid(parse.GetValue(searchGrid));
            var options = Checked(new ScheduleOptimizerOptions
            {
                BudgetSteps = parse.GetValue(budget), WarmupSteps = parse.GetValue(warmup), Kinds = ParseShapes(parse.GetValue(shapes)),
                PlateauPoints = np, FractionPoints = nf, PlateauMax = parse.GetValue(plateauMax), InitialLr = parse.GetValue(initialLr),
                Start = parse.GetValue(initial) is null ? StartKind.Equilibrium : StartKind.Given,
                Tolerance = parse.GetValue(tolerance) ?? ScheduleOptimizerOptions.DefaultTolerance, Goal = parse.GetValue(goal),
            });
            var scenario = ScenarioLoader.Load(parse.GetValue(scenarioArg)!);
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            scenario = scenario.WithGrid(nx, ny);
            MaxMemoryOption.Enforce("optimize", scenario, null, null, parse.GetValue(maxMemory), m => m.Evolve(scenario.Mpemba.Modes));
            return Run(scenario, options, parse.GetValue(initial), parse.GetValue(outDir)!, !parse.GetValue(noPlots));
        }));
        return cmd;
    }

    /// <summary>Opens the session, checks the options and the start against it, then searches (files rewritten after each shape and recipe).</summary>
    private static int Run(Scenario scenario, ScheduleOptimizerOptions options, string? initialPath, string outDir, bool plots)
    {
        using var session = EvolveRequest.OpenSession(scenario, new EvolutionOptions { OutputPoints = 2, Snapshots = 0, Predict = false }, "optimize");
        var g = session.Setup.Grid;
        double[]? initial = initialPath is null ? null : EvolveInputs.ReadInitial(initialPath, g.Nx, g.Ny);
        try { ScheduleOptimizer.Validate(session, options); }
        catch (ArgumentException e) { throw Usage(e); }
        string start = initialPath is null
            ? $"equilibrium at η = {ScheduleOptimizer.InitialLr(session, options):G4} ({(options.InitialLr is null ? "the top of the plateau range: a broad, hot start" : "--initial-lr")})"
            : $"the density in {initialPath}";
        using var folderLock = OutputLock.Acquire(outDir);
        EvolveSummary.Header(session);
        string json = Path.Combine(outDir, "optimize.json"), csv = Path.Combine(outDir, "optimize.csv");
        void Save(ScheduleOptimizationResult r)
        {
            JsonOutput.Write(json, OptimizeJson.Build(session, r, start));
            OptimizeJson.Csv(csv, r);
        }
        var result = CountedProgress.Run("schedule optimizer", (progress, token) => ScheduleOptimizer.Run(session, options, initial, progress, Save, token),
            x => $"{x.What} ({x.Done}/≤{x.Total} evaluations)", r => $"schedule optimizer: {r.Evaluations.Count} runs");
        Save(result);
        if (plots) WriteFigures(result, outDir);
        OptimizeSummary.Table(result, start, outDir, plots);
        return ExitCodes.Ok;
    }

    private static void WriteFigures(ScheduleOptimizationResult r, string outDir)
    {
        OptimizeFigures.All(r, outDir);
    }

    /// <summary>Validates the options that need no scenario, as usage errors naming the option.</summary>
    private static ScheduleOptimizerOptions Checked(ScheduleOptimizerOptions options)
    {
        try { options.Validate(); }
        catch (ArgumentException e) { throw Usage(e); }
        return options;
    }

    /// <summary>A usage error naming the option the argument came from (when it is one).</summary>
    private static UsageException Usage(ArgumentException e)
        => new(e.ParamName is not null && OptionOf.TryGetValue(e.ParamName, out string? option) ? $"{option}: {ScheduleOptimizer.Problem(e)}" : ScheduleOptimizer.Problem(e));

    /// <summary>Parses <c>--shapes</c>: searchable kinds, comma-separated, duplicates dropped; null: the default set.</summary>
    /// <exception cref="UsageException">An entry cannot be searched.</exception>
    public static IReadOnlyList<string> ParseShapes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ScheduleOptimizerOptions.DefaultKinds;
        var kinds = new List<string>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            try { kinds.Add(BudgetSchedules.RequireSearchable(part)); }
            catch (ArgumentException e) { throw new UsageException($"--shapes: {ScheduleOptimizer.Problem(e)}"); }
        }
        return [.. kinds.Distinct()];
    }

    /// <summary>Parses <c>--search-grid NPxNF</c> (integers ≥ 2); the defaults when absent.</summary>
    /// <exception cref="UsageException">The text is not of that form.</exception>
    public static (int Plateaus, int Fractions) ParseSearchGrid(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (ScheduleOptimizerOptions.DefaultPlateauPoints, ScheduleOptimizerOptions.DefaultFractionPoints);
        var parts = text.ToLowerInvariant().Split('x');
        int Points(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= 2
            ? v : throw new UsageException($"--search-grid: '{text}' is not NPxNF with integers ≥ 2 (plateau LRs × decay fractions, e.g. 7x5).");
        return parts.Length == 2 ? (Points(parts[0]), Points(parts[1]))
            : throw new UsageException($"--search-grid: '{text}' is not NPxNF (plateau LRs × decay fractions, e.g. 7x5).");
    }
}
