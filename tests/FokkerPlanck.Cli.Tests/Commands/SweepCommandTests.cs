using System.Diagnostics;
using System.Text.Json;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// <c>sweep</c> and <c>merge</c> end to end on a 24×48 river with a landscape parameter (no grid study, no 1D
/// reduction: six items of well under a second each): shards in separate processes merge to the unsharded run,
/// a rerun resumes, and missing or duplicated shards and bad sweep files end with one line and exit 1.
/// </summary>
[Collection("console")]
public sealed class SweepCommandTests : IDisposable
{
    /// <summary>Longest a shard process may take (each runs two or three sub-second items plus the runtime's start).</summary>
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromMinutes(2);

    private const string Scenario = """
        { "name": "small", "landscape": { "kind": "valley-river", "c": "0.5*y^4 - y^2 - 0.02*y", "a": "58 + A*tanh(3*y)" },
          "parameters": { "A": 46 }, "domain": { "x": [-2.5, 2.5], "y": [-1.25, 2.45] }, "reflecting": ["y"],
          "grid": { "nx": 24, "ny": 48 }, "final_lr": 0.145, "plateau_lr": { "min": 0.15, "max": 2.0, "points": 20 }, "modes": 4 }
        """;

    private const string Sweep = """
        // two values of the valley parameter A times three final LRs
        { "scenario": "small.json", "final_lr": [0.12, 0.145, 0.17], "parameters": { "A": [40, 46] }, "grid_study": false, "reduced_1d": false }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("fp-sweep-").FullName;
    private readonly string _sweep;

    public SweepCommandTests()
    {
        File.WriteAllText(Path.Combine(_dir, "small.json"), Scenario);
        _sweep = Path.Combine(_dir, "sweep.json");
        File.WriteAllText(_sweep, Sweep);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Dir(string name) => Path.Combine(_dir, name);

    private (int Code, string Err) RunShard(string shard, string outDir) => InProcessCli.Run("sweep", _sweep, "--shard", shard, "--out", outDir);

    [Fact]
    public void Sweep_ThreeShardsInSeparateProcesses_MergeToTheUnshardedRun()
    {
        var clock = Stopwatch.StartNew();
        var (code, err) = RunShard("0/1", Dir("whole"));
        Assert.True(code == 0, err);
        double unsharded = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var processes = Enumerable.Range(0, 3).Select(i => StartCli("sweep", _sweep, "--shard", $"{i}/3", "--out", Dir($"shard{i}"))).ToArray();
        foreach (var p in processes)
        {
            using (p)
            {
                Assert.True(p.WaitForExit(ProcessLimit), "a shard process did not finish in time");
                Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
            }
        }
        double sharded = clock.Elapsed.TotalSeconds;

        Assert.Equal(0, InProcessCli.Run("merge", Dir("whole"), "--out", Dir("merged-whole")).Code);
        (code, err) = InProcessCli.Run("merge", Dir("shard2"), Dir("shard0"), Dir("shard1"), "--out", Dir("merged-shards"));
        Assert.True(code == 0, err);
        Assert.Equal(File.ReadAllText(Path.Combine(Dir("merged-whole"), "sweep.csv")), File.ReadAllText(Path.Combine(Dir("merged-shards"), "sweep.csv")));
        using var a = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir("merged-whole"), "sweep.json")));
        using var b = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir("merged-shards"), "sweep.json")));
        Assert.Equal(a.RootElement.GetProperty("results").GetRawText(), b.RootElement.GetProperty("results").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("fingerprint").GetString(), b.RootElement.GetProperty("fingerprint").GetString());
        var results = b.RootElement.GetProperty("results");
        Assert.Equal(6, results.GetArrayLength());
        Assert.Equal(["A", "final_lr"], b.RootElement.GetProperty("swept").EnumerateArray().Select(e => e.GetString()));
        // the default A = 46 at the scenario's final LR: the strong point of the small river (the mpemba test's 0.5 … 0.65)
        var own = results.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "grid=24x48_kappa=1_A=46_lr=0.145");
        Assert.InRange(own.GetProperty("optimal_plateau_lr").GetDouble(), 0.5, 0.65);
        var png = File.ReadAllBytes(Path.Combine(Dir("merged-shards"), "sweep.png"));
        Assert.True(png.Length > 1000 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G');
        Console.WriteLine($"unsharded in-process {unsharded:F1} s; three shard processes in parallel {sharded:F1} s");
    }

    [Fact]
    public void Sweep_RerunIntoTheSameFolder_RunsOnlyTheUnfinishedItems()
    {
        string shard = Dir("s0");
        Assert.Equal(0, RunShard("0/2", shard).Code);
        var items = Directory.GetFiles(Path.Combine(shard, "items")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, items.Length);
        string before = File.ReadAllText(items[1]);
        File.Delete(items[1]);
        var stamps = new[] { items[0], items[2] }.Select(File.GetLastWriteTimeUtc).ToArray();

        var (code, err) = RunShard("0/2", shard);
        Assert.True(code == 0, err);
        Assert.Contains("1 of 3 items run (2 finished before)", err, StringComparison.Ordinal);
        Assert.Equal(stamps, new[] { items[0], items[2] }.Select(File.GetLastWriteTimeUtc));
        using var old = JsonDocument.Parse(before);
        using var again = JsonDocument.Parse(File.ReadAllText(items[1]));
        Assert.Equal(old.RootElement.GetProperty("optimal_plateau_lr").GetDouble(), again.RootElement.GetProperty("optimal_plateau_lr").GetDouble());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(shard, "manifest.json")));
        Assert.True(manifest.RootElement.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public void Merge_MissingOrDuplicatedShard_ExitsOneNamingItAndWritesNothing()
    {
        Assert.Equal(0, RunShard("0/3", Dir("a")).Code);
        Assert.Equal(0, RunShard("1/3", Dir("b")).Code);
        CopyFolder(Dir("b"), Dir("b-copy"));

        var (code, err) = InProcessCli.Run("merge", Dir("a"), Dir("b"), "--out", Dir("m1"));
        AssertOneLineError(code, err, "shard 2/3");
        Assert.Contains("missing", err, StringComparison.Ordinal);

        (code, err) = InProcessCli.Run("merge", Dir("a"), Dir("b"), Dir("b-copy"), "--out", Dir("m2"));
        AssertOneLineError(code, err, "shard 1/3");
        Assert.Contains("twice", err, StringComparison.Ordinal);
        Assert.Contains("b-copy", err, StringComparison.Ordinal);

        // an item file copied into another shard's folder is named by its id
        Assert.Equal(0, RunShard("2/3", Dir("c")).Code);
        string stray = Directory.GetFiles(Path.Combine(Dir("a"), "items"))[0];
        File.Copy(stray, Path.Combine(Dir("c"), "items", Path.GetFileName(stray)));
        (code, err) = InProcessCli.Run("merge", Dir("a"), Dir("b"), Dir("c"), "--out", Dir("m3"));
        AssertOneLineError(code, err, "item " + Path.GetFileNameWithoutExtension(stray));

        Assert.False(Directory.Exists(Dir("m1")) || Directory.Exists(Dir("m2")) || Directory.Exists(Dir("m3")));
    }

    [Fact]
    public void Merge_ShardsOfDifferentPlans_ExitsOneNamingTheFingerprints()
    {
        Assert.Equal(0, RunShard("0/2", Dir("a")).Code);
        File.WriteAllText(_sweep, Sweep.Replace("0.17]", "0.18]", StringComparison.Ordinal));
        Assert.Equal(0, RunShard("1/2", Dir("b")).Code);
        var (code, err) = InProcessCli.Run("merge", Dir("a"), Dir("b"), "--out", Dir("m"));
        AssertOneLineError(code, err, "another plan");
        Assert.False(Directory.Exists(Dir("m")));
    }

    /// <summary>Edits of the good sweep file (find → replace) and the key the message must name.</summary>
    public static TheoryData<string, string, string> BadSweeps => new()
    {
        { "\"scenario\": \"small.json\", ", "", "scenario" },                       // missing key
        { "[0.12, 0.145, 0.17]", "0.12", "final_lr" },                                 // wrong type
        { "\"grid_study\"", "\"grid_studdy\"", "grid_studdy" },                       // unknown key
        { "[0.12, 0.145, 0.17]", "[]", "final_lr" },                                   // empty list
        { "[0.12, 0.145, 0.17]", "[0.12, -0.145]", "final_lr" },                       // negative LR
        { "\"grid_study\": false", "\"grid\": [\"24by48\"], \"grid_study\": false", "grid" }, // bad grid text
        { "\"grid_study\": false", "\"grid\": [\"48\"], \"grid_study\": false", "grid" },     // a 1D grid for a 2D scenario
        { "small.json", "nope.json", "scenario" },                                   // nonexistent scenario
        { "\"A\": [40, 46]", "\"Z\": [40, 46]", "parameters.Z" },                     // undeclared parameter
        { "[40, 46]", "[40, \"46\"]", "parameters.A" },                                // parameter value not a number
        { "[40, 46]", "[40, 40]", "parameters.A" },                                    // duplicate value
        { "[40, 46]", "[40, 70]", "parameters" },                                      // A = 70 makes a(y) = 58 + A·tanh(3y) negative
        { "\"reduced_1d\": false", "\"reduced_1d\": \"no\"", "reduced_1d" },           // flag not a boolean
    };

    [Theory]
    [MemberData(nameof(BadSweeps))]
    public void Sweep_BadSweepFile_ExitsOneWithOneLineNamingTheKeyAndWritesNothing(string find, string replace, string key)
    {
        string edited = Sweep.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Sweep, edited);
        File.WriteAllText(_sweep, edited);
        var (code, err) = RunShard("0/1", Dir("out"));
        AssertOneLineError(code, err, key + ":");
        Assert.False(Directory.Exists(Dir("out")));
    }

    /// <summary>A shard whose largest grid does not fit the memory it is given is refused before its folder is made, naming a grid that fits and where to put it.</summary>
    [Fact]
    public void Sweep_LargestGridBeyondMaxMemory_IsRefusedBeforeAnythingIsWritten()
    {
        File.WriteAllText(_sweep, Sweep.Replace("\"grid_study\": false", "\"grid\": [\"24x48\", \"512x512\"], \"grid_study\": false", StringComparison.Ordinal));
        var (code, err) = InProcessCli.Run("sweep", _sweep, "--out", Dir("out"), "--max-memory", "100M");
        AssertOneLineError(code, err, "not enough memory: sweep on the 512x512 grid");
        Assert.Contains("in the sweep file's grid list instead of \"512x512\"", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("out")));
    }

    /// <summary>
    /// A limit that holds one grid-study solve of the largest grid but not two: the items' grids are solved one
    /// at a time, said in one note (on one core there is nothing to lower and no note), and the shard finishes.
    /// </summary>
    [Fact]
    public void Sweep_LimitBetweenOneAndTwoSolves_RunsOneAtATime_WithANote()
    {
        File.WriteAllText(_sweep, Sweep.Replace("\"final_lr\": [0.12, 0.145, 0.17], \"parameters\": { \"A\": [40, 46] }, \"grid_study\": false",
            "\"final_lr\": [0.145], \"grid_study\": true", StringComparison.Ordinal));
        var scenario = Core.Scenarios.ScenarioLoader.Load(Path.Combine(_dir, "small.json"));
        // the grid study's finest grid: 24×48 times √2, rounded as the study rounds
        var one = Core.Memory.MemoryModel.ForGrid(34, 68).Spectrum(scenario.Mpemba.Modes, backwardLu: Core.Memory.MemoryModel.NeedsBackwardLu(scenario));
        long limit = (one.TotalBytes + one.Concurrent(2).TotalBytes) / 2;
        var (code, err) = InProcessCli.Run("sweep", _sweep, "--out", Dir("out"), "--max-memory", $"{limit >> 10}K");
        Assert.True(code == 0, err);
        Assert.Equal(Core.Numerics.Parallelism.Threads > 1, err.Contains("note: sweep: 1 solve at a time instead of", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(Path.Combine(Dir("out"), "items"), "*.json"));
    }

    [Theory]
    [InlineData("2/2", "--shard")]
    [InlineData("1", "--shard")]
    public void Sweep_BadShard_ExitsOneNamingTheOption(string shard, string key)
    {
        var (code, err) = RunShard(shard, Dir("out"));
        AssertOneLineError(code, err, key);
        Assert.False(Directory.Exists(Dir("out")));
    }

    [Fact]
    public void Merge_FolderThatIsNoShard_ExitsOneNamingIt()
    {
        Directory.CreateDirectory(Dir("empty"));
        var (code, err) = InProcessCli.Run("merge", Dir("empty"), "--out", Dir("m"));
        AssertOneLineError(code, err, "manifest.json");
        Assert.False(Directory.Exists(Dir("m")));
    }

    [Fact]
    public void ExampleSweepFile_LoadsIntoTenItemsOnTheDefaultScenario()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "FokkerPlanck.sln"))) d = d.Parent;
        var file = Core.Sweeps.SweepFileLoader.Load(Path.Combine(d!.FullName, "data", "sweeps", "example.json"));
        Assert.Equal("two-basin river", file.Scenario.Name);
        Assert.Equal(10, file.Plan.Items.Count);
        Assert.True(file.Plan.Settings.GridStudy);
    }

    private static void AssertOneLineError(int code, string err, string fragment)
    {
        Assert.Equal(1, code);
        Assert.Contains(fragment, err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal); // no internal type names
        Assert.DoesNotContain("FokkerPlanck.", err, StringComparison.Ordinal);
    }

    private static Process StartCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fokkerplanck.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        p.OutputDataReceived += (_, _) => { }; // drain stdout so a full pipe cannot block the child
        p.BeginOutputReadLine();
        return p;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string d in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(d.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (string f in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, f.Replace(from, to, StringComparison.Ordinal));
    }
}
