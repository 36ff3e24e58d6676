using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace FokkerPlanck.Cli.Bench;

/// <summary>
/// <c>bench --whole-process</c>: times the two commands a user runs, each as a child process from
/// start to exit (runtime start-up, JIT, assembly, eigen solve, verification, left vectors and file
/// writing included): <c>fokkerplanck spectrum SCENARIO --grid N×N --no-plots</c> on the peer valley
/// and <c>sqra_ref.py valley N si_mmd</c>, alternating, best of <c>--repeat</c> for each.
/// </summary>
internal static class WholeProcessBench
{
    /// <summary>The peer valley as a scenario (the case of <c>cases.py</c>), relative to the repository root.</summary>
    public const string DefaultScenario = "data/scenarios/peer-valley.json";

    /// <summary>One timed run of ours: wall seconds of the process and the stage times it wrote (spectrum.json).</summary>
    /// <param name="WallSeconds">Process start to exit, measured by the parent.</param>
    /// <param name="Stages">The <c>timings_seconds</c> object of spectrum.json.</param>
    /// <param name="Load">Load averages read just before the run.</param>
    public sealed record OursRun(double WallSeconds, JsonObject Stages, string Load)
    {
        /// <summary>Factorization plus Lanczos iteration (the eigen solve proper).</summary>
        public double EigenSeconds => Stage("factorization") + Stage("iteration");

        /// <summary>A stage's seconds (0 when absent).</summary>
        public double Stage(string name) => Stages[name]?.GetValue<double>() ?? 0.0;
    }

    /// <summary>One timed run of the peer: wall seconds of the process and its own figures.</summary>
    public sealed record PeerRun(double WallSeconds, PeerResult Figures, string Load);

    /// <summary>Runs <c>fokkerplanck spectrum</c> on an N × N grid in a child process and times it.</summary>
    /// <exception cref="InvalidOperationException">The child failed or wrote no spectrum.json.</exception>
    public static OursRun RunOurs(string scenario, int cellsPerAxis)
    {
        string load = BenchEnvironment.ReadLoad();
        string dir = Path.Combine(Path.GetTempPath(), $"fokkerplanck-whole-{Environment.ProcessId}-{cellsPerAxis}");
        string grid = string.Create(CultureInfo.InvariantCulture, $"{cellsPerAxis}x{cellsPerAxis}");
        var (rc, wall, err) = ChildProcessRunner.RunTimed(["spectrum", scenario, "--grid", grid, "--no-plots", "--out", dir]);
        try
        {
            string json = Path.Combine(dir, "spectrum.json");
            if (rc != 0 || !File.Exists(json)) throw new InvalidOperationException($"fokkerplanck spectrum at N = {cellsPerAxis} failed (exit {rc}): {err.Trim()}");
            var stages = JsonNode.Parse(File.ReadAllText(json))?["timings_seconds"] as JsonObject ?? throw new InvalidOperationException("spectrum.json lacks timings_seconds");
            return new OursRun(wall, (JsonObject)stages.DeepClone(), load);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Runs the peer for the valley at N and times the whole process.</summary>
    /// <exception cref="InvalidOperationException">The script failed.</exception>
    public static PeerRun RunPeer(PeerRunner runner, int cellsPerAxis)
    {
        string load = BenchEnvironment.ReadLoad();
        var sw = Stopwatch.StartNew();
        var figures = runner.Run("valley", cellsPerAxis);
        return new PeerRun(sw.Elapsed.TotalSeconds, figures, load);
    }

    /// <summary>The scenario path: <paramref name="given"/>, else <see cref="DefaultScenario"/> under the repository root.</summary>
    /// <exception cref="UsageException">No scenario file is found.</exception>
    public static string ResolveScenario(string? given)
    {
        if (given is not null) return File.Exists(given) ? Path.GetFullPath(given) : throw new UsageException($"--scenario: {given} does not exist.");
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "FokkerPlanck.sln")) && File.Exists(Path.Combine(d.FullName, DefaultScenario)))
                    return Path.Combine(d.FullName, DefaultScenario);
        throw new UsageException($"{DefaultScenario} not found above the current folder; pass --scenario FILE.");
    }
}
