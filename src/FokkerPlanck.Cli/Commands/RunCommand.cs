using System.CommandLine;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core.Pipeline;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Reporting;
using FokkerPlanck.Reporting.Run;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck run [SCENARIO] --out DIR</c>: the main job — check, spectrum, Mpemba analysis, schedule
/// verdict and Langevin confirmation, one progress bar per stage, results and report.html rewritten after
/// each stage, <c>--resume</c> from the last finished one.
/// </summary>
internal static class RunCommand
{
    /// <summary>The default scenario, relative to the repository root.</summary>
    public const string DefaultScenario = "data/scenarios/two-basin.json";

    public static Command Create()
    {
        var scenarioArg = new Argument<string?>("scenario") { Description = $"Scenario file (default: {DefaultScenario}).", Arity = ArgumentArity.ZeroOrOne };
        var outDir = new Option<string>("--out") { Description = "Output folder: report.html, run.json and one folder per stage.", Required = true };
        var grid = GridOption.Create();
        var resume = new Option<bool>("--resume") { Description = "Continue the interrupted run in --out from its last finished stage (same scenario and options)." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Draw no figures (the report then has tables and text only)." };
        var particles = new Option<int>("--particles") { Description = "Particles of the Langevin confirmation.", DefaultValueFactory = _ => RunOptions.DefaultParticles };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the particles (same seed, same numbers, whatever the thread count).", DefaultValueFactory = _ => 1UL };
        var threads = ThreadsOption.Instance;
        var sweep = new Option<int>("--sweep") { Description = "Final LRs of the optimal-plateau-vs-final-LR sweep (0: none).", DefaultValueFactory = _ => new RunOptions().SweepPoints };
        var noStudy = new Option<bool>("--no-grid-study") { Description = "No coarser/finer grids (no error bar on the optimal plateau)." };
        var no1d = new Option<bool>("--no-1d") { Description = "Skip the river-only (1D) reduction." };
        var noVerdict = new Option<bool>("--no-verdict") { Description = "Skip the schedule verdict." };
        var sgdKappa = new Option<double?>("--sgd-kappa") { Description = "Add the finite-LR stage: SGD's own transition operator at T = κη with this κ (the scenario's temperatures kept), beside the continuous and force-corrected models." };
        var budget = new Option<int?>("--budget-steps") { Description = "Add the schedule-design stage: the optimal plateau against the decay's length (four shapes) and the optimizer's schedule for N steps against WSD, cosine, 1/t and constant-then-drop (about 10 min on the default scenario)." };
        var goal = new Option<Core.Analysis.ScheduleOptimization.BudgetGoal>("--objective") { Description = "What the design stage's optimizer minimizes: FinalExcess, AbsoluteExcess or StepsToTolerance (as optimize).", DefaultValueFactory = _ => Core.Analysis.ScheduleOptimization.BudgetGoal.FinalExcess };
        var noLangevin = new Option<bool>("--no-langevin") { Description = "Skip the Langevin confirmation." };
        var maxMemory = MaxMemoryOption.Create();
        var cmd = new Command("run", "The main job: which plateau LR, which decay and why — check, spectrum, Mpemba analysis, schedule verdict and Langevin confirmation, in one report (report.html).");
        cmd.Arguments.Add(scenarioArg);
        foreach (var o in new Option[] { outDir, grid, resume, noPlots, particles, seed, threads, sweep, noStudy, no1d, noVerdict, noLangevin, sgdKappa, budget, goal, maxMemory }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var (nx, ny) = GridOption.Parse(parse.GetValue(grid));
            string path = parse.GetValue(scenarioArg) ?? FindDefaultScenario();
            var scenario = ScenarioLoader.Load(path).WithGrid(nx, ny);
            var options = new RunOptions
            {
                GridStudy = !parse.GetValue(noStudy), Reduced1D = !parse.GetValue(no1d), SweepPoints = parse.GetValue(sweep), Verdict = !parse.GetValue(noVerdict),
                Langevin = !parse.GetValue(noLangevin), Particles = parse.GetValue(particles), Seed = parse.GetValue(seed), Threads = parse.GetValue(threads),
                SgdKappa = parse.GetValue(sgdKappa), BudgetSteps = parse.GetValue(budget), Goal = parse.GetValue(goal),
            };
            if (options.SgdKappa is { } k && k > 0 && double.IsFinite(k))
            {
                try { Core.FiniteLr.FiniteLrStudy.CheckInputs(scenario.WithKappa(k), memory: MaxMemoryOption.Available(parse.GetValue(maxMemory)), command: "run --sgd-kappa"); }
                catch (ArgumentException e) { throw new UsageException($"--sgd-kappa {k}: {e.Message}"); }
            }
            // the Mpemba stage's finest grid and the particles with the time stepper are the two peaks of a run
            options = options with
            {
                ConcurrentSolves = MaxMemoryOption.EnforceStudy("run", scenario, parse.GetValue(maxMemory), options.GridStudy ? Core.Analysis.Mpemba.MpembaStudyOptions.RefinementRatio : 1.0),
            };
            if (options.Langevin)
                MaxMemoryOption.Enforce("run", scenario, null, null, parse.GetValue(maxMemory), m => m.Langevin(options.Particles, scenario.Mpemba.Modes));
            var report = new RunReportOptions { Plots = !parse.GetValue(noPlots), CommandLine = "fokkerplanck " + string.Join(' ', parse.Tokens.Select(t => t.Value)) };
            return Run(scenario, options, parse.GetValue(outDir)!, parse.GetValue(resume), report);
        }));
        return cmd;
    }

    private static int Run(Scenario scenario, RunOptions options, string dir, bool resume, RunReportOptions report)
    {
        var pipeline = new RunPipeline(scenario, options);
        var earlier = Earlier(dir, resume, pipeline);
        using var guard = OutputLock.Acquire(dir);
        var folder = new RunFolder(dir, scenario, report);
        ScenarioWarnings.Print(scenario);
        RunResults results = earlier ?? pipeline.NewResults();
        using (var cancel = CtrlC.Cancellation())
        {
            RunProgress.Run(StageProgressBars.Labels, bars => results = pipeline.Run(results, folder, new StageProgressBars(bars), cancel.Token));
        }
        folder.WriteReport(results);
        var summary = RunSummary.From(results);
        RunSummaryTable.Print(summary, results, Path.Combine(dir, RunFolder.ReportFile));
        return summary.LangevinConsistent is { } n && n < summary.LangevinTimes ? ExitCodes.Inconsistent : ExitCodes.Ok;
    }

    /// <summary>The interrupted run to continue (with <c>--resume</c>), checked against this one; without it, an earlier run is announced and replaced.</summary>
    private static RunResults? Earlier(string dir, bool resume, RunPipeline pipeline)
    {
        RunResults? found;
        try { found = RunFolder.Load(dir); }
        catch (InvalidDataException e) { throw new UsageException(resume ? $"--resume: {e.Message}" : e.Message); }
        if (!resume)
        {
            if (found is { Complete: false }) CommandRunner.Warning($"{dir} holds an interrupted run; it is replaced (give --resume to continue it instead).");
            return null;
        }
        if (found is null) throw new UsageException($"--resume: there is no run to continue in {dir} ({RunFolder.ResultsFile} not found).");
        if (found.Fingerprint != pipeline.Fingerprint)
            throw new UsageException($"--resume: the run in {dir} was made with other inputs ({found.Fingerprint}); this one is ({pipeline.Fingerprint}). Give the same scenario and options, or drop --resume.");
        return found;
    }

    /// <summary>data/scenarios/two-basin.json in the current folder or a folder above it, or above the executable.</summary>
    private static string FindDefaultScenario()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, DefaultScenario);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new UsageException($"no scenario given and the default {DefaultScenario} is not found above {Directory.GetCurrentDirectory()}; give a scenario file.");
    }
}
