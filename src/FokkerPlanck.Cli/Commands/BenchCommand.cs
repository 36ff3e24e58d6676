using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using FokkerPlanck.Cli.Bench;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core.Benchmarks;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck bench</c>: times the relaxation spectrum of the peer's SQRA benchmark operator at
/// several grid sizes, each in a fresh child process (clean peak memory), and optionally runs the
/// SciPy reference <c>sqra_ref.py … si_mmd</c> right after each size for a side-by-side table.
/// Its subcommand <c>bench evolve</c> (<see cref="BenchEvolveCommand"/>) does the same for the time stepper,
/// and <c>bench langevin</c> (<see cref="BenchLangevinCommand"/>) for the Langevin ensemble propagator.
/// </summary>
internal static class BenchCommand
{
    private const string DefaultSizes = "256,512,1024";
    private const string ChildMemoryMethod = "peak RSS (VmHWM) of a fresh child process per size, after a 32² JIT warm-up solve";
    private const string InProcessMemoryMethod = "peak RSS (VmHWM) of this one process, cumulative over sizes (in-process mode)";

    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Cells per axis, comma-separated (N × N grids).", DefaultValueFactory = _ => DefaultSizes };
        var caseName = new Option<string>("--case") { Description = "Benchmark case: valley or harmonic (the peer script cases.py, docs/performance.md, 'Running the peers').", DefaultValueFactory = _ => BenchmarkCase.Valley.Name };
        var modes = new Option<int>("--modes") { Description = "Modes, λ₁ = 0 included (eigsh k).", DefaultValueFactory = _ => SpectrumBenchmark.DefaultModes };
        var tol = new Option<double>("--tolerance") { Description = "Relative eigen-residual tolerance.", DefaultValueFactory = _ => SpectrumBenchmark.DefaultTolerance };
        var peer = new Option<bool>("--peer") { Description = "Also run the SciPy peer (sqra_ref.py CASE N si_mmd) after each size and compare." };
        var peerMax = new Option<int?>("--peer-max-size") { Description = "Run the peer only up to this N (it is slow and memory-hungry)." };
        var peerDir = new Option<string?>("--peer-dir") { Description = "Folder of the peer scripts (sqra_ref.py); default: $FOKKERPLANCK_PEER_DIR, else <repo>/../shared/peer." };
        var skipExtras = new Option<bool>("--skip-extras") { Description = "Do not time the inertia verification and left-vector refinement (a second solve per size)." };
        var inProcess = new Option<bool>("--in-process") { Description = "Run every size in this process (no child; peak memory is then cumulative)." };
        var block = new Option<int?>("--block-size") { Description = "Lanczos block size (default: the solver's)." };
        var json = new Option<string?>("--json") { Description = "Write all figures as JSON to this path." };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Measure each size this many times, ours and the peer alternating, and compare the fastest of each (best of R: other load on the machine only ever adds time). Every repetition is listed.",
            DefaultValueFactory = _ => 1,
        };
        var whole = new Option<bool>("--whole-process")
        {
            Description = "Time the whole commands a user runs, each a child process from start to exit: 'fokkerplanck spectrum' on the peer valley (--no-plots; verification and left vectors included) and, with --peer, sqra_ref.py valley N si_mmd; best of --repeat, with the stage times of our fastest run.",
        };
        var scenario = new Option<string?>("--scenario") { Description = $"With --whole-process: the scenario to run (default: <repo>/{WholeProcessBench.DefaultScenario})." };
        var single = new Option<int?>("--single") { Description = "Internal: measure one size and print one JSON line.", Hidden = true };
        var cmd = new Command("bench", "Benchmark the relaxation spectrum (SQRA, shift-invert Lanczos) against the SciPy peer.");
        foreach (var o in new Option[] { sizes, caseName, modes, tol, peer, peerMax, peerDir, skipExtras, inProcess, block, json, repeat, whole, scenario, single }) cmd.Options.Add(o);
        cmd.Subcommands.Add(BenchEvolveCommand.Create());
        cmd.Subcommands.Add(BenchLangevinCommand.Create());
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var bc = BenchmarkCase.FromName(parse.GetValue(caseName)!);
            int k = parse.GetValue(modes);
            double tolerance = parse.GetValue(tol);
            bool extras = !parse.GetValue(skipExtras);
            int? blockSize = parse.GetValue(block);
            if (parse.GetValue(single) is { } n)
            {
                ChildProcessRunner.Emit(SpectrumBenchmark.Run(bc, n, k, tolerance, warmup: true, extras, blockSize));
                return ExitCodes.Ok;
            }
            var ns = ParseSizes(parse.GetValue(sizes)!);
            int repetitions = parse.GetValue(repeat);
            if (repetitions < 1) throw new UsageException($"--repeat must be at least 1, got {repetitions}.");
            bool child = !parse.GetValue(inProcess);
            if (parse.GetValue(whole))
                return RunWholeProcess(ns, repetitions, WholeProcessBench.ResolveScenario(parse.GetValue(scenario)), parse.GetValue(peer), parse.GetValue(peerDir), parse.GetValue(json));
            PeerRunner? runner = null;
            string? peerProblem = null;
            if (parse.GetValue(peer))
            {
                (runner, peerProblem) = PeerRunner.Locate(parse.GetValue(peerDir));
                if (runner is null) AnsiConsole.MarkupLine($"[yellow]SciPy peer unavailable:[/] {Markup.Escape(peerProblem!)} — continuing with our numbers only.");
            }
            int peerLimit = parse.GetValue(peerMax) ?? int.MaxValue;
            string loadBefore = BenchEnvironment.ReadLoad();
            string started = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var rows = new List<BenchRow>();
            AnsiConsole.Status().Start("benchmark", ctx =>
            {
                foreach (int size in ns)
                {
                    var oursRuns = new List<SpectrumBenchmarkResult>();
                    var peerRuns = new List<PeerResult?>();
                    string? problem = peerProblem;
                    for (int rep = 1; rep <= repetitions; rep++)
                    {
                        string which = repetitions > 1 ? $" ({rep}/{repetitions})" : "";
                        ctx.Status($"N = {size}{which}: FokkerPlanck ({(child ? "child process" : "in process")})…");
                        var ours = child
                            ? ChildProcessRunner.Run(bc.Name, size, k, tolerance, extras, blockSize)
                            : SpectrumBenchmark.Run(bc, size, k, tolerance, warmup: rows.Count == 0 && rep == 1, extras, blockSize);
                        oursRuns.Add(ours);
                        AnsiConsole.MarkupLine(Markup.Escape($"N = {size}{which}: ours {ours.TotalSeconds:F2} s, {ours.PeakMemoryMib:F0} MiB, residual {ours.MaxScipyResidual:E1}"));
                        PeerResult? pr = null;
                        if (runner is not null && size > peerLimit) problem = $"skipped (N > --peer-max-size {peerLimit})";
                        else if (runner is not null)
                        {
                            ctx.Status($"N = {size}{which}: SciPy {PeerRunner.Mode}…");
                            try
                            {
                                pr = runner.Run(bc.Name, size);
                                AnsiConsole.MarkupLine(Markup.Escape($"N = {size}{which}: SciPy {pr.TotalSeconds:F2} s, {pr.PeakMemoryMib:F0} MiB, residual {pr.MaxResidual:E1}"));
                            }
                            catch (InvalidOperationException e)
                            {
                                problem = e.Message;
                            }
                        }
                        peerRuns.Add(pr);
                    }
                    rows.Add(BenchRow.BestOf(oursRuns, peerRuns, parse.GetValue(peer) ? problem : null));
                }
            });
            double[] bandwidth = [MemoryBandwidth.Measure(1), MemoryBandwidth.Measure(Environment.ProcessorCount)];
            var env = new BenchEnvironment(Environment.ProcessorCount, loadBefore, BenchEnvironment.ReadLoad(),
                child ? ChildMemoryMethod : InProcessMemoryMethod, tolerance, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, started, bandwidth)
            {
                Repeat = repetitions,
            };
            var table = BenchRow.WithSlopes(rows);
            BenchReport.Print(table, env);
            if (parse.GetValue(json) is { } path) JsonOutput.Write(path, BenchReport.ToJson(table, env));
            return table.All(r => r.Ours.Status == "Converged") ? ExitCodes.Ok : ExitCodes.NotConverged;
        }));
        return cmd;
    }

    /// <summary>
    /// <c>bench --whole-process</c>: ours and the peer alternating, each size <paramref name="repetitions"/>
    /// times, every run a fresh process timed from start to exit (<see cref="WholeProcessBench"/>).
    /// </summary>
    private static int RunWholeProcess(int[] sizes, int repetitions, string scenario, bool peer, string? peerDir, string? json)
    {
        PeerRunner? runner = null;
        string? problem = null;
        if (peer)
        {
            (runner, problem) = PeerRunner.Locate(peerDir);
            if (runner is null) AnsiConsole.MarkupLine($"[yellow]SciPy peer unavailable:[/] {Markup.Escape(problem!)} — continuing with our numbers only.");
        }
        string loadBefore = BenchEnvironment.ReadLoad();
        var rows = new List<WholeProcessReport.Size>();
        foreach (int size in sizes)
        {
            var ours = new List<WholeProcessBench.OursRun>();
            var peers = new List<WholeProcessBench.PeerRun>();
            for (int rep = 1; rep <= repetitions; rep++)
            {
                ours.Add(WholeProcessBench.RunOurs(scenario, size));
                AnsiConsole.MarkupLine(Markup.Escape($"N = {size} ({rep}/{repetitions}): fokkerplanck spectrum {ours[^1].WallSeconds:F2} s (load {ours[^1].Load})"));
                if (runner is null) continue;
                peers.Add(WholeProcessBench.RunPeer(runner, size));
                AnsiConsole.MarkupLine(Markup.Escape($"N = {size} ({rep}/{repetitions}): sqra_ref.py {peers[^1].WallSeconds:F2} s (load {peers[^1].Load})"));
            }
            rows.Add(new WholeProcessReport.Size(size, ours, peers, peer ? problem : null));
        }
        string loadAfter = BenchEnvironment.ReadLoad();
        WholeProcessReport.Print(rows, repetitions, loadBefore, loadAfter);
        if (json is not null) JsonOutput.Write(json, WholeProcessReport.ToJson(rows, loadBefore, loadAfter));
        return ExitCodes.Ok;
    }

    /// <summary>Parses <c>256,512,1024</c> into ascending distinct sizes ≥ 2.</summary>
    internal static int[] ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ns = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= 2
            ? v : throw new UsageException($"--sizes: '{p}' is not an integer ≥ 2 (e.g. 256,512,1024).")).Distinct().Order().ToArray();
        return ns.Length > 0 ? ns : throw new UsageException("--sizes: give at least one size, e.g. 256,512,1024.");
    }
}
