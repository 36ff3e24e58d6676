using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private const string Valid = """
        // comment
        {
          "name": "t",
          "landscape": { "kind": "valley-river", "c": "0.5*y^4 - y^2", "a": "20" },
          "domain": { "x": [-1, 1], "y": [-2, 2] },
          "grid": { "nx": 16, "ny": 32, "refine_x": "uniform" },
          "kappa": 0.5,
          "final_lr": 0.2,
          "plateau_lr": { "min": 0.3, "max": 2.0, "points": 7 }, /* trailing comma next */
        }
        """;

    [Fact]
    public void Parse_ValidScenario_ReadsAllKeys()
    {
        var s = ScenarioLoader.Parse(Valid);
        Assert.Equal("t", s.Name);
        Assert.Equal(LandscapeKind.ValleyRiver, s.Problem.Landscape.Kind);
        Assert.Equal((-1.0, 1.0), s.Problem.XRange);
        Assert.Equal(new GridSpec(16, 32, RefineMode.Uniform), s.Problem.Grid);
        Assert.Equal(0.5, s.Kappa);
        Assert.Equal(0.1, s.FinalTemperature, 15);
        var v = s.Mpemba.Plateau.Values();
        Assert.Equal(7, v.Length);
        Assert.Equal(0.3, v[0]);
        Assert.Equal(2.0, v[^1]);
        Assert.True(v.Zip(v.Skip(1)).All(p => p.First < p.Second));
        Assert.Equal(ScenarioLoader.DefaultModes, s.Mpemba.Modes);
        Assert.Equal(EvolveSection.Empty, s.Evolve);
    }

    /// <summary><see cref="Valid"/> with the evolve defaults: a top-level schedule and the evolve section.</summary>
    private static readonly string WithEvolve = Valid.Replace(
        "\"kappa\": 0.5,",
        "\"kappa\": 0.5, \"schedule\": \"wsd:warmup=5,stable=100,decay=linear:20\", \"evolve\": { \"t_end\": 500, \"plateau_lr\": [0.3, 0.58] },",
        StringComparison.Ordinal);

    [Fact]
    public void Parse_EvolveKeys_ReadsThemAndKeepsTheScheduleAsWritten()
    {
        var s = ScenarioLoader.Parse(WithEvolve);
        Assert.Equal("wsd:warmup=5,stable=100,decay=linear:20", s.Evolve.Schedule);
        Assert.Equal(500.0, s.Evolve.TEnd);
        Assert.Equal([0.3, 0.58], s.Evolve.PlateauLrs!);
        Assert.Equal(ScenarioLoader.Parse(Valid).Mpemba, s.Mpemba);
    }

    [Fact]
    public void Parse_EvolveKeysEachOptional()
    {
        var s = ScenarioLoader.Parse(Valid.Replace("\"kappa\": 0.5,", "\"kappa\": 0.5, \"schedule\": \"not parsed here\", \"evolve\": { \"t_end\": 2.5 },", StringComparison.Ordinal));
        Assert.Equal(new EvolveSection("not parsed here", 2.5, null), s.Evolve);
        s = ScenarioLoader.Parse(Valid.Replace("\"kappa\": 0.5,", "\"kappa\": 0.5, \"evolve\": { },", StringComparison.Ordinal));
        Assert.Equal(EvolveSection.Empty, s.Evolve);
    }

    [Theory]
    [InlineData("\"final_lr\": 0.2,", "", "final_lr", "missing")]
    [InlineData("\"final_lr\": 0.2,", "\"final_lr\": -0.2,", "final_lr", "positive")]
    [InlineData("\"final_lr\": 0.2,", "\"final_lr\": 0,", "final_lr", "positive")]
    [InlineData("\"min\": 0.3, \"max\": 2.0", "\"min\": 3, \"max\": 2.0", "plateau_lr", "smaller")]
    [InlineData("\"y\": [-2, 2]", "\"y\": [2, 2]", "domain.y", "empty")]
    [InlineData("\"kind\": \"valley-river\"", "\"kind\": \"valley\"", "landscape.kind", "unknown kind")]
    [InlineData("\"kappa\": 0.5,", "\"kapa\": 0.5,", "kapa", "unknown key")]
    [InlineData("\"a\": \"20\"", "\"b\": \"20\"", "landscape.b", "unknown key")]
    [InlineData("\"refine_x\": \"uniform\"", "\"refine_x\": \"fine\"", "grid.refine_x", "auto")]
    [InlineData("\"nx\": 16", "\"nx\": 1", "grid.nx", "[2,")]
    [InlineData("\"schedule\": \"wsd:warmup=5,stable=100,decay=linear:20\"", "\"schedule\": 10", "schedule", "must be a string")]
    [InlineData("\"schedule\": \"wsd:warmup=5,stable=100,decay=linear:20\"", "\"schedule\": \" \"", "schedule", "empty")]
    [InlineData("{ \"t_end\": 500, \"plateau_lr\": [0.3, 0.58] }", "[500]", "evolve", "object")]
    [InlineData("\"t_end\": 500", "\"t_end\": \"500\"", "evolve.t_end", "number")]
    [InlineData("\"t_end\": 500", "\"t_end\": -500", "evolve.t_end", "positive")]
    [InlineData("\"t_end\": 500", "\"t_end\": 0", "evolve.t_end", "positive")]
    [InlineData("[0.3, 0.58]", "0.3", "evolve.plateau_lr", "non-empty list")]
    [InlineData("[0.3, 0.58]", "[]", "evolve.plateau_lr", "non-empty list")]
    [InlineData("[0.3, 0.58]", "[0.3, -0.58]", "evolve.plateau_lr", "positive")]
    [InlineData("[0.3, 0.58]", "[0.3, \"0.58\"]", "evolve.plateau_lr", "positive")]
    [InlineData("\"t_end\": 500", "\"t_end\": 500, \"steps\": 10", "evolve.steps", "known keys here: t_end, plateau_lr")]
    public void Parse_InvalidValue_NamesTheKey(string find, string replace, string key, string fragment)
    {
        string json = WithEvolve.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(WithEvolve, json);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json));
        Assert.Equal(key, e.Key);
        Assert.Contains(fragment, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_NotJson_ReportsLine()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{ \"name\": }"));
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_Throws()
        => Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("/nonexistent/scenario.json"));

    [Fact]
    public void Setup_UnknownFunction_PointsAtTheFormula()
    {
        var s = ScenarioLoader.Parse(Valid.Replace("\"a\": \"20\"", "\"a\": \"20*tanhh(y)\"", StringComparison.Ordinal));
        var e = Assert.Throws<ScenarioException>(() => ScenarioSetup.Create(s));
        Assert.Equal("landscape.a", e.Key);
        Assert.Contains("tanhh", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20 - 15*y", "≤ 0")]
    [InlineData("log(y)", "NaN")]
    [InlineData("1/y^2", "∞")]
    public void Setup_CurvatureNotPositiveOrNotFinite_NamesKeyA(string a, string fragment)
    {
        var s = ScenarioLoader.Parse(Valid.Replace("\"a\": \"20\"", $"\"a\": \"{a}\"", StringComparison.Ordinal));
        var e = Assert.Throws<ScenarioException>(() => ScenarioSetup.Create(s));
        Assert.Equal("landscape.a", e.Key);
        Assert.Contains(fragment, e.Message.Replace("Infinity", "∞", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_PotentialNaNOnGrid_NamesKeyU()
    {
        const string json = """
            { "landscape": { "kind": "potential2d", "U": "sqrt(x) + y^2" }, "domain": { "x": [-1, 1], "y": [-1, 1] },
              "grid": { "nx": 8, "ny": 8 }, "final_lr": 0.1, "plateau_lr": { "min": 0.2, "max": 1 } }
            """;
        var e = Assert.Throws<ScenarioException>(() => ScenarioSetup.Create(ScenarioLoader.Parse(json)));
        Assert.Equal("landscape.U", e.Key);
        Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultScenario_LoadsAndChecksClean()
    {
        string path = Path.Combine(RepoRoot(), "data", "scenarios", "two-basin.json");
        var s = ScenarioLoader.Load(path);
        var setup = ScenarioSetup.Create(s);
        var report = ScenarioCheck.Run(s, setup.Landscape, setup.Grid);
        Assert.Empty(report.Warnings);
        Assert.All(report.Checks, c => Assert.True(c.MassResidual < 1e-14));
    }

    [Fact]
    public void Check_CoarseGrid_WarnsWithFix()
    {
        var s = ScenarioLoader.Parse(Valid.Replace("\"a\": \"20\"", "\"a\": \"2000\"", StringComparison.Ordinal));
        var setup = ScenarioSetup.Create(s);
        var report = ScenarioCheck.Run(s, setup.Landscape, setup.Grid);
        Assert.Contains(report.Warnings, w => w.Contains("cells per cold valley width", StringComparison.Ordinal) && w.Contains("grid.nx", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NarrowDomain_WarnsAboutWallMass()
    {
        var s = ScenarioLoader.Parse(Valid.Replace("\"x\": [-1, 1]", "\"x\": [-0.2, 0.2]", StringComparison.Ordinal));
        var setup = ScenarioSetup.Create(s);
        var report = ScenarioCheck.Run(s, setup.Landscape, setup.Grid);
        Assert.Contains(report.Warnings, w => w.Contains("x-low wall", StringComparison.Ordinal) && w.Contains("widen domain.x", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SteepValley_WarnsThatRatesUnderflow_AtBothLearningRates()
    {
        // a = 1e7 across 16 cells: |ΔU|/T between neighbours near the walls is about 1e7, far past exp's range
        var s = ScenarioLoader.Parse(Valid.Replace("\"a\": \"20\"", "\"a\": \"1e7\"", StringComparison.Ordinal));
        var report = ScenarioCheck.Run(ScenarioSetup.Create(s));
        Assert.All(report.Checks, c => Assert.True(c.UnderflowedRates > 0, $"{c.Label}: {c.UnderflowedRates}"));
        var underflow = report.Warnings.Where(w => w.Contains("face rates underflow", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, underflow.Count);
        Assert.Contains($"η = {s.FinalLr}", underflow[0], StringComparison.Ordinal); // the final LR's come first
        Assert.Contains($"η = {s.Mpemba.Plateau.Max}", underflow[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OnTheSetup_EqualsTheCheckFromScratch_AndLeavesTheFinalOperatorForTheSolve()
    {
        var s = ScenarioLoader.Parse(Valid);
        var setup = ScenarioSetup.Create(s);
        var shared = ScenarioCheck.Run(setup);
        var scratch = ScenarioCheck.Run(s, setup.Landscape, setup.Grid);
        Assert.Equal(scratch.Warnings, shared.Warnings);
        Assert.Equal(scratch.NonZeros, shared.NonZeros);
        Assert.Equal(["final", "plateau max"], shared.Checks.Select(c => c.Label));
        for (int q = 0; q < 2; q++)
        {
            var (a, b) = (scratch.Checks[q], shared.Checks[q]);
            Assert.Equal((a.LearningRate, a.Temperature, a.MassResidual, a.DetailedBalanceResidual, a.CellsPerWidthX, a.CellsPerWidthY),
                (b.LearningRate, b.Temperature, b.MassResidual, b.DetailedBalanceResidual, b.CellsPerWidthX, b.CellsPerWidthY));
            Assert.Equal(a.WallMass, b.WallMass);
        }
        // the final LR's operator was made last: a solve at that LR gets it without making another (a new
        // one allocates its four cell and face arrays, 16 KB on this grid)
        long before = GC.GetAllocatedBytesForCurrentThread();
        var final = setup.OperatorAt(s.FinalLr);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1024, $"{allocated} bytes allocated: the check did not leave the final LR's operator");
        Assert.Same(final, setup.OperatorAt(s.FinalLr));
        Assert.Equal(s.TemperatureOf(s.FinalLr), final.Temperature);
    }

    [Fact]
    public void OperatorAt_KeepsOnlyTheLastOperator_AndChecksWhatItWasMadeFrom()
    {
        var s = ScenarioLoader.Parse(Valid);
        var setup = ScenarioSetup.Create(s);
        var twin = setup with { };
        var cold = setup.OperatorAt(0.2);
        // the kept operator is not part of the record: equality is unchanged, and a copy on the same sampling shares it
        Assert.Equal(twin, setup);
        Assert.Same(cold, twin.OperatorAt(0.2));
        var hot = setup.OperatorAt(2.0);
        Assert.NotSame(cold, hot);
        Assert.Equal(s.TemperatureOf(2.0), hot.Temperature);
        Assert.Same(hot, setup.OperatorAt(2.0));
        var again = setup.OperatorAt(0.2);
        Assert.NotSame(cold, again); // only the last one is kept
        Assert.Equal(cold.LogEquilibrium.ToArray(), again.LogEquilibrium.ToArray());
        // a copy on another sampling, or with another flux, does not get the kept operator
        var resampled = setup with { Sampled = FokkerPlanck.Core.Discretization.DiscreteLandscape.Sample(setup.Grid, setup.Landscape) };
        Assert.NotSame(again, resampled.OperatorAt(0.2));
        var otherFlux = setup with { Scenario = s with { Problem = s.Problem with { Flux = "sqra" } } };
        var sqra = otherFlux.OperatorAt(0.2);
        Assert.Equal("sqra", sqra.Flux.Name);
    }

    internal static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "FokkerPlanck.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
