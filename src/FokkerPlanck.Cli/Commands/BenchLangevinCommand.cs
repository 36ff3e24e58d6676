using System.CommandLine;
using System.Globalization;
using FokkerPlanck.Cli.Bench;
using FokkerPlanck.Core.Benchmarks;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck bench langevin</c>: the ensemble propagator's throughput (particle-steps per
/// second) on the peer valley, at one thread and at all threads, with the time split by stage, and
/// optionally the peers <c>em_ref.py</c> (NumPy) and <c>em_numba.py</c> (Numba) in the same sitting,
/// their rates, the ratios, and a statistical check of the ensembles' moments against theirs.
/// </summary>
internal static class BenchLangevinCommand
{
    private const string DefaultThreads = "1,all";
    private const string DefaultNumbaLayouts = "step,part";
    private const int DefaultPeerSteps = 100;
    private const double DefaultNumbaTarget = 3.0;
    private const string ScenarioFile = "data/scenarios/peer-valley.json";

    /// <summary>The <c>langevin</c> subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var particles = new Option<int>("--particles") { Description = "Ensemble size.", DefaultValueFactory = _ => LangevinBenchmark.DefaultParticles };
        var steps = new Option<int>("--steps") { Description = "Our steps per run (a few seconds at the target rate).", DefaultValueFactory = _ => LangevinBenchmark.DefaultSteps };
        var dt = new Option<double>("--dt") { Description = "Time step.", DefaultValueFactory = _ => LangevinBenchmark.DefaultTimeStep };
        var method = new Option<string>("--method") { Description = "em, lm or sgd (the peers run em).", DefaultValueFactory = _ => "em" };
        var threads = new Option<string>("--threads") { Description = "Our thread counts, comma-separated; 'all' = every processor.", DefaultValueFactory = _ => DefaultThreads };
        var seed = new Option<ulong>("--seed") { Description = "Noise seed.", DefaultValueFactory = _ => LangevinBenchmark.DefaultSeed };
        var repeat = new Option<int>("--repeat") { Description = "Runs per thread count (and per peer); the fastest of each is compared.", DefaultValueFactory = _ => 1 };
        var scenario = new Option<string?>("--scenario") { Description = $"Scenario file (default: <repo>/{ScenarioFile}, the peer valley; the peers always run their valley)." };
        var peer = new Option<bool>("--peer") { Description = "Also run em_ref.py valley NPART NSTEPS DT and, if Numba imports, em_numba.py, and compare." };
        var peerDir = new Option<string?>("--peer-dir") { Description = "Folder of the peer scripts (em_ref.py); default: $FOKKERPLANCK_PEER_DIR, else <repo>/../shared/peer." };
        var peerSteps = new Option<int>("--peer-steps") { Description = "Steps of em_ref.py (it is slow).", DefaultValueFactory = _ => DefaultPeerSteps };
        var numbaTarget = new Option<double>("--numba-target") { Description = "Seconds em_numba.py calibrates its run to.", DefaultValueFactory = _ => DefaultNumbaTarget };
        var numbaLayouts = new Option<string>("--numba-layouts") { Description = "em_numba.py layouts: step (state through memory every step) and/or part (all steps per particle in registers).", DefaultValueFactory = _ => DefaultNumbaLayouts };
        var skipStages = new Option<bool>("--skip-stages") { Description = "Do not time the stages alone." };
        var json = new Option<string?>("--json") { Description = "Write all figures as JSON to this path." };
        var cmd = new Command("langevin", "Benchmark the Langevin ensemble propagator (peer valley, particle-steps/s) against em_ref.py and em_numba.py.");
        foreach (var o in new Option[] { particles, steps, dt, method, threads, seed, repeat, scenario, peer, peerDir, peerSteps, numbaTarget, numbaLayouts, skipStages, json }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var request = new LangevinBenchRequest(parse.GetValue(particles), parse.GetValue(steps), parse.GetValue(dt), ParseMethod(parse.GetValue(method)!),
                ParseThreads(parse.GetValue(threads)!), parse.GetValue(seed), parse.GetValue(repeat), parse.GetValue(peer), parse.GetValue(peerDir),
                parse.GetValue(peerSteps), parse.GetValue(numbaTarget), ParseLayouts(parse.GetValue(numbaLayouts)!), !parse.GetValue(skipStages));
            request.Validate();
            var bench = LoadCase(parse.GetValue(scenario));
            var run = LangevinBenchSitting.Run(bench, request);
            LangevinBenchReport.Print(run);
            if (parse.GetValue(json) is { } path) JsonOutput.Write(path, LangevinBenchReport.ToJson(run));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static LangevinBenchmarkCase LoadCase(string? path)
    {
        string file = path ?? DefaultScenario() ?? throw new UsageException($"--scenario: no repository root above the current folder to find {ScenarioFile}; pass the file.");
        return LangevinBenchmarkCase.FromScenario(ScenarioLoader.Load(file));
    }

    /// <summary><c>&lt;repository root&gt;/data/scenarios/peer-valley.json</c> (the root holds FokkerPlanck.sln).</summary>
    private static string? DefaultScenario()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "FokkerPlanck.sln"))) return Path.Combine(d.FullName, ScenarioFile);
        return null;
    }

    private static LangevinMethod ParseMethod(string text) => text.ToLowerInvariant() switch
    {
        "em" => LangevinMethod.EulerMaruyama,
        "lm" => LangevinMethod.LeimkuhlerMatthews,
        "sgd" => LangevinMethod.Sgd,
        _ => throw new UsageException($"--method: '{text}' is not em, lm or sgd."),
    };

    private static int[] ParseThreads(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var counts = parts.Select(p => p.Equals("all", StringComparison.OrdinalIgnoreCase) ? Environment.ProcessorCount
            : int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= 1 ? v
            : throw new UsageException($"--threads: '{p}' is not a positive integer or 'all'.")).Distinct().Order().ToArray();
        return counts.Length > 0 ? counts : throw new UsageException("--threads: give at least one count, e.g. 1,all.");
    }

    private static string[] ParseLayouts(string text)
    {
        var layouts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
        foreach (string l in layouts)
            if (l is not ("step" or "part")) throw new UsageException($"--numba-layouts: '{l}' is not step or part.");
        return layouts;
    }
}
