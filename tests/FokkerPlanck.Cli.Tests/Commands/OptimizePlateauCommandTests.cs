using System.Text.Json;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// <c>fokkerplanck optimize-plateau</c> in-process on a 24×48 grid of the small two-basin river: the map's
/// files, the quench's point at D = 0 and a branch that moves up with D; bad input exits 1 with one line
/// and no output folder.
/// </summary>
[Collection("console")]
public sealed class OptimizePlateauCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-optimize-plateau-").FullName;
    private readonly string _scenario;

    public OptimizePlateauCommandTests()
    {
        _scenario = Path.Combine(_dir, "small.json");
        File.WriteAllText(_scenario, InProcessCli.SmallScenario);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OptimizePlateau_SmallMap_WritesTheMapWithTheQuenchPointAtZero()
    {
        string outDir = Path.Combine(_dir, "map");
        var (code, err) = InProcessCli.Run(["optimize-plateau", _scenario, "--grid", "24x48", "--shapes", "linear,step", "--durations", "5,0,0.5", "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dynamic_mpemba.json")));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal([0, 0.5, 5], root.GetProperty("durations").EnumerateArray().Select(d => d.GetDouble()));
        double quench = Assert.Single(root.GetProperty("strong_mpemba_points").EnumerateArray()).GetProperty("lr").GetDouble();
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(6, entries.Count);
        foreach (string shape in new[] { "linear", "step" })
        {
            var branch = entries.Where(e => e.GetProperty("shape").GetString() == shape).Select(e => e.GetProperty("branch_lr").GetDouble()).ToList();
            Assert.Equal(quench, branch[0]);
            Assert.True(branch[0] < branch[1] && branch[1] < branch[2], $"{shape}: the optimal plateau rises with the decay's duration ({string.Join(", ", branch)})");
        }
        var slow = entries.Single(e => e.GetProperty("spec").GetString() == "linear:5");
        var point = Assert.Single(slow.GetProperty("points").EnumerateArray());
        Assert.True(slow.GetProperty("runs").GetInt32() > 0);
        Assert.InRange(point.GetProperty("adiabatic_difference").GetDouble(), -0.2, 0.2);
        Assert.True(point.GetProperty("tolerance_error").GetDouble() >= 0);
        Assert.Equal(root.GetProperty("gain").GetDouble(), point.GetProperty("gain").GetDouble());

        var csv = File.ReadAllLines(Path.Combine(outDir, "dynamic_mpemba.csv"));
        Assert.Equal("shape,duration,duration_slow_times,plateau_lr,branch,a_next,residual,slope,gain,adiabatic_lr,adiabatic_difference,tolerance_error,grid_error,runs,seconds,note", csv[0]);
        Assert.Equal(7, csv.Length);
        Assert.True(new FileInfo(Path.Combine(outDir, "dynamic_mpemba.png")).Length > 1000);
    }

    public static TheoryData<string, string[], string[]> BadInputs => new()
    {
        { "a shape that never settles", ["--shapes", "linear,inverse"], ["--shapes", "inverse"] },
        { "an unknown shape", ["--shapes", "lineer"], ["--shapes", "lineer"] },
        { "a negative duration", ["--durations", "0,-1"], ["--durations", "-1"] },
        { "a bad grid", ["--grid", "24x"], ["--grid"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void OptimizePlateau_BadInput_ExitsOneWithOneLineAndNoOutputFolder(string what, string[] options, string[] fragments)
    {
        string outDir = Path.Combine(_dir, "bad");
        var (code, err) = InProcessCli.Run(["optimize-plateau", _scenario, .. options, "--no-plots", "--out", outDir]);
        Assert.True(code == 1, $"{what}: exit {code}; {err}");
        string line = Assert.Single(err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        foreach (string f in fragments) Assert.Contains(f, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), $"{what}: the output folder was created");
    }
}
