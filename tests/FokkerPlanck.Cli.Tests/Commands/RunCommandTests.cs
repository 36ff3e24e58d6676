using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FokkerPlanck.Reporting;
using FokkerPlanck.Reporting.Run;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// <c>fokkerplanck run</c> in-process on a 24×48 grid of the small two-basin river: the report names the
/// strong Mpemba point and embeds every figure, a run killed mid-way resumes to the numbers of an
/// uninterrupted one, and bad input ends with one line, exit 1 and no output folder.
/// </summary>
[Collection("console")]
public sealed partial class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-run-").FullName;
    private readonly string _scenario;

    public RunCommandTests()
    {
        _scenario = Path.Combine(_dir, "small.json");
        File.WriteAllText(_scenario, InProcessCli.SmallScenario);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Args(string outDir, params string[] extra)
        => ["run", _scenario, "--grid", "24x48", "--particles", "3000", "--sweep", "2", "--seed", "4", "--out", outDir, .. extra];

    [Fact]
    public void Run_SmallScenario_WritesAReportThatNamesTheStrongPointAndEmbedsEveryFigure()
    {
        string outDir = Path.Combine(_dir, "run");
        var (code, err) = InProcessCli.Run(Args(outDir));
        Assert.True(code is 0 or 3, err);
        var results = RunFolder.Load(outDir)!;
        Assert.True(results.Complete);
        var optimum = results.Mpemba!.Cooling.First();
        Assert.InRange(optimum.Lr, 0.55, 0.62);

        string html = File.ReadAllText(Path.Combine(outDir, RunFolder.ReportFile));
        Assert.Contains("strong Mpemba point", html);
        Assert.Contains(ReportText.Lr(optimum), html);
        int embedded = ImageSource().Count(html);
        var drawn = Directory.GetFiles(outDir, "*.png", SearchOption.AllDirectories);
        Assert.True(embedded >= 12, $"{embedded} figures embedded");
        Assert.True(embedded <= drawn.Length);
        Assert.DoesNotContain("figure not drawn", html);
        Assert.DoesNotContain("Pending", html);
        Assert.Matches(new Regex("src=\"data:image/png;base64,[A-Za-z0-9+/=]{1000,}\""), html);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:|file:|/)"), html);
        foreach (string stage in new[] { "check/check.json", "spectrum/spectrum.json", "mpemba/mpemba.json", "verdict/verdict.json", "langevin/langevin.json" })
            Assert.True(File.Exists(Path.Combine(outDir, stage)), stage);
        Assert.False(File.Exists(Path.Combine(outDir, OutputLock.FileName)), "the lock is released");
    }

    [Fact]
    public void Run_OneDimensionalScenarioWithoutAStrongPoint_ReportsThatAndDrawsOnlyWhatExists()
    {
        string scenario = Path.Combine(_dir, "one-d.json");
        File.WriteAllText(scenario, """
            { "name": "1d", "landscape": { "kind": "potential1d", "U": "0.5*y^4 - y^2 + 0.3*y" }, "domain": { "y": [-2.5, 2.5] },
              "grid": { "ny": 256 }, "final_lr": 0.25, "plateau_lr": { "min": 0.3, "max": 3.0, "points": 24 }, "modes": 4 }
            """);
        string outDir = Path.Combine(_dir, "one-d");
        var (code, err) = InProcessCli.Run(["run", scenario, "--particles", "3000", "--sweep", "0", "--out", outDir]);
        Assert.True(code is 0 or 3, err);
        var results = RunFolder.Load(outDir)!;
        Assert.True(results.Complete);
        Assert.Empty(results.Mpemba!.Cooling);
        Assert.All(results.Verdict!.PlateauLrs, p => Assert.True(p <= 3.0));
        string html = File.ReadAllText(Path.Combine(outDir, RunFolder.ReportFile));
        Assert.Contains("no plateau learning rate in the scanned range cancels the slowest relaxation mode", html);
        Assert.DoesNotContain("figure not drawn", html);
        Assert.True(ImageSource().Count(html) >= 6);
    }

    [GeneratedRegex("<img [^>]*src=\"data:image/png;base64,")]
    private static partial Regex ImageSource();

    [Theory]
    [InlineData("check")]
    [InlineData("mpemba")]
    [InlineData("verdict")]
    public void Run_KilledAfterAStage_LeavesFilesThatParseAndResumesToTheNumbersOfAnUninterruptedRun(string stage)
    {
        string whole = Path.Combine(_dir, "whole"), killed = Path.Combine(_dir, "killed");
        var (code, err) = InProcessCli.Run(Args(whole, "--no-plots"));
        Assert.True(code is 0 or 3, err);

        // a separate process, killed (SIGKILL: no chance to tidy up) once run.json holds the stage
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fokkerplanck.dll"));
        foreach (string argument in Args(killed, "--no-plots")) start.ArgumentList.Add(argument);
        using (var process = Process.Start(start)!)
        {
            var clock = Stopwatch.StartNew();
            while (!StageDone(killed, stage) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(2);
            Assert.False(process.HasExited, "the run ended before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var partial = RunFolder.Load(killed)!;
        Assert.False(partial.Complete);
        Assert.Null(partial.Langevin);
        // the kill may fall between run.json and report.html (each written whole): a report there is a partial one
        string report = Path.Combine(killed, RunFolder.ReportFile);
        if (File.Exists(report)) Assert.Contains("Pending", File.ReadAllText(report));
        foreach (string json in Directory.GetFiles(killed, "*.json", SearchOption.AllDirectories)) JsonNode.Parse(File.ReadAllText(json));
        foreach (string csv in Directory.GetFiles(killed, "*.csv", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(csv);
            Assert.True(lines.Length > 1 && lines.All(l => l.Split(',').Length == lines[0].Split(',').Length), csv);
        }
        // a kill in the middle of a write leaves its temporary file (never a half-written result): the
        // resume, taking over the dead process's lock, removes it
        Assert.All(Directory.GetFiles(killed, "*" + Core.IO.AtomicFile.TemporarySuffix, SearchOption.AllDirectories),
            f => Assert.True(Core.IO.AtomicFile.IsTemporaryName(Path.GetFileName(f)), f));

        (code, err) = InProcessCli.Run(Args(killed, "--no-plots", "--resume"));
        Assert.True(code is 0 or 3, err);
        Assert.Empty(Directory.GetFiles(killed, "*" + Core.IO.AtomicFile.TemporarySuffix, SearchOption.AllDirectories));
        var resumed = RunFolder.Load(killed)!;
        Assert.True(resumed.Complete);
        foreach (var done in partial.Seconds) Assert.Equal(done.Value, resumed.Seconds[done.Key]);
        Assert.Equal(WithoutTimes(RunFolder.Load(whole)!), WithoutTimes(resumed));
    }

    private static bool StageDone(string dir, string stage)
    {
        try { return File.Exists(Path.Combine(dir, RunFolder.ResultsFile)) && JsonNode.Parse(File.ReadAllText(Path.Combine(dir, RunFolder.ResultsFile)))?[stage] is JsonObject; }
        catch (JsonException) { return false; }
        catch (IOException) { return false; }
    }

    /// <summary>run.json without wall times and the throughput (the only numbers that differ between two runs of the same inputs).</summary>
    private static string WithoutTimes(Core.Pipeline.RunResults r)
    {
        var node = JsonNode.Parse(RunFolder.Serialize(r))!;
        Strip(node);
        return node.ToJsonString();

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                foreach (string key in o.Select(p => p.Key).Where(k => k.EndsWith("seconds", StringComparison.Ordinal) || k == "throughput").ToList()) o.Remove(key);
                foreach (var p in o) Strip(p.Value);
            }
            else if (n is JsonArray a) foreach (var item in a) Strip(item);
        }
    }

    [Fact]
    public void Run_ResumeWithoutAnEarlierRun_SaysThereIsNone()
    {
        string outDir = Path.Combine(_dir, "nothing");
        var (code, err) = InProcessCli.Run(Args(outDir, "--resume"));
        Assert.Equal(1, code);
        Assert.Contains("no run to continue", err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_ResumeWithOtherOptions_IsRefusedWithBothFingerprints()
    {
        string outDir = Path.Combine(_dir, "other");
        var (code, err) = InProcessCli.Run(Args(outDir, "--no-verdict", "--no-langevin", "--no-plots"));
        Assert.Equal(0, code);
        string[] other = [.. Args(outDir, "--no-verdict", "--no-langevin", "--no-plots", "--resume")];
        other[Array.IndexOf(other, "--seed") + 1] = "5";
        (code, err) = InProcessCli.Run(other);
        Assert.Equal(1, code);
        Assert.Contains("other inputs", err);
        Assert.Contains("seed 4", err);
        Assert.Contains("seed 5", err);
    }

    [Theory]
    [InlineData("--particles", "1", "--particles")]
    [InlineData("--sweep", "-1", "--sweep")]
    [InlineData("--threads", "0", "--threads")]
    [InlineData("--grid", "12y5", "--grid")]
    [InlineData("--sgd-kappa", "-1", "--sgd-kappa")]
    [InlineData("--budget-steps", "0", "--budget-steps")]
    [InlineData("--sgd-kappa", "2", "edge of stability")]
    public void Run_BadOption_OneLineExitOneNoFolder(string option, string value, string named)
    {
        string outDir = Path.Combine(_dir, "bad");
        var (code, err) = InProcessCli.Run(Args(outDir, option, value));
        Assert.Equal(1, code);
        Assert.Contains(named, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_WithSgdKappa_AddsSgdsOwnPlateauBesideTheContinuousModels()
    {
        string outDir = Path.Combine(_dir, "finite-lr");
        var (code, err) = InProcessCli.Run(Args(outDir, "--sgd-kappa", "30", "--no-verdict", "--no-langevin", "--no-grid-study"));
        Assert.True(code == 0, err);
        var results = RunFolder.Load(outDir)!;
        Assert.True(results.Complete);
        var f = results.FiniteLr!;
        Assert.Equal(30, f.Kappa);
        Assert.Equal(0.145 / 30, f.FinalLr, 12);
        Assert.Single(f.FokkerPlanckPoints);
        Assert.True(f.SgdPoints.Length > 0 || f.Closest is not null);
        Assert.True(File.Exists(Path.Combine(outDir, "finitelr", FiniteLrFiles.JsonName)));
        string html = File.ReadAllText(Path.Combine(outDir, RunFolder.ReportFile));
        Assert.Contains("SGD&#39;s own plateau", html.Replace("&#x27;", "&#39;"));
        Assert.Contains("SGD transition operator", html);
        Assert.DoesNotContain("figure not drawn", html);
    }

    [Fact]
    public void Run_WithBudgetSteps_AddsTheMapAndTheScheduleForTheBudget()
    {
        string outDir = Path.Combine(_dir, "design");
        var (code, err) = InProcessCli.Run(Args(outDir, "--budget-steps", "150", "--objective", "AbsoluteExcess", "--no-verdict", "--no-langevin", "--no-grid-study"));
        Assert.True(code == 0, err);
        var results = RunFolder.Load(outDir)!;
        var d = results.Design!;
        Assert.Equal(150, d.BudgetSteps);
        Assert.Equal(Core.Analysis.ScheduleOptimization.BudgetGoal.AbsoluteExcess, d.Goal);
        Assert.Equal(["linear", "cosine", "exp", "step"], d.Kinds);
        Assert.Equal(0, d.Durations[0]);
        // at the instant drop every shape's point is the quench's strong point
        double quench = results.Mpemba!.Cooling.First().Lr;
        Assert.All(d.MapLr, row => Assert.Equal(quench, row[0], 3));
        var optimum = d.Schedules[0];
        Assert.Equal(Core.Pipeline.DesignRole.Optimum, optimum.Role);
        Assert.All(d.Schedules, s => Assert.True(Math.Abs(s.FinalExcess) >= Math.Abs(optimum.FinalExcess) - 1e-15, s.Label));
        Assert.Equal("12×24", d.OptimizerGrid);
        foreach (string file in new[] { "dynamic_mpemba.json", "optimize.json", DynamicMpembaFigures.MapFigure, OptimizeFigures.SchedulesFigure })
            Assert.True(File.Exists(Path.Combine(outDir, "design", file)), file);
        string html = File.ReadAllText(Path.Combine(outDir, RunFolder.ReportFile));
        Assert.Contains("A schedule for your budget", html);
        Assert.DoesNotContain("figure not drawn", html);
    }

    [Fact]
    public void Run_MissingScenario_OneLineExitOne()
    {
        string outDir = Path.Combine(_dir, "missing");
        var (code, err) = InProcessCli.Run(["run", Path.Combine(_dir, "absent.json"), "--out", outDir]);
        Assert.Equal(1, code);
        Assert.Contains("absent.json", err);
        Assert.False(Directory.Exists(outDir));
    }
}
