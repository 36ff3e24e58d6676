using System.CommandLine;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.TimeStepping;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck evolve SCENARIO --out DIR</c>: integrate the Fokker–Planck equation from plateau
/// equilibria under a learning-rate schedule and compare with the spectral prediction; with
/// <c>--verdict</c>, the plateau × schedule table of times to tolerance.
/// </summary>
internal static class EvolveCommand
{
    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON, comments allowed)." };
        var plateau = new Option<string?>("--plateau-lr") { Description = "Plateau LRs η_h to start from, comma-separated (default: the scenario's evolve.plateau_lr, else the strong Mpemba point(s) and 2η_c; with --verdict: the verdict's default set)." };
        var schedule = new Option<string[]>("--schedule")
        {
            Description = "Decay schedule KIND[:ARGS] (default: the scenario's \"schedule\", else constant); repeat the option for several with --verdict. Kinds:"
                + Environment.NewLine + ScheduleCatalog.HelpText,
        };
        var tEnd = new Option<double?>("--t-end") { Description = "End time t = steps × η (default: the scenario's evolve.t_end, else the schedule's end plus 20 slow relaxation times 1/λ₂)." };
        var initial = new Option<string?>("--initial") { Description = "Start from this density instead of π(η_h): .npy cell masses of shape (nx·ny,) or (ny, nx), normalized to mass 1." };
        var grid = GridOption.Create();
        var maxMemory = MaxMemoryOption.Create();
        var rtol = new Option<double?>("--rtol") { Description = $"Relative tolerance per cell (default {EvolutionOptions.DefaultRelativeTolerance:G})." };
        var atol = new Option<double?>("--atol") { Description = $"Absolute tolerance in units of the total mass (default {EvolutionOptions.DefaultAbsoluteTolerance:G})." };
        var scheme = new Option<string>("--scheme") { Description = $"Time-stepping scheme: {string.Join(" | ", SchemeCatalog.All.Select(s => s.Name))}.", DefaultValueFactory = _ => SchemeCatalog.Default.Name };
        var outputs = new Option<int>("--outputs") { Description = "Log-spaced output times per run (plus t = 0 and the schedule's breakpoints).", DefaultValueFactory = _ => new EvolutionOptions().OutputPoints };
        var maxSteps = new Option<int>("--max-steps") { Description = "Largest number of time steps per run (accepted and rejected); a run that needs more stops there, its results are written and the exit code is 2.", DefaultValueFactory = _ => new IntegratorOptions().MaxSteps };
        var verdict = new Option<bool>("--verdict") { Description = "Run the plateau × schedule verdict: time to tolerance per plateau and schedule, one finding per schedule." };
        var tolL1 = new Option<double?>("--tolerance-l1") { Description = "L1 tolerance of the times to tolerance (default 1e-3; the KL tolerance follows as X²/2, Pinsker)." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not write PNG figures." };
        var outDir = new Option<string>("--out") { Description = "Output folder (created only once the inputs are checked).", Required = true };
        var cmd = new Command("evolve", "Time evolution from plateau equilibria under an LR schedule: distances to π(η_c), mode amplitudes, late-time rate against λ₂/λ₃, spectral prediction; --verdict compares plateaus across schedules.");
        cmd.Arguments.Add(scenarioArg);
        foreach (var o in new Option[] { plateau, schedule, tEnd, initial, grid, rtol, atol, scheme, outputs, maxSteps, verdict, tolL1, noPlots, outDir, maxMemory }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var scenario = ScenarioLoader.Load(parse.GetValue(scenarioArg)!);
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            scenario = scenario.WithGrid(nx, ny);
            MaxMemoryOption.Enforce("evolve", scenario, null, null, parse.GetValue(maxMemory), m => m.Evolve(scenario.Mpemba.Modes));
            var options = Options(scenario, parse.GetValue(rtol), parse.GetValue(atol), parse.GetValue(scheme)!, parse.GetValue(outputs), parse.GetValue(tEnd), parse.GetValue(maxSteps));
            var tolerance = Positive(parse.GetValue(tolL1), "--tolerance-l1");
            var request = new EvolveRequest(scenario, options, EvolveInputs.ParseLearningRates(parse.GetValue(plateau), "--plateau-lr"),
                parse.GetValue(schedule) ?? [], parse.GetValue(initial), tolerance, parse.GetValue(outDir)!, !parse.GetValue(noPlots));
            return parse.GetValue(verdict) ? EvolveVerdict.Run(request) : Evolve(request);
        }));
        return cmd;
    }

    /// <summary>The plain run: one plateau after another, files rewritten as each finishes.</summary>
    private static int Evolve(EvolveRequest q)
    {
        if (q.Specs.Count > 1) throw new UsageException($"--schedule: {q.Specs.Count} schedules given; a plain run takes one (several only with --verdict).");
        var schedule = EvolveInputs.ParseSchedules(q.Specs, q.Scenario, ["constant"])[0];
        EvolveInputs.TablePlateau(schedule, q.Plateaus, q.Scenario);
        var g = q.Scenario.Problem.Grid;
        double[]? initial = q.Initial is null ? null : EvolveInputs.ReadInitial(q.Initial, g.Nx, g.Ny);
        using var session = q.OpenSession();
        double[] plateaus = EvolveInputs.Plateaus(schedule, q.Plateaus, session);
        var bound = EvolveInputs.Bind(session, plateaus, [schedule], initial is null, EvolveInputs.PlateauSource(schedule, q.Plateaus, q.Scenario)).Select(b => b[0]).ToArray();
        var tol = q.Tolerances();
        using var folderLock = OutputLock.Acquire(q.OutDir);
        EvolveSummary.Header(session);

        var runs = new List<EvolutionRun>();
        var grid = session.Setup.Grid;
        using (var cancel = CtrlC.Cancellation())
        {
            RunProgress.Run([.. bound.Select(b => $"η_h = {b.PlateauLr:G4} ({b.Spec})")], progress =>
            {
                for (int i = 0; i < bound.Length && !cancel.Token.IsCancellationRequested; i++)
                {
                    int task = i;
                    double end = EvolveInputs.EndTime(session, bound[i]), first = session.Options.FirstOutputFraction * end;
                    progress.Start(task);
                    var run = session.Run(bound[i], initial, new SyncProgress<double>(t => progress.Report(task, Math.Log(t / first) / Math.Log(end / first))), cancel.Token);
                    runs.Add(run);
                    EvolveFiles.Snapshots(q.OutDir, run, grid);
                    Write(q, session, schedule.Shape, runs, tol, complete: false);
                    progress.Finish(task);
                }
            });
        }
        Write(q, session, schedule.Shape, runs, tol, complete: runs.Count == bound.Length);
        if (q.Plots && runs.Count > 0)
        {
            string Png(string name) => Path.Combine(q.OutDir, name);
            EvolveFigures.Distances(runs, schedule.Shape.Spec, Png("distances.png"));
            EvolveFigures.Amplitudes(runs, session.Spectrum.Eigenvalues, Png("amplitudes.png"));
            EvolveFigures.Schedule(runs, q.Scenario.FinalLr, Png("schedule.png"));
            EvolveFigures.RiverMarginal(runs[0], grid, session.Equilibrium(q.Scenario.FinalLr), q.Scenario.FinalLr, Png("river_marginal.png"));
        }
        EvolveSummary.Runs(session, runs, tol, q.OutDir);
        var failed = runs.Where(r => r.Statistics.Status != IntegrationStatus.Completed).ToList();
        foreach (var r in failed)
            CommandRunner.Error($"the run from η_h = {r.PlateauLr:G6} ended with status {r.Statistics.Status} at t = {r.Statistics.FinalTime:G4} of {r.Times[^1]:G4}; what it computed is written (loosen --rtol/--atol or shorten --t-end).");
        if (runs.Count < bound.Length) CommandRunner.Error($"stopped after {runs.Count} of {bound.Length} plateaus; the finished runs are written.");
        return failed.Count == 0 && runs.Count == bound.Length ? ExitCodes.Ok : ExitCodes.NotConverged;
    }

    private static void Write(EvolveRequest q, EvolutionSession session, IScheduleShape shape, IReadOnlyList<EvolutionRun> runs, VerdictTolerances tol, bool complete)
    {
        JsonOutput.Write(Path.Combine(q.OutDir, "evolve.json"), EvolveJson.Build(session, shape, runs, tol, complete));
        EvolveFiles.Series(Path.Combine(q.OutDir, "series.csv"), runs, session.Spectrum.Count);
        EvolveFiles.RiverMarginals(Path.Combine(q.OutDir, "river_marginals.csv"), runs, session.Setup.Grid);
    }

    /// <summary>The evolution options from the command line and the scenario, each checked with the option's name.</summary>
    private static EvolutionOptions Options(Scenario scenario, double? rtol, double? atol, string scheme, int outputs, double? tEnd, int maxSteps)
    {
        if (maxSteps < 1) throw new UsageException($"--max-steps must be ≥ 1, got {maxSteps}.");
        static double Fraction(double? v, double fallback, string name)
            => v is null ? fallback : v > 0 && v < 1 ? v.Value : throw new UsageException($"{name} must lie in (0, 1), got {v}.");
        if (outputs < 2) throw new UsageException($"--outputs must be ≥ 2, got {outputs}.");
        IImplicitScheme stepper;
        try { stepper = SchemeCatalog.Get(scheme); }
        catch (ArgumentException) { throw new UsageException($"--scheme: unknown scheme \"{scheme}\"; known: {string.Join(", ", SchemeCatalog.All.Select(s => s.Name))}."); }
        return new EvolutionOptions
        {
            Integrator = new IntegratorOptions
            {
                RelativeTolerance = Fraction(rtol, EvolutionOptions.DefaultRelativeTolerance, "--rtol"),
                AbsoluteTolerance = Fraction(atol, EvolutionOptions.DefaultAbsoluteTolerance, "--atol"),
                Scheme = stepper,
                MaxSteps = maxSteps,
            },
            EndTime = EndTime(tEnd) ?? scenario.Evolve.TEnd,
            OutputPoints = outputs,
        };
    }

    private static double? Positive(double? v, string name)
        => v is null || v > 0 && double.IsFinite(v.Value) ? v : throw new UsageException($"{name} must be positive and finite, got {v}.");

    /// <summary><c>--t-end</c>: positive, finite and at most the scenario key's own cap (<see cref="ScenarioLoader.MaxEndTime"/>).</summary>
    private static double? EndTime(double? v) => v switch
    {
        null => null,
        > ScenarioLoader.MaxEndTime when double.IsFinite(v.Value) => throw new UsageException($"--t-end {v:G6} is too long; at most {ScenarioLoader.MaxEndTime:G3}."),
        > 0 when double.IsFinite(v.Value) => v,
        _ => throw new UsageException($"--t-end must be positive and finite, got {v}."),
    };
}
