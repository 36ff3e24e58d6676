using System.Text.Json;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// <c>fokkerplanck optimize</c> in-process on a 1D tilted double well (runs of a few ms): the files, the optimum
/// never worse than a recipe, the landscape on the grid; bad input exits 1 with one line and no output folder.
/// </summary>
[Collection("console")]
public sealed class OptimizeCommandTests : IDisposable
{
    private const string DoubleWell = """
        // a tilted double well, 1D
        { "name": "double well", "landscape": { "kind": "potential1d", "U": "0.5*y^4 - y^2 + 0.3*y" }, "domain": { "y": [-3, 3] }, "grid": { "ny": 96 },
          "final_lr": 0.15, "plateau_lr": { "min": 0.16, "max": 1.5, "points": 24 }, "modes": 4 }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("fp-optimize-").FullName;
    private readonly string _scenario;

    public OptimizeCommandTests()
    {
        _scenario = Path.Combine(_dir, "well.json");
        File.WriteAllText(_scenario, DoubleWell);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("AbsoluteExcess")]
    [InlineData("StepsToTolerance")]
    public void Optimize_OtherObjective_ItsOptimumBeatsEveryRecipeOnThatObjective(string goal)
    {
        string outDir = Path.Combine(_dir, "opt-" + goal);
        var (code, err) = InProcessCli.Run(["optimize", _scenario, "--budget-steps", "200", "--shapes", "linear", "--search-grid", "3x3", "--objective", goal, "--no-plots", "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "optimize.json")));
        var root = doc.RootElement;
        Assert.Equal(goal, root.GetProperty("settings").GetProperty("goal").GetString());
        double Score(JsonElement e) => goal == "AbsoluteExcess"
            ? Math.Abs(e.GetProperty("final_excess").GetDouble())
            : e.GetProperty("steps_to_tolerance").ValueKind == JsonValueKind.Number ? e.GetProperty("steps_to_tolerance").GetDouble() : double.PositiveInfinity;
        double optimum = Score(root.GetProperty("optimum"));
        var evaluations = root.GetProperty("evaluations").EnumerateArray().ToList();
        Assert.All(evaluations, e => Assert.True(Score(e) >= optimum, e.GetRawText()));
        Assert.All(root.GetProperty("recipes").EnumerateArray(), r => Assert.True(r.GetProperty("difference_to_optimum").GetDouble() >= 0));
    }

    [Fact]
    public void Optimize_SmallBudget_WritesTheSearchTheRecipesAndTheFigures()
    {
        string outDir = Path.Combine(_dir, "opt");
        var (code, err) = InProcessCli.Run(["optimize", _scenario, "--budget-steps", "200", "--shapes", "linear,cosine", "--search-grid", "4x3", "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "optimize.json")));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal(200, root.GetProperty("settings").GetProperty("budget_steps").GetInt32());
        Assert.Equal("equilibrium", root.GetProperty("start").GetProperty("kind").GetString());
        Assert.Equal(1.5, root.GetProperty("start").GetProperty("initial_lr").GetDouble());
        double optimum = root.GetProperty("optimum").GetProperty("final_excess").GetDouble();
        var recipes = root.GetProperty("recipes").EnumerateArray().ToList();
        Assert.Equal(5, recipes.Count);
        Assert.All(recipes, r => Assert.True(r.GetProperty("best").GetProperty("final_excess").GetDouble() >= optimum));
        Assert.All(recipes, r => Assert.True(r.GetProperty("difference_to_optimum").GetDouble() >= 0));
        var shapes = root.GetProperty("shapes").EnumerateArray().ToList();
        Assert.Equal(["linear", "cosine"], shapes.Select(s => s.GetProperty("shape").GetString()));
        var grid = shapes[0].GetProperty("grid");
        Assert.Equal(4, grid.GetProperty("objective").GetArrayLength());
        Assert.Equal(3, grid.GetProperty("objective")[0].GetArrayLength());
        int runs = root.GetProperty("runs").GetInt32();
        Assert.Equal(runs, root.GetProperty("evaluations").GetArrayLength());

        var csv = File.ReadAllLines(Path.Combine(outDir, "optimize.csv"));
        Assert.Equal("index,shape,plateau_lr,decay_fraction,final_excess,steps_to_tolerance,source,seconds,role,spec", csv[0]);
        Assert.Equal(runs + 1, csv.Length);
        Assert.Single(csv, l => l.Contains("optimum", StringComparison.Ordinal));
        foreach (string png in new[] { "optimize_landscape.png", "optimize_schedules.png", "optimize_landscape_linear.png", "optimize_landscape_cosine.png" })
            Assert.True(new FileInfo(Path.Combine(outDir, png)).Length > 1000, png);
    }

    [Fact]
    public void Optimize_GivenStartAndWarmup_StatesTheStartAndSpendsTheBudget()
    {
        string npy = Path.Combine(_dir, "uniform.npy"), outDir = Path.Combine(_dir, "given");
        Core.IO.NpyWriter.Write(npy, Enumerable.Repeat(1.0 / 96, 96).ToArray());
        var (code, err) = InProcessCli.Run(["optimize", _scenario, "--budget-steps", "150", "--warmup-steps", "20", "--shapes", "exp", "--search-grid", "2x2",
            "--initial", npy, "--no-plots", "--out", outDir]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "optimize.json")));
        var root = doc.RootElement;
        var start = root.GetProperty("start");
        Assert.Equal("given", start.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, start.GetProperty("initial_lr").ValueKind);
        Assert.Contains("uniform.npy", start.GetProperty("description").GetString(), StringComparison.Ordinal);
        var optimum = root.GetProperty("optimum");
        Assert.StartsWith("wsd:warmup=20steps,", optimum.GetProperty("spec").GetString(), StringComparison.Ordinal);
        Assert.Equal(150, optimum.GetProperty("curve").GetProperty("steps").EnumerateArray().Last().GetDouble());
        // a uniform start on [-3, 3] lies far above every equilibrium's loss
        Assert.True(start.GetProperty("initial_excess").GetDouble() > 1);
    }

    public static TheoryData<string, string[], string[]> BadInputs => new()
    {
        { "a zero budget", ["--budget-steps", "0"], ["--budget-steps", "positive"] },
        { "a budget too small for a decay", ["--budget-steps", "50"], ["--budget-steps", "too small to hold a decay"] },
        { "an unknown shape", ["--budget-steps", "200", "--shapes", "linear,lineer"], ["--shapes", "lineer"] },
        { "a shape with a second parameter", ["--budget-steps", "200", "--shapes", "power"], ["--shapes", "power"] },
        { "a bad search grid", ["--budget-steps", "200", "--search-grid", "4x"], ["--search-grid"] },
        { "two starts", ["--budget-steps", "200", "--initial", "p.npy", "--initial-lr", "1"], ["--initial", "--initial-lr"] },
        { "a warm-up as long as the budget", ["--budget-steps", "200", "--warmup-steps", "200"], ["--warmup-steps"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Optimize_BadInput_ExitsOneWithOneLineAndNoOutputFolder(string what, string[] options, string[] fragments)
    {
        string outDir = Path.Combine(_dir, "bad");
        var (code, err) = InProcessCli.Run(["optimize", _scenario, .. options, "--no-plots", "--out", outDir]);
        Assert.True(code == 1, $"{what}: exit {code}; {err}");
        string line = Assert.Single(err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        foreach (string f in fragments) Assert.Contains(f, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), $"{what}: the output folder was created");
    }
}
