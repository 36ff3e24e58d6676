using System.Text.Json;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// <c>fokkerplanck evolve</c> in-process on a 24×48 grid of the small two-basin river: the quench's
/// late-time rate is λ₂, the verdict writes its findings, and bad input exits 1 with one line and no
/// output folder.
/// </summary>
[Collection("console")]
public sealed class EvolveCommandTests : IDisposable
{
    /// <summary>The measured late-time rate of a quench from an ordinary plateau agrees with λ₂ to this (relative).</summary>
    private const double RateTolerance = 0.01;

    private const string Small = InProcessCli.SmallScenario;

    private static readonly string[] Fast = ["--grid", "24x48", "--outputs", "40", "--no-plots"];

    private readonly string _dir = Directory.CreateTempSubdirectory("fp-evolve-").FullName;
    private readonly string _scenario;

    public EvolveCommandTests()
    {
        _scenario = Path.Combine(_dir, "small.json");
        File.WriteAllText(_scenario, Small);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Err) Run(params string[] args) => InProcessCli.Run(args);

    /// <summary>A run that needs more steps than --max-steps stops there: its results are written, the status says why, the exit code is 2.</summary>
    [Fact]
    public void Evolve_StepLimit_WritesResultsAndExitsTwo()
    {
        string outDir = Path.Combine(_dir, "limited");
        var (code, err) = Run(["evolve", _scenario, "--plateau-lr", "0.3", "--schedule", "linear:5", "--max-steps", "3", .. Fast, "--out", outDir]);
        Assert.Equal(2, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "evolve.json")));
        var run = Assert.Single(doc.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("StepLimitReached", run.GetProperty("statistics").GetProperty("status").GetString());
        Assert.Contains("StepLimitReached", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Evolve_QuenchFromAnOrdinaryPlateau_DecaysAtLambda2AndWritesEveryOutput()
    {
        string outDir = Path.Combine(_dir, "quench");
        var (code, err) = Run(["evolve", _scenario, "--plateau-lr", "0.3", "--grid", "24x48", "--outputs", "40", "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "evolve.json")));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("complete").GetBoolean());
        double lambda2 = root.GetProperty("lambda")[1].GetDouble();
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        Assert.Equal(0.3, run.GetProperty("plateau_lr").GetDouble());
        var late = run.GetProperty("late_time_rate");
        Assert.InRange(late.GetProperty("rate").GetDouble() / lambda2 - 1, -RateTolerance, RateTolerance);
        Assert.Equal(2, late.GetProperty("closest_mode").GetInt32());
        Assert.Equal("Completed", run.GetProperty("statistics").GetProperty("status").GetString());
        int times = run.GetProperty("times").GetArrayLength();
        Assert.Equal(times, run.GetProperty("mode_amplitudes").GetArrayLength());
        Assert.Equal(3, run.GetProperty("mode_amplitudes")[0].GetArrayLength()); // a2..a4 of 4 modes
        Assert.Equal(times, run.GetProperty("predicted").GetProperty("l1").GetArrayLength());
        Assert.True(run.GetProperty("time_to_tolerance").GetProperty("l1").GetProperty("steps").GetDouble() > 0);

        var series = File.ReadAllLines(Path.Combine(outDir, "series.csv"));
        Assert.Equal("plateau_lr,t,steps,lr,temperature,excess_loss,kl,l1,a2,a3,a4,predicted_excess_loss,predicted_l1,predicted_kl", series[0]);
        Assert.Equal(times + 1, series.Length);
        Assert.Equal("plateau_lr,t,y,mass,density", File.ReadLines(Path.Combine(outDir, "river_marginals.csv")).First());
        foreach (var snap in run.GetProperty("snapshots").EnumerateArray())
        {
            var npy = NpyReader.Read(Path.Combine(outDir, snap.GetProperty("file").GetString()!));
            Assert.Equal([48, 24], npy.Shape);
            Assert.Equal(1.0, npy.Data.Sum(), 1e-9);
        }
        foreach (string png in new[] { "distances.png", "amplitudes.png", "schedule.png", "river_marginal.png" })
            Assert.True(new FileInfo(Path.Combine(outDir, png)).Length > 1000, png);
    }

    [Fact]
    public void Evolve_InitialDensityOffByAFactor_IsNormalizedWithAWarning()
    {
        string npy = Path.Combine(_dir, "uniform.npy");
        NpyWriter.Write(npy, Enumerable.Repeat(2.0, 24 * 48).ToArray(), 48, 24);
        string outDir = Path.Combine(_dir, "initial");
        var (code, err) = Run(["evolve", _scenario, "--plateau-lr", "0.3", "--initial", npy, "--t-end", "50", .. Fast, "--out", outDir]);
        Assert.True(code == 0, err);
        Assert.Contains("normalized to 1", err, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "evolve.json")));
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal(1.0, run.GetProperty("mass")[0].GetDouble(), 1e-12);
        Assert.Equal(50, run.GetProperty("end_time").GetDouble(), 1e-12);
    }

    [Fact]
    public void Evolve_TableScheduleFromTheScenario_IsReadFromTheScenarioFolderAndFixesThePlateau()
    {
        File.WriteAllText(Path.Combine(_dir, "decay.csv"), "t,lr\n0,0.5\n10,0.145\n");
        string scenario = Path.Combine(_dir, "table.json");
        File.WriteAllText(scenario, Small.Replace("\"modes\": 4", "\"modes\": 4, \"schedule\": \"table:decay.csv\"", StringComparison.Ordinal));
        string outDir = Path.Combine(_dir, "table");
        var (code, err) = Run(["evolve", scenario, "--t-end", "60", .. Fast, "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "evolve.json")));
        var run = Assert.Single(doc.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(0.5, run.GetProperty("plateau_lr").GetDouble());
        Assert.Equal("table:decay.csv", run.GetProperty("schedule").GetProperty("spec").GetString());
    }

    [Fact]
    public void Verdict_TwoPlateausTwoSchedules_WritesTheTableAndOneFindingPerSchedule()
    {
        string outDir = Path.Combine(_dir, "verdict");
        // 0.577 is the strong Mpemba point of this grid as printed (0.57707…): the verdict counts it as the point
        var (code, err) = Run(["evolve", _scenario, "--verdict", "--plateau-lr", "0.3,0.577", "--schedule", "constant", "--schedule", "linear:5", .. Fast, "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "verdict.json")));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal(4, root.GetProperty("rows").GetArrayLength());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["constant", "linear:5"], findings.Select(f => f.GetProperty("schedule").GetString()));
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("sentence").GetString())));
        // the quench from the strong point decays at λ₃ instead of λ₂: it reaches the tolerance first
        Assert.Equal("AdvantageKept", findings[0].GetProperty("outcome").GetString());
        Assert.Equal(5, File.ReadAllLines(Path.Combine(outDir, "verdict.csv")).Length);
    }

    public static TheoryData<string, string[], string[]> BadInputs => new()
    {
        { "unknown schedule kind", ["--schedule", "lineer:10"], ["invalid schedule", "lineer"] },
        { "negative LR", ["--plateau-lr", "0.3,-0.2"], ["--plateau-lr", "-0.2"] },
        { "table with a bad row", ["--schedule", "table:{table}"], ["line 3", "column \"lr\""] },
        { "table beside --plateau-lr", ["--schedule", "table:{good-table}", "--plateau-lr", "0.3"], ["--plateau-lr", "fixes its own plateau LR"] },
        { "LR the domain cannot hold", ["--plateau-lr", "50"], ["--plateau-lr", "η = 50", "wall"] },
        { "initial density of the wrong shape", ["--initial", "{npy}"], ["--initial", "does not fit the grid 24×48"] },
        { "bad tolerance", ["--rtol", "2"], ["--rtol"] },
        { "end time beyond any run", ["--t-end", "1e308"], ["--t-end", "too long", "at most 1E+12"] },
        { "negative end time", ["--t-end", "-5"], ["--t-end must be positive and finite"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Evolve_BadInput_ExitsOneWithOneLineAndNoOutputFolder(string what, string[] options, string[] fragments)
    {
        string table = Path.Combine(_dir, "lr.csv"), goodTable = Path.Combine(_dir, "good.csv"), npy = Path.Combine(_dir, "wrong.npy");
        File.WriteAllText(table, "t,lr\n0,0.5\n5,abc\n10,0.145\n");
        File.WriteAllText(goodTable, "t,lr\n0,0.5\n10,0.145\n");
        NpyWriter.Write(npy, new double[24 * 47]);
        string outDir = Path.Combine(_dir, "bad");
        var args = options.Select(o => o.Replace("{table}", table, StringComparison.Ordinal).Replace("{good-table}", goodTable, StringComparison.Ordinal)
            .Replace("{npy}", npy, StringComparison.Ordinal)).ToArray();
        var (code, err) = Run(["evolve", _scenario, .. args, "--grid", "24x48", "--outputs", "40", "--no-plots", "--out", outDir]);
        Assert.True(code == 1, $"{what}: exit {code}; {err}");
        var errors = err.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        string line = Assert.Single(errors);
        foreach (string f in fragments) Assert.Contains(f, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), $"{what}: the output folder was created");
    }

    [Fact]
    public void Evolve_SeveralSchedulesWithoutVerdict_IsAUsageError()
    {
        var (code, err) = Run(["evolve", _scenario, "--schedule", "constant", "--schedule", "linear:5", .. Fast, "--out", Path.Combine(_dir, "two")]);
        Assert.Equal(1, code);
        Assert.Contains("--verdict", err, StringComparison.Ordinal);
    }
}
