using System.CommandLine;
using System.Globalization;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core.Analysis.DynamicMpemba;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck optimize-plateau SCENARIO --out DIR</c>: the dynamic strong Mpemba points, the plateau
/// LR that cancels the slow mode at the end of a decay of given shape and duration, mapped over durations.
/// </summary>
internal static class OptimizePlateauCommand
{
    /// <summary>The shapes the command maps: decays of finite duration that take one argument D.</summary>
    public static readonly string[] Shapes = DynamicMpembaMapOptions.DefaultKinds;

    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON, comments allowed)." };
        var shapes = new Option<string?>("--shapes") { Description = $"Decay shapes, comma-separated (default all: {string.Join(",", Shapes)})." };
        var durations = new Option<string?>("--durations") { Description = $"Decay durations D in time units t = steps × η, comma-separated, ≥ 0 (0: the quench). Default: 0 and {DynamicMpembaMapper.DefaultDurationCount} geometric from {DynamicMpembaMapper.ShortestDecay:G}/λ₂ to {DynamicMpembaMapper.LongestDecay:G}/λ₂." };
        var grid = GridOption.Create();
        var gridStudy = new Option<bool>("--grid-study") { Description = "Error bars from a grid √2 coarser too (one more eigen-solve, two runs per point)." };
        var noTolerance = new Option<bool>("--no-tolerance-study") { Description = "Skip the error bar from 10× tighter integrator tolerances (two runs per point)." };
        var fullScan = new Option<bool>("--full-scan") { Description = $"Bracket with runs on the whole scan ({DynamicMpembaOptions.DefaultScanPoints} plateaus), not around the adiabatic estimate first." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not write the PNG figure." };
        var outDir = new Option<string>("--out") { Description = "Output folder (created only once the inputs are checked).", Required = true };
        var cmd = new Command("optimize-plateau",
            "Dynamic strong Mpemba points: the plateau LR η_h* whose slow mode is cancelled at the end of a decay, per shape and duration (the map η_h*(D)), with the adiabatic estimate, a₃ there, the rate gain and error bars.");
        cmd.Arguments.Add(scenarioArg);
        var maxMemory = MaxMemoryOption.Create();
        foreach (var o in new Option[] { shapes, durations, grid, gridStudy, noTolerance, fullScan, noPlots, outDir, maxMemory }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var scenario = ScenarioLoader.Load(parse.GetValue(scenarioArg)!);
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            scenario = scenario.WithGrid(nx, ny);
            MaxMemoryOption.Enforce("optimize-plateau", scenario, null, null, parse.GetValue(maxMemory), m => m.Evolve(scenario.Mpemba.Modes));
            var options = new DynamicMpembaMapOptions
            {
                Kinds = ParseShapes(parse.GetValue(shapes)),
                Durations = ParseDurations(parse.GetValue(durations)),
                GridStudy = parse.GetValue(gridStudy),
                Search = new DynamicMpembaOptions { ToleranceStudy = !parse.GetValue(noTolerance), Guided = !parse.GetValue(fullScan) },
            };
            return Run(scenario, options, parse.GetValue(outDir)!, !parse.GetValue(noPlots));
        }));
        return cmd;
    }

    /// <summary>Opens the session, checks the options against it, then maps (files rewritten after each search).</summary>
    private static int Run(Scenario scenario, DynamicMpembaMapOptions options, string outDir, bool plots)
    {
        using var session = OpenSession(scenario);
        DynamicMpembaMapper.Validate(session, options);
        using var folderLock = OutputLock.Acquire(outDir);
        DynamicMpembaSummary.Header(session);
        string json = Path.Combine(outDir, "dynamic_mpemba.json"), csv = Path.Combine(outDir, "dynamic_mpemba.csv");
        void Save(DynamicMpembaMap m)
        {
            JsonOutput.Write(json, DynamicMpembaJson.Build(session, options, m));
            DynamicMpembaJson.Csv(csv, m);
        }
        var map = CountedProgress.Run("dynamic strong Mpemba points", (progress, token) => DynamicMpembaMapper.Run(session, options, progress, Save, token),
            x => x.Done < x.Total ? $"{x.Done + 1}/{x.Total}: {x.What}" : "dynamic strong Mpemba points",
            m => $"dynamic strong Mpemba points: {m.Runs} runs");
        Save(map);
        string figure = Path.Combine(outDir, DynamicMpembaFigures.MapFigure);
        if (plots) DynamicMpembaFigures.Map(map, figure);
        DynamicMpembaSummary.Table(map, outDir, plots);
        return ExitCodes.Ok;
    }

    /// <summary>The session of the map: its runs stop at the settle time and record nothing on the way (no output grid, no prediction).</summary>
    private static EvolutionSession OpenSession(Scenario scenario)
        => EvolveRequest.OpenSession(scenario, new EvolutionOptions { OutputPoints = 2, Snapshots = 0, Predict = false }, "optimize-plateau");

    /// <summary>Parses <c>--shapes</c>: known finite decays, comma-separated, duplicates dropped.</summary>
    /// <exception cref="UsageException">An entry is not one of <see cref="Shapes"/>.</exception>
    public static IReadOnlyList<string> ParseShapes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Shapes;
        var kinds = new List<string>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            string? kind = ScheduleCatalog.Find(part)?.Name;
            if (kind is null || !Shapes.Contains(kind))
                throw new UsageException($"--shapes: \"{part}\" is not a decay of finite duration D; use {string.Join(", ", Shapes)} (power and 1/t never reach the final LR, wsd and tables fix more than D).");
            if (!kinds.Contains(kind)) kinds.Add(kind);
        }
        return kinds;
    }

    /// <summary>Parses <c>--durations</c>: numbers ≥ 0 and finite; null when absent (the default set).</summary>
    /// <exception cref="UsageException">An entry is not such a number.</exception>
    public static IReadOnlyList<double>? ParseDurations(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var values = new List<double>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v >= 0) || !double.IsFinite(v))
                throw new UsageException($"--durations: \"{part}\" is not a duration; give numbers ≥ 0 in time units t = steps × η, e.g. 0,0.5,5,50.");
            values.Add(v);
        }
        return values;
    }
}
