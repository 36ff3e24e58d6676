using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using FokkerPlanck.Cli.Bench;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Benchmarks;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>fokkerplanck bench evolve</c>: times the time stepper on the peer's learning-rate decay run
/// (valley case, T 1 → 0.25 linearly over [0, 10], held to t = 50) at several grid sizes, each in a
/// fresh child process (clean peak memory), and optionally runs the SciPy reference
/// <c>evolve_ref.py</c> (<c>solve_ivp</c>, BDF) right after each for a side-by-side table.
/// </summary>
internal static class BenchEvolveCommand
{
    private const string DefaultSizes = "256,512";
    private const string MemoryMethod = "peak RSS (VmHWM) of a fresh child process per size, after a 32² JIT warm-up run";

    /// <summary>The peer's rtol (its default; its atol is 1e-12/n).</summary>
    public const double PeerRelativeTolerance = 1e-6;

    /// <summary>The <c>evolve</c> subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Cells per axis, comma-separated (N × N grids).", DefaultValueFactory = _ => DefaultSizes };
        var peer = new Option<bool>("--peer") { Description = "Also run the SciPy peer (evolve_ref.py valley N, solve_ivp BDF, rtol 1e-6) after each size and compare." };
        var peerDir = new Option<string?>("--peer-dir") { Description = "Folder of the peer scripts (evolve_ref.py); default: $FOKKERPLANCK_PEER_DIR, else <repo>/../shared/peer." };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Measure each size this many times, ours and the peer alternating, and compare the fastest of each (best of R). Every repetition is listed with its load.",
            DefaultValueFactory = _ => 1,
        };
        var reference = new Option<bool>("--reference")
        {
            Description = $"Also integrate ours at rtol {EvolveBenchmark.ReferenceRelativeTolerance:G1}, atol {EvolveBenchmark.ReferenceAbsoluteTolerance:G1} and report each side's relative deviation from that tight run at every checkpoint.",
        };
        var rtol = new Option<double>("--rtol") { Description = "Our relative tolerance (the evolution default).", DefaultValueFactory = _ => EvolutionOptions.DefaultRelativeTolerance };
        var atol = new Option<double>("--atol") { Description = "Our absolute tolerance in units of the total mass (the evolution default).", DefaultValueFactory = _ => EvolutionOptions.DefaultAbsoluteTolerance };
        var json = new Option<string?>("--json") { Description = "Write all figures as JSON to this path." };
        var single = new Option<int?>("--single") { Description = "Internal: measure one size and print one JSON line.", Hidden = true };
        var cmd = new Command("evolve", "Benchmark the time stepper (valley case, linear decay of T) against SciPy's solve_ivp (BDF).");
        foreach (var o in new Option[] { sizes, peer, peerDir, repeat, reference, rtol, atol, json, single }) cmd.Options.Add(o);
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var bc = BenchmarkCase.Valley;
            double relative = parse.GetValue(rtol), absolute = parse.GetValue(atol);
            if (!(relative > 0 && relative < 1)) throw new UsageException($"--rtol must lie in (0, 1), got {relative}.");
            if (!(absolute > 0 && absolute < 1)) throw new UsageException($"--atol must lie in (0, 1), got {absolute}.");
            bool tight = parse.GetValue(reference);
            if (parse.GetValue(single) is { } n)
            {
                ChildProcessRunner.Emit(EvolveBenchmark.Run(bc, n, relative, absolute, warmup: true, reference: tight));
                return ExitCodes.Ok;
            }
            var ns = BenchCommand.ParseSizes(parse.GetValue(sizes)!);
            int repetitions = parse.GetValue(repeat);
            if (repetitions < 1) throw new UsageException($"--repeat must be at least 1, got {repetitions}.");
            PeerRunner? runner = null;
            string? peerProblem = null;
            if (parse.GetValue(peer))
            {
                (runner, peerProblem) = PeerRunner.Locate(parse.GetValue(peerDir), PeerRunner.EvolveScript);
                if (runner is null) AnsiConsole.MarkupLine($"[yellow]SciPy peer unavailable:[/] {Markup.Escape(peerProblem!)} — continuing with our numbers only.");
            }
            string loadBefore = BenchEnvironment.ReadLoad();
            string started = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var rows = new List<EvolveBenchRow>();
            AnsiConsole.Status().Start("benchmark", ctx =>
            {
                foreach (int size in ns)
                {
                    var oursRuns = new List<EvolveBenchmarkResult>();
                    var peerRuns = new List<EvolvePeerResult?>();
                    var reps = new List<EvolveRepetition>();
                    string? problem = peerProblem;
                    for (int rep = 1; rep <= repetitions; rep++)
                    {
                        string which = repetitions > 1 ? $" ({rep}/{repetitions})" : "";
                        bool withReference = tight && rep == 1; // the tight run does not depend on the repetition
                        ctx.Status($"N = {size}{which}: FokkerPlanck (child process{(withReference ? ", then the tight reference" : "")})…");
                        string oursLoad = BenchEnvironment.ReadLoad();
                        var ours = ChildProcessRunner.Run<EvolveBenchmarkResult>(ChildArguments(size, relative, absolute, withReference), size);
                        oursRuns.Add(ours);
                        AnsiConsole.MarkupLine(Markup.Escape($"N = {size}{which}: ours {ours.TotalSeconds:F2} s ({ours.Steps} steps, {ours.Factorizations} LU), {ours.PeakMemoryMib:F0} MiB, {ours.Status} [load {oursLoad}]"));
                        EvolvePeerResult? pr = null;
                        string? peerLoad = null;
                        if (runner is not null)
                        {
                            ctx.Status($"N = {size}{which}: SciPy solve_ivp BDF…");
                            peerLoad = BenchEnvironment.ReadLoad();
                            try
                            {
                                pr = EvolvePeerResult.Parse(runner.RunLine(PeerArguments(bc, size, ours), size));
                                AnsiConsole.MarkupLine(Markup.Escape($"N = {size}{which}: SciPy {pr.SolveSeconds:F2} s ({pr.RhsEvaluations} nfev, {pr.Factorizations} LU), {pr.PeakMemoryMib:F0} MiB [load {peerLoad}]"));
                            }
                            catch (Exception e) when (e is InvalidOperationException or FormatException)
                            {
                                problem = e.Message;
                            }
                        }
                        peerRuns.Add(pr);
                        reps.Add(new EvolveRepetition(ours.TotalSeconds, oursLoad, pr?.SolveSeconds, pr is null ? null : peerLoad));
                    }
                    rows.Add(EvolveBenchRow.BestOf(oursRuns, peerRuns, reps, parse.GetValue(peer) ? problem : null));
                }
            });
            var env = new EvolveBenchEnvironment(Environment.ProcessorCount, loadBefore, BenchEnvironment.ReadLoad(), MemoryMethod,
                relative, absolute, PeerRelativeTolerance, tight ? EvolveBenchmark.ReferenceRelativeTolerance : null, tight ? EvolveBenchmark.ReferenceAbsoluteTolerance : null,
                repetitions, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, started);
            EvolveBenchReport.Print(rows, env);
            if (parse.GetValue(json) is { } path) JsonOutput.Write(path, EvolveBenchReport.ToJson(rows, env));
            return rows.All(r => r.Ours.Status == nameof(Core.TimeStepping.IntegrationStatus.Completed)) ? ExitCodes.Ok : ExitCodes.NotConverged;
        }));
        return cmd;
    }

    private static List<string> ChildArguments(int size, double relative, double absolute, bool reference)
    {
        var args = new List<string>
        {
            "bench", "evolve", "--single", size.ToString(CultureInfo.InvariantCulture),
            "--rtol", relative.ToString("R", CultureInfo.InvariantCulture), "--atol", absolute.ToString("R", CultureInfo.InvariantCulture),
        };
        if (reference) args.Add("--reference");
        return args;
    }

    /// <summary>The peer's command line for the same run as ours (case, size, T_h, D, t_end).</summary>
    private static string[] PeerArguments(BenchmarkCase bc, int size, EvolveBenchmarkResult ours) =>
    [
        bc.Name, size.ToString(CultureInfo.InvariantCulture),
        "--th", ours.HotTemperature.ToString("R", CultureInfo.InvariantCulture),
        "--decay", ours.DecayTime.ToString("R", CultureInfo.InvariantCulture),
        "--tend", ours.EndTime.ToString("R", CultureInfo.InvariantCulture),
        "--rtol", PeerRelativeTolerance.ToString("R", CultureInfo.InvariantCulture),
    ];
}
