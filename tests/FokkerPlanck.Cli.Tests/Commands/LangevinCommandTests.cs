using System.Text.Json;
using System.Text.Json.Nodes;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// <c>fokkerplanck langevin</c> and <c>fokkerplanck sgd</c> in-process on a 24×48 grid of the small
/// two-basin river: the files and their keys, the same numbers whatever the thread count, and bad input
/// (one line, exit 1, no output folder).
/// </summary>
[Collection("console")]
public sealed class LangevinCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-langevin-").FullName;
    private readonly string _scenario;

    public LangevinCommandTests()
    {
        _scenario = Path.Combine(_dir, "small.json");
        File.WriteAllText(_scenario, InProcessCli.SmallScenario);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Args(string outDir, params string[] extra)
        => ["langevin", _scenario, "--grid", "24x48", "--particles", "4000", "--times", "0.05,0.2", "--seed", "5", "--out", outDir, .. extra];

    [Fact]
    public void Langevin_SmallRun_WritesTheResultsWithATestPerTime()
    {
        string outDir = Path.Combine(_dir, "run");
        var (code, err) = InProcessCli.Run(Args(outDir));
        Assert.True(code is 0 or 3, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "langevin.json")));
        var root = doc.RootElement;
        Assert.Equal(4000, root.GetProperty("particles").GetInt32());
        Assert.Equal(5UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal("lm", root.GetProperty("method").GetString());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal([0.05, 0.2], root.GetProperty("times").EnumerateArray().Select(t => t.GetDouble()));
        var loss = root.GetProperty("excess_loss").EnumerateArray().ToList();
        Assert.Equal(2, loss.Count);
        Assert.All(loss, l => Assert.Equal(2, l.GetProperty("interval").GetArrayLength()));
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.All(tests, t =>
        {
            Assert.Contains(t.GetProperty("verdict").GetString(), new[] { "Consistent", "Inconsistent" });
            Assert.InRange(t.GetProperty("p_value").GetDouble(), 0, 1);
            Assert.True(t.GetProperty("y_marginal").GetProperty("dof").GetInt32() > 0);
        });
        Assert.True(root.GetProperty("throughput").GetProperty("particle_steps_per_second").GetDouble() > 0);
        foreach (string png in new[] { "langevin_loss.png", "langevin_y_marginal.png", "langevin_x_marginal.png", "langevin_residuals.png" })
            Assert.True(new FileInfo(Path.Combine(outDir, png)).Length > 1000, png);
        Assert.True(File.ReadAllLines(Path.Combine(outDir, "langevin_loss.csv")).Length > 10);
    }

    [Fact]
    public void Langevin_SameSeed_SameNumbers_WhateverTheThreadCount()
    {
        (JsonNode Tests, string Particles) Run(string name, string threads)
        {
            string outDir = Path.Combine(_dir, name);
            var (code, err) = InProcessCli.Run(Args(outDir, "--threads", threads, "--no-plots"));
            Assert.True(code is 0 or 3, err);
            var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "langevin.json")))!;
            string particles = string.Join(";", doc["excess_loss"]!.AsArray().Select(e => e!["mean"]!.GetValue<double>().ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            return (doc["tests"]!, particles);
        }
        var one = Run("one", "1");
        var two = Run("two", "2");
        // the particles are the same to the bit; the Fokker–Planck side (eigen-solve, time stepper) sums in another order on
        // two threads, so its numbers (expected counts, p-values) agree to rounding only
        Assert.Equal(one.Particles, two.Particles);
        var a = Numbers(one.Tests).ToArray();
        var b = Numbers(two.Tests).ToArray();
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 1e-9 * Math.Max(1e-3, Math.Abs(a[i])), $"number {i}: {a[i]:R} vs {b[i]:R}");
    }

    private static IEnumerable<double> Numbers(JsonNode? n) => n switch
    {
        JsonObject o => o.SelectMany(p => Numbers(p.Value)),
        JsonArray a => a.SelectMany(Numbers),
        JsonValue v when v.TryGetValue(out double d) => [d],
        _ => [],
    };

    [Fact]
    public void Langevin_OneDimensional_FromAPoint_AgreesWithTheFokkerPlanckSolutionFromThatCell()
    {
        // the 1D tilted double well on 512 cells (the 24×48 two-basin grid resolves the valley with 1.2 cells, too coarse to agree)
        string scenario = Path.Combine(_dir, "one-d.json");
        File.WriteAllText(scenario, """
            { "name": "1d", "landscape": { "kind": "potential1d", "U": "0.5*y^4 - y^2 + 0.3*y" }, "domain": { "y": [-2.5, 2.5] },
              "grid": { "ny": 512 }, "final_lr": 0.25, "plateau_lr": { "min": 0.05, "max": 3.0, "points": 40 }, "modes": 4 }
            """);
        string outDir = Path.Combine(_dir, "point");
        var (code, err) = InProcessCli.Run(["langevin", scenario, "--particles", "4000", "--times", "0.3,1", "--start", "1", "--no-plots", "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "langevin.json")));
        Assert.Equal(2, doc.RootElement.GetProperty("tests").GetArrayLength());
    }

    [Fact]
    public void Langevin_KilledAfterItsFirstComparisonTime_ResumesToTheNumbersOfAnUninterruptedRun()
    {
        string[] Options(string outDir) => ["langevin", _scenario, "--grid", "24x48", "--particles", "20000", "--times", "0.05,2", "--seed", "9", "--no-plots", "--out", outDir];
        string whole = Path.Combine(_dir, "whole"), killed = Path.Combine(_dir, "killed");
        var (code, err) = InProcessCli.Run(Options(whole));
        Assert.True(code is 0 or 3, err);

        // a separate process, killed (SIGKILL: no chance to tidy up) once its first checkpoint exists
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fokkerplanck.dll"));
        foreach (string argument in Options(killed)) start.ArgumentList.Add(argument);
        using (var process = System.Diagnostics.Process.Start(start)!)
        {
            string checkpoint = Path.Combine(killed, "checkpoint.json");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(checkpoint) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(10);
            Assert.False(process.HasExited, "the run ended before it could be killed; make its last time later");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        using (var partial = JsonDocument.Parse(File.ReadAllText(Path.Combine(killed, "langevin.json"))))
            Assert.False(partial.RootElement.GetProperty("complete").GetBoolean());

        (code, err) = InProcessCli.Run([.. Options(killed), "--resume"]);
        Assert.True(code is 0 or 3, err);
        Assert.False(File.Exists(Path.Combine(killed, "checkpoint.json")), "a finished run leaves no checkpoint");
        using var a = JsonDocument.Parse(File.ReadAllText(Path.Combine(whole, "langevin.json")));
        using var b = JsonDocument.Parse(File.ReadAllText(Path.Combine(killed, "langevin.json")));
        Assert.True(b.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(a.RootElement.GetProperty("tests").GetRawText(), b.RootElement.GetProperty("tests").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("excess_loss").GetRawText(), b.RootElement.GetProperty("excess_loss").GetRawText());
    }

    [Fact]
    public void Langevin_ResumeWithoutACheckpoint_SaysThereIsNone()
    {
        string outDir = Path.Combine(_dir, "nothing");
        var (code, err) = InProcessCli.Run(Args(outDir, "--resume"));
        Assert.Equal(1, code);
        Assert.Contains("no checkpoint", err);
    }

    public static TheoryData<string, string[], string> BadInputs => new()
    {
        { "an unknown method", ["--method", "heun"], "--method" },
        { "a negative time step", ["--dt", "-1"], "--dt" },
        { "one particle", ["--particles", "1"], "--particles" },
        { "SGD past its edge of stability", ["--method", "sgd"], "--kappa" },
        { "a level outside (0, 1)", ["--level", "1.5"], "--level" },
        { "an explicit step past stability", ["--dt", "0.1"], "--dt" },
        { "a start outside the box", ["--start", "9,0"], "--start" },
        { "a start that is not a point", ["--start", "0;1"], "--start" },
        { "two starts", ["--start", "0,0", "--initial", "p.npy"], "--initial" },
        { "a missing initial density", ["--initial", "missing.npy"], "--initial" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Langevin_BadInput_OneLineExitOneNoFolder(string what, string[] extra, string named)
    {
        string outDir = Path.Combine(_dir, "bad");
        var (code, err) = InProcessCli.Run(Args(outDir, extra));
        Assert.True(code == 1, $"{what}: exit {code}, {err}");
        Assert.Contains(named, err);
        Assert.DoesNotContain("Exception", err);
        Assert.False(Directory.Exists(outDir), what);
    }

    [Fact]
    public void Sgd_SmallStudy_WritesBothStudies()
    {
        string outDir = Path.Combine(_dir, "sgd");
        var (code, err) = InProcessCli.Run(["sgd", _scenario, "--grid", "24x48", "--kappa", "100", "--particles", "2000", "--lr", "0.003,0.01",
            "--plateau-lr", "0.003,0.008", "--no-operator", "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sgd.json")));
        var root = doc.RootElement;
        Assert.Equal(100, root.GetProperty("kappa").GetDouble());
        Assert.Equal(0.00145, root.GetProperty("final_lr").GetDouble(), 12);
        var departure = root.GetProperty("departure").EnumerateArray().ToList();
        Assert.Equal(2, departure.Count);
        // η·a_max ≈ 1: SGD's valley is wider than the FP's (ratio 1/(1 − ηa/2) where a is large), clearly above 1
        var hot = departure[1];
        Assert.True(hot.GetProperty("valley_ratio").GetDouble() - 1 > 4 * hot.GetProperty("valley_ratio_error").GetDouble(), hot.GetRawText());
        Assert.Equal(2, root.GetProperty("mpemba").GetProperty("points").GetArrayLength());
        Assert.True(new FileInfo(Path.Combine(outDir, "sgd_departure.png")).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(outDir, "sgd_mpemba.png")).Length > 1000);
    }

    [Fact]
    public void Sgd_OperatorStage_ReplaysTheStudyBesideTheParticles()
    {
        string outDir = Path.Combine(_dir, "sgd-operator");
        var (code, err) = InProcessCli.Run(["sgd", _scenario, "--grid", "24x48", "--kappa", "30", "--particles", "500", "--no-departure",
            "--plateau-lr", "0.008,0.02", "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sgd.json")));
        var op = doc.RootElement.GetProperty("operator").EnumerateArray().ToList();
        Assert.Equal([0.008, 0.02], op.Select(p => p.GetProperty("plateau_lr").GetDouble()));
        // the replay differs from the infinite-burn-in value only by the burn-in's leftover e^{−3} of the start's slow part
        foreach (var p in op)
            Assert.True(Math.Abs(p.GetProperty("slow_amplitude").GetDouble() - p.GetProperty("slow_amplitude_stationary").GetDouble()) < 0.1 * Math.Abs(p.GetProperty("slow_amplitude_stationary").GetDouble()) + 0.01, p.GetRawText());
        Assert.True(new FileInfo(Path.Combine(outDir, "sgd_mpemba.png")).Length > 1000);
    }

    [Fact]
    public void MpembaSgdModel_WritesTheThreeModels()
    {
        string outDir = Path.Combine(_dir, "mpemba-sgd");
        var (code, err) = InProcessCli.Run(["mpemba", _scenario, "--grid", "24x48", "--model", "sgd", "--kappa", "30", "--sgd-points", "4", "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "mpemba-sgd.json")));
        var root = doc.RootElement;
        Assert.Equal(30, root.GetProperty("kappa").GetDouble());
        var sgd = root.GetProperty("sgd");
        var modes = sgd.GetProperty("modes").EnumerateArray().ToList();
        Assert.Equal(1.0, modes[0].GetProperty("multiplier").GetDouble(), 10);
        // η_c·a_max = 0.5: SGD's slowest rate stays within a few per cent of the FP's
        double fp = root.GetProperty("fokker_planck").GetProperty("rates")[1].GetDouble(), own = modes[1].GetProperty("rate").GetDouble();
        Assert.True(Math.Abs(own / fp - 1) < 0.05, $"SGD λ₂ {own} vs FP {fp}");
        Assert.All(modes, m => Assert.True(m.GetProperty("residual").GetDouble() < 1e-8));
        Assert.Equal(4, sgd.GetProperty("points").GetArrayLength() + sgd.GetProperty("skipped_beyond_edge").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, root.GetProperty("force_corrected_river").ValueKind);
        Assert.True(new FileInfo(Path.Combine(outDir, "mpemba_models.png")).Length > 1000);
    }

    [Fact]
    public void MpembaSgdModel_MatricesThatDoNotFit_AreRefusedBeforeAnythingIsWritten()
    {
        string outDir = Path.Combine(_dir, "mpemba-sgd-memory");
        var (code, err) = InProcessCli.Run(["mpemba", _scenario, "--grid", "24x48", "--model", "sgd", "--kappa", "30", "--max-memory", "100M", "--out", outDir]);
        Assert.NotEqual(0, code);
        Assert.Contains("not enough memory", err);
        Assert.Contains("--cells-per-noise 0.8", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void MpembaSgdModel_PastTheEdgeOfStability_NamesTheKappaAndWritesNothing()
    {
        string outDir = Path.Combine(_dir, "mpemba-sgd-bad");
        var (code, err) = InProcessCli.Run(["mpemba", _scenario, "--grid", "24x48", "--model", "sgd", "--out", outDir]);
        Assert.Equal(1, code);
        Assert.Contains("--kappa 30.2", err);
        Assert.DoesNotContain("Exception", err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Sgd_PastTheEdgeOfStability_NamesTheKappaThatFixesIt()
    {
        string outDir = Path.Combine(_dir, "sgd-bad");
        var (code, err) = InProcessCli.Run(["sgd", _scenario, "--grid", "24x48", "--out", outDir]);
        Assert.Equal(1, code);
        Assert.Contains("--kappa", err);
        Assert.False(Directory.Exists(outDir));
    }
}
