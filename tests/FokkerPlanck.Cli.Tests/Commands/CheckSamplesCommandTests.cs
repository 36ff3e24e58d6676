using System.Globalization;
using System.Text;
using System.Text.Json;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// <c>fokkerplanck check-samples</c> in-process on a 24×48 grid of the small two-basin river: samples
/// drawn from the FP density at two times pass (in time and in steps), samples from another plateau
/// fail with exit code 3, and malformed files exit 1 with one line naming line and column and no
/// output folder.
/// </summary>
[Collection("console")]
public sealed class CheckSamplesCommandTests : IDisposable
{
    /// <summary>Samples per time: enough power to tell a plateau of 1.2 from 0.3 long after the decay, cheap to check.</summary>
    private const int SamplesPerTime = 3000;

    /// <summary>The schedule the samples follow (a decay from the plateau to η_c over 5 time units).</summary>
    private const string Schedule = "linear:5";

    private static readonly double[] Times = [1.0, 4.0];

    private readonly string _dir = Directory.CreateTempSubdirectory("fp-check-samples-").FullName;
    private readonly string _scenario;

    public CheckSamplesCommandTests()
    {
        _scenario = Path.Combine(_dir, "small.json");
        File.WriteAllText(_scenario, InProcessCli.SmallScenario);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Err) Run(params string[] args) => InProcessCli.Run(args);

    private string[] Check(string samples, string plateau, string outDir)
        => ["check-samples", _scenario, samples, "--plateau-lr", plateau, "--schedule", Schedule, "--grid", "24x48", "--out", outDir];

