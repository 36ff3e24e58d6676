using System.CommandLine;
using System.Globalization;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck langevin SCENARIO --out DIR</c>: a Langevin or SGD ensemble from the plateau
/// equilibrium through a schedule, compared with the Fokker–Planck solution at chosen times (one verdict
/// per time), with the loss curves and histograms.
/// </summary>
internal static class LangevinCommand
{
    /// <summary>The methods by their command-line names.</summary>
    private static readonly Dictionary<string, LangevinMethod> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["em"] = LangevinMethod.EulerMaruyama, ["lm"] = LangevinMethod.LeimkuhlerMatthews, ["sgd"] = LangevinMethod.Sgd,
    };

    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON, comments allowed)." };
        var particles = new Option<int>("--particles") { Description = "Ensemble size.", DefaultValueFactory = _ => EnsembleOptions.DefaultParticles };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the counter-based generator: the same seed gives the same numbers whatever the thread count.", DefaultValueFactory = _ => 1UL };
        var method = new Option<string>("--method") { Description = "em (Euler–Maruyama), lm (Leimkuhler–Matthews: exact valley variance) or sgd (the discrete map, step η).", DefaultValueFactory = _ => "lm" };
        var plateau = new Option<double?>("--plateau-lr") { Description = "Plateau LR η_h the ensemble starts from (default: the FP strong Mpemba point, else 2η_c)." };
        var schedule = new Option<string?>("--schedule") { Description = "LR schedule (default: the scenario's \"schedule\", else constant). Kinds:" + Environment.NewLine + ScheduleCatalog.HelpText };
        var times = new Option<string?>("--times") { Description = "Comparison times, comma-separated (default: after the schedule settles, 0.5/λ₃, 3/λ₃ and 0.25/λ₂)." };
        var initial = new Option<string?>("--initial") { Description = "Start from this density instead of π(η_h): .npy cell masses of shape (nx·ny,) or (ny, nx), normalized to mass 1 (particles drawn exactly from it)." };
        var startPoint = new Option<string?>("--start") { Description = "Start every particle at the point X,Y (the FP reference starts with all mass in that point's cell)." };
        var dt = new Option<double?>("--dt") { Description = $"Time step of em/lm (default {EnsembleOptions.DefaultStiffnessProduct:G2}/a_max)." };
        var kappa = new Option<double?>("--kappa") { Description = "Run at this κ (T = κη) with the scenario's temperatures kept (LRs scaled by κ_file/κ): SGD needs η·a_max < 2." };
        var threads = ThreadsOption.Instance;
        var level = new Option<double>("--level") { Description = "Significance level α of each time's verdict (Holm-corrected over its tests).", DefaultValueFactory = _ => Significance.DefaultLevel };
        var grid = GridOption.Create();
        var maxMemory = MaxMemoryOption.Create();
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not write PNG figures." };
        var resume = new Option<bool>("--resume") { Description = $"Continue the interrupted run in --out from its last comparison time ({EnsembleCheckpoint.MetaFile}); the options must be the same, and the numbers come out as if it had never stopped." };
        var outDir = new Option<string>("--out") { Description = "Output folder (created only once the inputs are checked).", Required = true };
        var cmd = new Command("langevin", "A Langevin/SGD particle ensemble through an LR schedule against the Fokker–Planck solution: marginals, excess loss and mode amplitudes tested at chosen times.");
        cmd.Arguments.Add(scenarioArg);
        foreach (var o in new Option[] { particles, seed, method, plateau, schedule, times, initial, startPoint, dt, kappa, threads, level, grid, noPlots, resume, outDir, maxMemory }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            var scenario = ScenarioLoader.Load(parse.GetValue(scenarioArg)!).WithGrid(nx, ny);
            if (parse.GetValue(kappa) is { } k)
                scenario = k > 0 && double.IsFinite(k) ? scenario.WithKappa(k) : throw new UsageException($"--kappa must be positive and finite, got {k.ToString(CultureInfo.InvariantCulture)}.");
            string name = parse.GetValue(method)!;
            if (!Methods.TryGetValue(name, out var m)) throw new UsageException($"--method: unknown method \"{name}\"; use em, lm or sgd.");
            if (parse.GetValue(particles) < 2) throw new UsageException($"--particles must be ≥ 2 (a standard error needs two), got {parse.GetValue(particles)}.");
            if (parse.GetValue(dt) is { } h && !(h > 0 && double.IsFinite(h))) throw new UsageException($"--dt must be positive and finite, got {h.ToString(CultureInfo.InvariantCulture)}.");
            double alpha = parse.GetValue(level);
            if (!(alpha > 0 && alpha < 1)) throw new UsageException($"--level must lie in (0, 1), e.g. 0.01; got {alpha.ToString(CultureInfo.InvariantCulture)}.");
            if (parse.GetValue(plateau) is { } p && !(p > 0 && double.IsFinite(p))) throw new UsageException($"--plateau-lr must be positive and finite, got {p.ToString(CultureInfo.InvariantCulture)}.");
            MaxMemoryOption.Enforce("langevin", scenario, null, null, parse.GetValue(maxMemory), model => model.Langevin(parse.GetValue(particles), scenario.Mpemba.Modes));
            var options = new EnsembleOptions { Method = m, Particles = parse.GetValue(particles), Seed = parse.GetValue(seed), TimeStep = parse.GetValue(dt), Threads = parse.GetValue(threads) };
            if (parse.GetValue(initial) is not null && parse.GetValue(startPoint) is not null) throw new UsageException("--initial and --start both given; the ensemble starts from one of them.");
            var request = new LangevinRequest(scenario, options, parse.GetValue(plateau), parse.GetValue(schedule), EvolveInputs.ParseLearningRates(parse.GetValue(times), "--times"),
                alpha, parse.GetValue(outDir)!, !parse.GetValue(noPlots)) { Initial = parse.GetValue(initial), Start = ParsePoint(parse.GetValue(startPoint), scenario), Resume = parse.GetValue(resume) };
            return Run(request);
        }));
        return cmd;
    }

    private static int Run(LangevinRequest q)
    {
        var shape = EvolveInputs.ParseSchedules(q.Schedule is null ? [] : [q.Schedule], q.Scenario, ["constant"])[0];
        var g = q.Scenario.Problem.Grid;
        var start = q.Initial is not null ? new EnsembleStart(EvolveInputs.ReadInitial(q.Initial, g.Nx, g.Ny), null) : q.Start is { } at ? new EnsembleStart(null, at) : null;
        using var session = EvolveRequest.OpenSession(q.Scenario, new EvolutionOptions { Predict = false, Snapshots = 0 }, "langevin");
        double plateau = EvolveInputs.TablePlateau(shape, q.PlateauLr is { } given ? [given] : null, q.Scenario)
            ?? q.PlateauLr ?? session.Scan.Points.Select(p => p.Lr).DefaultIfEmpty(EvolveInputs.ReferencePlateauFactor * q.Scenario.FinalLr).First();
        var schedule = EvolveInputs.Bind(session, [plateau], [shape], fromEquilibrium: start is null, q.PlateauLr is null ? "plateau_lr" : "--plateau-lr")[0][0];
        var validation = new EnsembleValidation(session, BlockGradient.Create(q.Scenario), q.Options, q.Level);
        CheckStability(q, schedule, validation.MaxCurvature);
        var times = q.Times ?? EnsembleValidation.DefaultTimes(session, schedule);
        string fingerprint = Fingerprint(q, schedule, validation, times);
        var checkpoint = Checkpoint(q, fingerprint);
        using var folderLock = OutputLock.Acquire(q.OutDir);
        LangevinOutput.Header(session, schedule, q.Options, validation);
        EnsembleValidationResult result = null!;
        using (var cancel = CtrlC.Cancellation())
        {
            RunProgress.Run([$"Fokker–Planck reference to t = {times[^1]:G4}", $"{q.Options.Particles:N0} particles ({q.Options.Method})"], progress =>
            {
                double end = times[^1];
                progress.Start(0);
                bool particlesStarted = false;
                void StartParticles()
                {
                    if (particlesStarted) return;
                    particlesStarted = true;
                    progress.Finish(0);
                    progress.Start(1);
                }
                var fp = new SyncProgress<double>(t => progress.Report(0, t / end));
                var particles = new SyncProgress<double>(f => { StartParticles(); progress.Report(1, f); });
                result = validation.Run(schedule, times, start, checkpoint, (partial, state) =>
                {
                    StartParticles();
                    // results first, then the checkpoint: a kill between them leaves a checkpoint one time behind the results, which a resume recomputes to the same numbers
                    LangevinFiles.Write(q.OutDir, session, schedule, q.Options, validation, partial);
                    EnsembleCheckpoint.Save(q.OutDir, fingerprint, q.Options.Seed, state, partial);
                }, fp, particles, cancel.Token);
                StartParticles();
                progress.Finish(1);
            });
        }
        LangevinFiles.Write(q.OutDir, session, schedule, q.Options, validation, result);
        if (result.Complete) EnsembleCheckpoint.Delete(q.OutDir);
        if (q.Plots) LangevinFigures.All(q.OutDir, session, result, q.Options);
        LangevinOutput.Summary(session, result, q.Level, q.OutDir);
        if (!result.Complete)
        {
            CommandRunner.Error($"stopped after {result.Times.Count} of {times.Length} comparison times; those reached are written.");
            return ExitCodes.NotConverged;
        }
        return result.Times.All(t => t.Comparison.Verdict == Verdict.Consistent) ? ExitCodes.Ok : ExitCodes.Inconsistent;
    }

    /// <summary>Everything that decides the numbers of a run, as one string: a resumed run must match it.</summary>
    private static string Fingerprint(LangevinRequest q, ILearningRateSchedule schedule, EnsembleValidation validation, double[] times)
    {
        var g = q.Scenario.Problem.Grid;
        string start = q.Initial is not null ? $"initial {Path.GetFullPath(q.Initial)}" : q.Start is { } p ? $"point {p.X:R},{p.Y:R}" : "equilibrium";
        return string.Join("; ", $"scenario {q.Scenario.Name} {g.Nx}x{g.Ny} kappa {q.Scenario.Kappa:R}", $"method {q.Options.Method}", $"particles {q.Options.Particles}",
            $"seed {q.Options.Seed}", $"dt {validation.TimeStep:R}", $"schedule {schedule.Spec} from {schedule.PlateauLr:R} to {schedule.FinalLr:R}",
            $"times {string.Join(",", times.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))}", $"level {q.Level:R}", $"start {start}");
    }

    /// <summary>The checkpoint to continue from with <c>--resume</c> (refused when absent or from other settings); without it, a stale checkpoint is announced and replaced.</summary>
    private static EnsembleCheckpoint? Checkpoint(LangevinRequest q, string fingerprint)
    {
        EnsembleCheckpoint? found;
        try { found = EnsembleCheckpoint.Load(q.OutDir, q.Options.Seed); }
        catch (InvalidDataException e) { throw new UsageException($"--resume: {e.Message}"); }
        if (!q.Resume)
        {
            if (found is not null) CommandRunner.Warning($"{q.OutDir} holds the checkpoint of an interrupted run; it is replaced (give --resume to continue it instead).");
            return null;
        }
        if (found is null) throw new UsageException($"--resume: there is no checkpoint in {q.OutDir} (the run there finished, or never reached its first comparison time).");
        if (found.Fingerprint != fingerprint)
            throw new UsageException($"--resume: the checkpoint in {q.OutDir} was written by another run ({found.Fingerprint}); this one is ({fingerprint}). Give the same options, or drop --resume to start over.");
        return found;
    }

    /// <summary>X,Y inside the scenario's box (y alone for 1D scenarios).</summary>
    private static (double X, double Y)? ParsePoint(string? text, Scenario scenario)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : double.NaN).ToArray();
        bool oneD = scenario.IsOneDimensional;
        if (values.Length != (oneD ? 1 : 2) || values.Any(double.IsNaN))
            throw new UsageException($"--start: \"{text}\" is not a point; give {(oneD ? "Y (a 1D scenario)" : "X,Y")}, e.g. {(oneD ? "0.5" : "0,0.5")}.");
        var (yMin, yMax) = scenario.Problem.YRange;
        var (xMin, xMax) = scenario.Problem.XRange ?? (0, 0);
        double x = oneD ? 0 : values[0], y = values[^1];
        if (y < yMin || y > yMax || !oneD && (x < xMin || x > xMax))
            throw new UsageException($"--start: ({text}) lies outside the domain x ∈ [{xMin:G4}, {xMax:G4}], y ∈ [{yMin:G4}, {yMax:G4}].");
        return (x, y);
    }

    /// <summary>SGD past its edge of stability anywhere on the schedule is refused with the κ that fixes it; the SDE step likewise.</summary>
    private static void CheckStability(LangevinRequest q, ILearningRateSchedule schedule, double curvature)
    {
        if (q.Options.Method == LangevinMethod.Sgd)
        {
            double top = Math.Max(schedule.PlateauLr, schedule.InitialLr) * curvature;
            if (!(top < 2))
                throw new UsageException($"SGD at η = {Math.Max(schedule.PlateauLr, schedule.InitialLr):G4} has η·a_max = {top:G3} ≥ 2 (a_max = {curvature:G4}): past its edge of stability. "
                    + $"Give --kappa {q.Scenario.Kappa * top:G3} or more (the temperatures stay, the LRs shrink), or a lower --plateau-lr.");
        }
        else if (q.Options.TimeStep is { } h && !(h * curvature < 2))
            throw new UsageException($"--dt {h:G4} is past the stability limit 2/a_max = {2 / curvature:G4} of an explicit step; use a smaller --dt (default {EnsembleOptions.DefaultStiffnessProduct:G2}/a_max).");
    }
}

/// <summary>The checked command line of <c>langevin</c>.</summary>
internal sealed record LangevinRequest(Scenario Scenario, EnsembleOptions Options, double? PlateauLr, string? Schedule, double[]? Times, double Level, string OutDir, bool Plots)
{
    /// <summary>The <c>--initial</c> .npy path, or null.</summary>
    public string? Initial { get; init; }

    /// <summary>The <c>--start</c> point, or null.</summary>
    public (double X, double Y)? Start { get; init; }

    /// <summary><c>--resume</c>: continue from the checkpoint in <see cref="OutDir"/>.</summary>
    public bool Resume { get; init; }
}
