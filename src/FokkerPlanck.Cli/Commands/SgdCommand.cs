using System.CommandLine;
using System.Globalization;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Langevin.Sgd;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck sgd SCENARIO --out DIR</c>: the discrete SGD map against the Fokker–Planck picture —
/// where it departs as η·a grows (valley variance, basin populations, edge of stability), and the strong
/// Mpemba point SGD itself exhibits beside the spectral one.
/// </summary>
internal static class SgdCommand
{
    /// <summary>Default ladder of η·a_max for the departure study: from the continuous limit to just below the edge of stability at 2.</summary>
    private static readonly double[] DepartureLadder = [0.05, 0.2, 0.5, 1.0, 1.5, 1.9];

    /// <summary>
    /// Burn-in of the continuous control, in steps: its start, the FP equilibrium, is already the SDE
    /// scheme's stationary state to O(h²) (Leimkuhler–Matthews), so it needs no relaxation to its own, and
    /// 3/λ₂ at h = 0.01/a_max would be millions of steps.
    /// </summary>
    private const int ControlBurnInSteps = 1000;

    /// <summary>Default plateaus of the Mpemba study, as multiples of the FP strong point: SGD's own point was seen at about twice it.</summary>
    private static readonly double[] PlateauMultiples = [0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0];

    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON, comments allowed)." };
        var kappa = new Option<double?>("--kappa") { Description = "Run SGD with T = κη at this κ, keeping the scenario's temperatures (every LR scaled by κ_file/κ): how the map is brought below its edge of stability η·a_max = 2." };
        var lrs = new Option<string?>("--lr") { Description = "Learning rates of the departure study, comma-separated (default: η·a_max = " + string.Join(", ", DepartureLadder) + ")." };
        var plateaus = new Option<string?>("--plateau-lr") { Description = "Plateau LRs of the Mpemba study (default: 0.5 … 3 × the FP strong point)." };
        var particles = new Option<int>("--particles") { Description = "Particles per ensemble.", DefaultValueFactory = _ => new SgdMpembaOptions().Particles };
        var seed = new Option<ulong>("--seed") { Description = "Seed (same seed, same numbers, whatever the thread count).", DefaultValueFactory = _ => 1UL };
        var threads = ThreadsOption.Instance;
        var control = new Option<bool>("--control") { Description = "Also run the Mpemba study with Leimkuhler–Matthews at a small step: the continuous control, which must find the FP point." };
        var skipDeparture = new Option<bool>("--no-departure") { Description = "Skip the departure study." };
        var skipOperator = new Option<bool>("--no-operator") { Description = "Skip the SGD transition operator's prediction of the Mpemba study (its replay of the same protocol)." };
        var skipMpemba = new Option<bool>("--no-mpemba") { Description = "Skip the strong Mpemba study (and its control)." };
        var grid = GridOption.Create();
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not write PNG figures." };
        var outDir = new Option<string>("--out") { Description = "Output folder (created only once the inputs are checked).", Required = true };
        var cmd = new Command("sgd", "The discrete SGD map against the Fokker–Planck picture: departure as η·a grows, and SGD's own strong Mpemba point beside the spectral one.");
        cmd.Arguments.Add(scenarioArg);
        var maxMemory = MaxMemoryOption.Create();
        foreach (var o in new Option[] { kappa, lrs, plateaus, particles, seed, threads, control, skipDeparture, skipMpemba, skipOperator, grid, noPlots, outDir, maxMemory }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var scenario = ScenarioLoader.Load(parse.GetValue(scenarioArg)!);
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            scenario = scenario.WithGrid(nx, ny);
            if (parse.GetValue(kappa) is { } k)
                scenario = k > 0 && double.IsFinite(k) ? scenario.WithKappa(k) : throw new UsageException($"--kappa must be positive and finite, got {k.ToString(CultureInfo.InvariantCulture)}.");
            if (parse.GetValue(particles) < 2) throw new UsageException($"--particles must be ≥ 2, got {parse.GetValue(particles)}.");
            MaxMemoryOption.Enforce("sgd", scenario, null, null, parse.GetValue(maxMemory), m => m.Langevin(parse.GetValue(particles), scenario.Mpemba.Modes));
            var options = new SgdMpembaOptions { Particles = parse.GetValue(particles), Seed = parse.GetValue(seed), Threads = parse.GetValue(threads) };
            return Run(scenario, options, EvolveInputs.ParseLearningRates(parse.GetValue(lrs), "--lr"), EvolveInputs.ParseLearningRates(parse.GetValue(plateaus), "--plateau-lr"),
                new SgdStages(!parse.GetValue(skipDeparture), !parse.GetValue(skipMpemba), parse.GetValue(control), !parse.GetValue(skipOperator)), parse.GetValue(outDir)!, !parse.GetValue(noPlots),
                MaxMemoryOption.Available(parse.GetValue(maxMemory)));
        }));
        return cmd;
    }

    /// <summary>The default LRs the domain holds; the others are dropped with a warning (hot ones at a large κ).</summary>
    private static double[] Held(EvolutionSession session, double[] lrs, string what)
    {
        var kept = new List<double>();
        foreach (double lr in lrs)
        {
            try { session.CheckDomainHolds(lr, what); kept.Add(lr); }
            catch (ScenarioException e) { CommandRunner.Warning($"{what} η = {lr:G4} skipped: {e.Problem}"); }
        }
        return [.. kept];
    }

    /// <summary>Given LRs: each must be held by the domain (a usage error naming the option otherwise).</summary>
    private static double[] Checked(EvolutionSession session, double[] lrs, string option)
    {
        foreach (double lr in lrs)
        {
            try { session.CheckDomainHolds(lr, option); }
            catch (ScenarioException e) { throw new UsageException($"{option}: {e.Problem}"); }
        }
        return lrs;
    }

    private static int Run(Scenario scenario, SgdMpembaOptions options, double[]? lrs, double[]? plateaus, SgdStages stages, string outDir, bool plots, (long Bytes, string Source)? memory)
    {
        bool departure = stages.Departure, mpemba = stages.Mpemba, control = stages.Control && stages.Mpemba, op = stages.Operator && stages.Mpemba;
        if (!departure && !mpemba) throw new UsageException("--no-departure and --no-mpemba together leave nothing to run.");
        using var session = EvolveRequest.OpenSession(scenario, new EvolutionOptions(), "sgd");
        double curvature = CurvatureBound.Maximum(session.Setup.Sampled);
        double edge = scenario.FinalLr * curvature;
        if (!(edge < 2))
        {
            double needed = scenario.Kappa * edge / 0.5;
            throw new UsageException($"η_c·a_max = {edge:G3} ≥ 2: SGD at the final LR {scenario.FinalLr:G4} is past its edge of stability (a_max = {curvature:G4}). Give --kappa {needed:G3} or more: it keeps the temperatures and shrinks the LRs so that η_c·a_max ≤ 0.5.");
        }
        if (departure && session.Setup.Landscape is not Core.Landscapes.ValleyRiverLandscape)
            throw new UsageException("the departure study needs a valley–river landscape (its valley curvature a(y)); give --no-departure for other landscapes.");
        double star = session.Scan.Points.Select(p => p.Lr).DefaultIfEmpty(2 * scenario.FinalLr).First();
        lrs = !departure ? [] : lrs is null ? Held(session, [.. DepartureLadder.Select(m => m / curvature)], "departure ladder") : Checked(session, lrs, "--lr");
        plateaus = !mpemba ? [] : plateaus is null ? Held(session, [.. PlateauMultiples.Select(m => m * star).Where(lr => lr * curvature < 2)], "plateau") : Checked(session, plateaus, "--plateau-lr");
        Array.Sort(plateaus);
        if (departure && lrs.Length == 0 || mpemba && plateaus.Length == 0)
            throw new UsageException("the domain holds none of the default learning rates at this κ; give --lr / --plateau-lr, or widen the domain.");
        if (op) Core.FiniteLr.FiniteLrStudy.CheckInputs(scenario, memory: memory, command: "sgd's operator stage");
        var gradient = BlockGradient.Create(scenario);
        using var folderLock = OutputLock.Acquire(outDir);
        var result = new SgdStudy(session, curvature);
        using var cancel = CtrlC.Cancellation();
        string[] labels = [.. (departure ? ["departure from FP (η·a ladder)"] : Array.Empty<string>()), .. mpemba ? ["SGD's strong Mpemba point"] : Array.Empty<string>(), .. op ? ["SGD transition operator"] : Array.Empty<string>(), .. control ? ["continuous control (LM)"] : Array.Empty<string>()];
        RunProgress.Run(labels, progress =>
        {
            int task = 0;
            void Stage(Action<IProgress<double>> body)
            {
                int t = task++;
                progress.Start(t);
                body(new SyncProgress<double>(f => progress.Report(t, f)));
                progress.Finish(t);
                SgdFiles.Write(outDir, result);
            }
            if (departure) Stage(p => result.Departure = SgdDepartureStudy.Run(session, gradient, lrs, options, p, cancel.Token));
            if (mpemba) Stage(p => result.Mpemba = SgdMpembaStudy.Run(session, gradient, plateaus, options, p, cancel.Token));
            if (op) Stage(p => result.Operator = SgdProtocolReplay.Run(session, plateaus, options, p, cancel.Token));
            if (control)
                Stage(p => result.Control = SgdMpembaStudy.Run(session, gradient, plateaus, options with { Method = LangevinMethod.LeimkuhlerMatthews, TimeStep = EnsembleOptions.DefaultStiffnessProduct / curvature, MaxBurnInSteps = ControlBurnInSteps }, p, cancel.Token));
        });
        if (plots) SgdFiles.Figures(outDir, result);
        SgdOutput.Summary(result, outDir);
        return ExitCodes.Ok;
    }
}

/// <summary>Which studies <c>sgd</c> runs.</summary>
internal sealed record SgdStages(bool Departure, bool Mpemba, bool Control, bool Operator);