    [Fact]
    public void CheckSamples_DrawnFromTheFokkerPlanckDensity_AreConsistent()
    {
        string samples = WriteSamples("good.csv", plateau: 0.3, seed: 1, inSteps: false);
        string outDir = Path.Combine(_dir, "good");
        var (code, err) = Run(Check(samples, "0.3", outDir));
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "check-samples.json")));
        var root = doc.RootElement;
        Assert.Equal("Consistent", root.GetProperty("verdict").GetString());
        Assert.True(root.GetProperty("complete").GetBoolean());
        var times = root.GetProperty("times").EnumerateArray().ToList();
        Assert.Equal(Times, times.Select(t => t.GetProperty("t").GetDouble()));
        foreach (var t in times)
        {
            Assert.Equal(SamplesPerTime, t.GetProperty("n").GetInt32());
            Assert.Equal(48, t.GetProperty("y_marginal").GetProperty("counts").GetArrayLength());
            Assert.Equal(49, t.GetProperty("y_marginal").GetProperty("faces").GetArrayLength());
            Assert.Equal(24, t.GetProperty("x_marginal").GetProperty("expected").GetArrayLength());
            Assert.Equal(3, t.GetProperty("amplitudes").GetArrayLength()); // a2..a4 of 4 modes
            Assert.Equal(6, t.GetProperty("tests").GetArrayLength());
        }
    }

    [Fact]
    public void CheckSamples_FileInStepsWithRuns_ConvertsStepsThroughTheSchedule()
    {
        string samples = WriteSamples("steps.csv", plateau: 0.3, seed: 2, inSteps: true);
        string outDir = Path.Combine(_dir, "steps");
        var (code, err) = Run(Check(samples, "0.3", outDir));
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "check-samples.json")));
        var times = doc.RootElement.GetProperty("times").EnumerateArray().ToList();
        Assert.Equal(Times[0], times[0].GetProperty("t").GetDouble(), 1e-9);
        Assert.Equal(Times[1], times[1].GetProperty("t").GetDouble(), 1e-9);
        Assert.True(times[0].GetProperty("steps").GetDouble() > 1);
        Assert.Equal(10, times[0].GetProperty("runs").GetInt32());
    }

    [Fact]
    public void CheckSamples_FromAnotherPlateau_AreInconsistentWithExitCodeThree()
    {
        string samples = WriteSamples("hot.csv", plateau: 1.2, seed: 3, inSteps: false);
        string outDir = Path.Combine(_dir, "hot");
        var (code, err) = Run(Check(samples, "0.3", outDir));
        Assert.True(code == 3, $"exit {code}; {err}");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "check-samples.json")));
        Assert.Equal("Inconsistent", doc.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("Inconsistent", doc.RootElement.GetProperty("times")[0].GetProperty("verdict").GetString());
    }

    public static TheoryData<string, string, string[], string[]> BadInputs => new()
    {
        { "not a number", "t,x,y\n1,0.1,abc\n1,0,0\n", [], ["invalid samples", "bad.csv line 2, column \"y\"", "not a number"] },
        { "outside the domain", "t,x,y\n1,0,0\n1,0,9\n", [], ["bad.csv line 3, column \"y\"", "outside the scenario's domain"] },
        { "2D scenario without x", "t,y\n1,0\n1,0.1\n", [], ["bad.csv line 1, column \"x\"", "two-dimensional"] },
        { "one sample at a time", "t,x,y\n1,0,0\n2,0,0\n2,0,0.1\n", [], ["bad.csv line 2, column \"t\"", "1 sample"] },
        { "negative step", "step,x,y\n-1,0,0\n", [], ["bad.csv line 2, column \"step\"", "negative"] },
        { "extra field", "t,x,y\n1,0,0,7\n", [], ["bad.csv line 2, column 4"] },
        { "no plateau", "t,x,y\n1,0,0\n1,0,0.1\n", ["--plateau-lr", "-"], ["--plateau-lr"] },
        { "bad level", "t,x,y\n1,0,0\n1,0,0.1\n", ["--level", "2"], ["--level"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void CheckSamples_BadInput_ExitsOneWithOneLineAndNoOutputFolder(string what, string content, string[] options, string[] fragments)
    {
        string samples = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(samples, content);
        string outDir = Path.Combine(_dir, "bad");
        // "--plateau-lr -" in the table drops the option (the plateau is then missing)
        string[] plateau = options is ["--plateau-lr", "-"] ? [] : ["--plateau-lr", "0.3"];
        string[] extra = options is ["--plateau-lr", "-"] ? [] : options;
        string[] args = ["check-samples", _scenario, samples, "--schedule", Schedule, "--grid", "24x48", "--out", outDir, .. plateau, .. extra];
        var (code, err) = Run(args);
        Assert.True(code == 1, $"{what}: exit {code}; {err}");
        string line = Assert.Single(err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        foreach (string f in fragments) Assert.Contains(f, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), $"{what}: the output folder was created");
    }

    /// <summary>
    /// Writes samples drawn exactly from the FP density at <see cref="Times"/> (a cell by its mass, then
    /// uniformly inside it), as <c>y,x,t</c> or, in steps with 10 runs, as <c>step,run,x,y</c>.
    /// </summary>
    private string WriteSamples(string name, double plateau, int seed, bool inSteps)
    {
        var scenario = ScenarioLoader.Load(_scenario).WithGrid(24, 48);
        using var session = EvolutionSession.Create(scenario, new EvolutionOptions { Predict = false, Snapshots = 0 });
        var schedule = ScheduleCatalog.Parse(Schedule).Bind(plateau, scenario.FinalLr);
        var densities = session.DensitiesAt(schedule, Times);
        var grid = session.Setup.Grid;
        var random = new System.Random(seed);
        var text = new StringBuilder(inSteps ? "step,run,x,y\n" : "y,x,t\n");
        for (int k = 0; k < Times.Length; k++)
        {
            string position = (inSteps ? schedule.Steps(Times[k]) : Times[k]).ToString("R", CultureInfo.InvariantCulture);
            for (int n = 0; n < SamplesPerTime; n++)
            {
                var (x, y) = Draw(grid, densities[k], random);
                string xs = x.ToString("R", CultureInfo.InvariantCulture), ys = y.ToString("R", CultureInfo.InvariantCulture);
                text.Append(inSteps ? $"{position},{n % 10},{xs},{ys}\n" : $"{ys},{xs},{position}\n");
            }
        }
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static (double X, double Y) Draw(TensorGrid grid, double[] masses, System.Random random)
    {
        double u = random.NextDouble() * masses.Sum(m => Math.Max(m, 0)), s = 0;
        int k = 0;
        for (; k < masses.Length - 1; k++)
        {
            s += Math.Max(masses[k], 0);
            if (s > u) break;
        }
        int i = k % grid.Nx, j = k / grid.Nx;
        return (grid.X.Faces[i] + random.NextDouble() * grid.X.Widths[i], grid.Y.Faces[j] + random.NextDouble() * grid.Y.Widths[j]);
    }
}
