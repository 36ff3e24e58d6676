using System.Text.Json.Nodes;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// <c>--threads</c> caps every parallel stage and does not change the numbers: the Mpemba analysis (ordering,
/// factorization, solves, Krylov passes, assembly in parallel) on 1 and 2 threads agrees to the bit.
/// </summary>
[Collection("console")]
public sealed class ThreadsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-threads-").FullName;
    private readonly string _scenario;

    public ThreadsTests()
    {
        _scenario = Path.Combine(_dir, "small.json");
        File.WriteAllText(_scenario, InProcessCli.SmallScenario);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JsonNode Mpemba(int threads)
    {
        string outDir = Path.Combine(_dir, $"t{threads}");
        var (code, err) = InProcessCli.Run(["mpemba", _scenario, "--grid", "64x128", "--sweep", "2", "--no-plots", "--threads", $"{threads}", "--out", outDir]);
        Assert.True(code == 0, err);
        Assert.Equal(threads, Parallelism.Threads);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "mpemba.json")))!;
    }

    [Fact]
    public void Mpemba_OnOneAndTwoThreads_GivesTheSameNumbers()
    {
        var one = Mpemba(1);
        var two = Mpemba(2);
        double[] Numbers(JsonNode n) => [.. Flatten(n["models"] ?? n)];
        var a = Numbers(one);
        var b = Numbers(two);
        Assert.True(a.Length > 20, $"{a.Length} numbers compared");
        Assert.Equal(a.Length, b.Length);
        // every parallel sum is cut into the same pieces and added in the same order on any thread
        // count (the solves' subtree cut included, TreeSchedule): the numbers are the same to the bit
        for (int i = 0; i < a.Length; i++) Assert.True(a[i].Equals(b[i]), $"number {i}: {a[i]:R} vs {b[i]:R}");
    }

    [Fact]
    public void Threads_BelowOne_IsRefusedWithOneLine()
    {
        var (code, err) = InProcessCli.Run(["check", _scenario, "--threads", "0"]);
        Assert.Equal(1, code);
        Assert.Contains("--threads must be ≥ 1", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    /// <summary>Every number in the document except wall times.</summary>
    private static IEnumerable<double> Flatten(JsonNode? n, string key = "")
    {
        switch (n)
        {
            case JsonObject o:
                foreach (var p in o.Where(p => !p.Key.Contains("seconds", StringComparison.Ordinal) && !p.Key.Contains("time", StringComparison.Ordinal)))
                    foreach (double v in Flatten(p.Value, p.Key)) yield return v;
                break;
            case JsonArray a:
                foreach (var item in a) foreach (double v in Flatten(item, key)) yield return v;
                break;
            case JsonValue v when v.TryGetValue(out double d):
                yield return d;
                break;
        }
    }
}
