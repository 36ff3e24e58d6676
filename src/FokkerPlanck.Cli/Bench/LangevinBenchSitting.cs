using System.Globalization;
using System.Runtime.InteropServices;
using FokkerPlanck.Core.Benchmarks;
using FokkerPlanck.Core.Langevin;
using Spectre.Console;

namespace FokkerPlanck.Cli.Bench;

/// <summary>One sitting of <c>bench langevin</c>: ours at each thread count, the stages, the peers, and the sanity runs, in that order.</summary>
internal static class LangevinBenchSitting
{
    /// <summary>Measures everything <paramref name="request"/> asks for.</summary>
    public static LangevinBenchRun Run(LangevinBenchmarkCase bench, LangevinBenchRequest request)
    {
        string loadBefore = BenchEnvironment.ReadLoad();
        string started = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var runs = request.Threads.ToDictionary(t => t, _ => new List<LangevinBenchmarkResult>());
        LangevinStageTimes? stages = null;
        var peers = new List<LangevinPeerResult>();
        var sanity = new List<LangevinSanity>();
        var problems = new List<string>();
        AnsiConsole.Status().Start("benchmark", ctx =>
        {
            ctx.Status("warm-up (JIT)…");
            LangevinBenchmark.Warmup(bench, request.Method);
            for (int rep = 1; rep <= request.Repeat; rep++)
                foreach (int threads in request.Threads)
                {
                    ctx.Status($"ours, {threads} thread(s), {request.Particles:N0} × {request.Steps} ({rep}/{request.Repeat})…");
                    var r = Ours(bench, request, request.Steps, threads);
                    runs[threads].Add(r);
                    AnsiConsole.MarkupLine(Markup.Escape($"ours, {threads} thread(s): {r.ParticleStepsPerSecond:0.00E+0} particle-steps/s ({r.WallSeconds:F2} s) [load {r.Load}]"));
                }
            if (request.Stages)
            {
                ctx.Status("stages…");
                stages = LangevinBenchmark.MeasureStages(bench, request.TimeStep, request.Seed);
            }
            if (request.Peer) RunPeers(bench, request, ctx, peers, sanity, problems);
        });
        var env = new LangevinBenchEnvironment(Environment.ProcessorCount, loadBefore, BenchEnvironment.ReadLoad(), runs.Values.First()[0].Simd, request.Repeat,
            RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, started);
        return new LangevinBenchRun(bench, [.. request.Threads.Select(t => LangevinBenchRow.Of(runs[t]))], stages, peers, sanity, problems, env);
    }

    private static LangevinBenchmarkResult Ours(LangevinBenchmarkCase bench, LangevinBenchRequest request, int steps, int threads)
        => LangevinBenchmark.Run(bench, request.Method, request.Particles, steps, request.TimeStep, threads, request.Seed, BenchEnvironment.ReadLoad());

    private static void RunPeers(LangevinBenchmarkCase bench, LangevinBenchRequest request, StatusContext ctx, List<LangevinPeerResult> peers, List<LangevinSanity> sanity, List<string> problems)
    {
        var (located, problem) = LangevinPeers.Locate(request.PeerDirectory);
        if (located is null)
        {
            problems.Add($"em_ref.py not run: {problem}");
            return;
        }
        var attempts = new List<(string Label, Func<LangevinPeerResult> Run)>
        {
            ("em_ref.py", () => located.RunNumPy(request.Particles, request.PeerSteps, request.TimeStep)),
        };
        if (located.Numba is null) problems.Add($"em_numba.py skipped: {located.NumbaProblem}");
        else attempts.AddRange(request.NumbaLayouts.Select(l => ($"em_numba.py {l}", (Func<LangevinPeerResult>)(() => located.RunNumba(request.Particles, request.TimeStep, l, request.NumbaTarget)))));
        foreach (var (label, run) in attempts)
        {
            var results = new List<LangevinPeerResult>();
            for (int rep = 1; rep <= request.Repeat; rep++)
            {
                ctx.Status($"{label} ({rep}/{request.Repeat})…");
                try
                {
                    var r = run();
                    results.Add(r);
                    AnsiConsole.MarkupLine(Markup.Escape($"{r.Label}: {r.ParticleStepsPerSecond:0.00E+0} particle-steps/s ({r.WallSeconds:F2} s, {r.Steps} steps) [load {r.Load}]"));
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException)
                {
                    problems.Add($"{label} failed: {e.Message}");
                    break;
                }
            }
            if (results.Count == 0) continue;
            var best = results.MaxBy(r => r.ParticleStepsPerSecond)!;
            peers.Add(best);
            if (request.Method != LangevinMethod.EulerMaruyama || best.Particles != request.Particles) continue;
            ctx.Status($"sanity: ours at {best.Steps} steps…");
            sanity.Add(new LangevinSanity(best, Ours(bench, request, best.Steps, request.Threads[^1])));
        }
        if (request.Method != LangevinMethod.EulerMaruyama) problems.Add("sanity check skipped: the peers run Euler–Maruyama, ours ran " + request.Method + ".");
    }
}
