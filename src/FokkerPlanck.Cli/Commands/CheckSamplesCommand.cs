using System.CommandLine;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Langevin.Comparison;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck check-samples SCENARIO SAMPLES</c>: tests a user's particle samples (positions at
/// chosen times) against the Fokker–Planck solution that starts from the plateau equilibrium and follows
/// the schedule; one verdict per time, exit code 3 when some time is inconsistent.
/// </summary>
internal static class CheckSamplesCommand
{
    /// <summary>The file written under <c>--out</c>.</summary>
    public const string JsonFile = "check-samples.json";

    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON, comments allowed)." };
        var samplesArg = new Argument<string>("samples")
        {
            Description = "Sample file: CSV with a header naming t (time) or step (SGD steps), x (absent for 1D), y and optionally run, any order; "
                + "or a float64 .npy of shape (n, k) whose columns are t,y / t,x,y / t,x,y,run by width (see --npy-columns). Samples with equal t (or step) form one time.",
        };
        var schedule = new Option<string?>("--schedule") { Description = "The LR schedule the runs followed (default: the scenario's \"schedule\", else constant). Kinds:" + Environment.NewLine + ScheduleCatalog.HelpText };
        var plateau = new Option<string?>("--plateau-lr") { Description = "The plateau LR η_h whose equilibrium the runs started from (default: a table schedule's first LR, else the scenario's evolve.plateau_lr when it names one)." };
        var grid = GridOption.Create();
        var level = new Option<double>("--level") { Description = "Significance level α of each time's verdict (Holm-corrected over its tests).", DefaultValueFactory = _ => Significance.DefaultLevel };
        var npyColumns = new Option<string?>("--npy-columns") { Description = "Column names of a .npy sample array, comma-separated, e.g. step,x,y,run." };
        var outDir = new Option<string?>("--out") { Description = $"Write {JsonFile} to this folder (created only once the inputs are checked)." };
        var cmd = new Command("check-samples", "Test particle samples (SGD/Langevin positions at chosen times) against the Fokker–Planck solution: marginal G-tests, excess loss and mode amplitudes, one Holm-corrected verdict per time.");
        cmd.Arguments.Add(scenarioArg);
        cmd.Arguments.Add(samplesArg);
        foreach (var o in new Option[] { schedule, plateau, grid, level, npyColumns, outDir }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            var scenario = ScenarioLoader.Load(parse.GetValue(scenarioArg)!).WithGrid(nx, ny);
            double alpha = parse.GetValue(level);
            if (!(alpha > 0 && alpha < 1)) throw new UsageException($"--level must lie in (0, 1), e.g. 0.01; got {alpha}.");
            string[]? names = parse.GetValue(npyColumns)?.Split(',', StringSplitOptions.TrimEntries);
            return Check(scenario, parse.GetValue(samplesArg)!, parse.GetValue(schedule), EvolveInputs.ParseLearningRates(parse.GetValue(plateau), "--plateau-lr"),
                alpha, names, parse.GetValue(outDir));
        }));
        return cmd;
    }

    private static int Check(Scenario scenario, string samplesPath, string? spec, double[]? plateaus, double level, string[]? npyColumns, string? outDir)
    {
        var schedule = EvolveInputs.ParseSchedules(spec is null ? [] : [spec], scenario, ["constant"])[0];
        double plateau = Plateau(schedule, plateaus, scenario);
        var bound = schedule.Shape.Bind(plateau, scenario.FinalLr);
        var samples = ReadSamples(scenario, samplesPath, npyColumns);
        var groups = samples.GroupByTime(bound);
        foreach (var g in groups.Where(g => g.Count < 2))
            throw new SampleFileException($"{samples.Label} {samples.LineWord} {g.FirstLine}, column \"{samples.Columns.PositionName}\"",
                $"the time {(g.Steps is { } s ? $"step = {s:G10}" : $"t = {g.Time:G10}")} has {g.Count} sample; a check needs at least 2 per time (samples with exactly equal values form one time)");

        using var session = EvolveRequest.OpenSession(scenario, new EvolutionOptions { Predict = false, Snapshots = 0 }, "check-samples");
        EvolveInputs.Bind(session, [plateau], [schedule], fromEquilibrium: true, EvolveInputs.PlateauSource(schedule, plateaus, scenario));
        double end = groups[^1].Time;
        SampleCheckResult result = null!;
        using (var cancel = CtrlC.Cancellation())
        {
            RunProgress.Run([$"Fokker–Planck from η_h = {plateau:G4} to t = {end:G4} ({groups.Count} times)"], progress =>
            {
                progress.Start(0);
                result = SampleCheck.Run(session, bound, groups, level, new SyncProgress<double>(t => progress.Report(0, end > 0 ? t / end : 1)), cancel.Token);
                progress.Finish(0);
            });
        }
        CheckSamplesSummary.Print(session, bound, samples, result, outDir);
        if (outDir is not null) JsonOutput.Write(Path.Combine(outDir, JsonFile), CheckSamplesJson.Build(session, bound, samples, result));
        if (!result.Complete)
        {
            CommandRunner.Error($"the Fokker–Planck integration stopped after {result.Times.Count} of {result.RequestedTimes} sample times; the times reached are reported.");
            return ExitCodes.NotConverged;
        }
        return result.Verdict == Verdict.Consistent ? ExitCodes.Ok : ExitCodes.Inconsistent;
    }

    /// <summary>The plateau: a table's own first LR, else the one <c>--plateau-lr</c>, else the scenario's single <c>evolve.plateau_lr</c>.</summary>
    private static double Plateau(EvolveSchedule schedule, double[]? fromOption, Scenario scenario)
    {
        if (EvolveInputs.TablePlateau(schedule, fromOption, scenario) is { } table) return table;
        if (fromOption is { Length: > 1 }) throw new UsageException($"--plateau-lr: {fromOption.Length} values given; the samples come from one plateau, give one LR.");
        if (fromOption is [var lr]) return lr;
        if (scenario.Evolve.PlateauLrs is [var fromFile]) return fromFile;
        throw new UsageException("--plateau-lr: give the plateau LR whose equilibrium the runs started from (the scenario's evolve.plateau_lr does not name exactly one).");
    }

    /// <summary>Reads the samples and checks that they lie in the scenario's domain (x required for a 2D scenario).</summary>
    private static SampleSet ReadSamples(Scenario scenario, string path, string[]? npyColumns)
    {
        var samples = SampleFile.Read(path, new SampleFileOptions { RequireX = !scenario.IsOneDimensional, NpyColumns = npyColumns });
        var (yMin, yMax) = scenario.Problem.YRange;
        var (xMin, xMax) = scenario.Problem.XRange ?? (double.NegativeInfinity, double.PositiveInfinity);
        samples.CheckInside(xMin, xMax, yMin, yMax, checkX: !scenario.IsOneDimensional);
        return samples;
    }
}
