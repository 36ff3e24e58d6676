namespace FokkerPlanck.Cli.Tests.Mutations;

/// <summary>
/// The scenario-file battery: every mutation of a small valid scenario (<see cref="JsonMutations"/>) through
/// <c>check</c>, and a quarter of them each through <c>evolve</c> and <c>langevin</c> (short runs on a coarse
/// grid): each ends with exit 1 and one line naming the key or the file, and no output folder, or runs.
/// </summary>
[Collection("console")]
public sealed class ScenarioMutationTests : IDisposable
{
    /// <summary>A small two-basin river on 12×24 cells using every top-level key (a check takes milliseconds).</summary>
    private const string Valid = """
        { "name": "small", "description": "mutation battery",
          "landscape": { "kind": "valley-river", "c": "0.5*y^4 - y^2 - 0.02*y", "a": "58 + A*tanh(3*y)" },
          "parameters": { "A": 46 },
          "domain": { "x": [-2.5, 2.5], "y": [-1.25, 2.45] }, "reflecting": ["y"],
          "grid": { "nx": 12, "ny": 24, "refine_x": "auto" }, "kappa": 1.0, "final_lr": 0.145,
          "plateau_lr": { "min": 0.15, "max": 2.0, "points": 20 }, "modes": 4, "flux": "sg",
          "schedule": "linear:2", "evolve": { "t_end": 2, "plateau_lr": [0.3] } }
        """;

    private const string FileName = "scenario.json";

    /// <summary>One in this many mutations also goes through <c>evolve</c> and, shifted by half, through <c>langevin</c>.</summary>
    private const int SampleEvery = 4;

    private static readonly Dictionary<string, Mutation> All = JsonMutations.Of(Valid, FileName).ToDictionary(m => m.Name);

    private readonly string _dir = Directory.CreateTempSubdirectory("fp-mutation-scenario-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every mutation's name.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>The sampled mutations for <c>evolve</c> and <c>langevin</c>.</summary>
    public static TheoryData<string> Sample => [.. All.Keys.Where((_, i) => i % SampleEvery == 0)];

    /// <summary>The other sample, for <c>langevin</c>.</summary>
    public static TheoryData<string> OtherSample => [.. All.Keys.Where((_, i) => i % SampleEvery == SampleEvery / 2)];

    private string Write(Mutation m)
    {
        string path = Path.Combine(_dir, FileName);
        File.WriteAllBytes(path, m.Content);
        return path;
    }

    [Fact]
    public void Valid_Checks()
    {
        File.WriteAllText(Path.Combine(_dir, FileName), Valid);
        var (code, err) = InProcessCli.Run("check", Path.Combine(_dir, FileName));
        Assert.True(code == 0, err);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Check_Mutation_RefusedWithOneLineOrRuns(string name)
    {
        var m = All[name];
        MutationOutcome.Check("check", m, ["check", Write(m)], null);
    }

    [Theory]
    [MemberData(nameof(Sample))]
    public void Evolve_Mutation_RefusedWithOneLineOrRuns(string name)
    {
        var m = All[name];
        string outDir = Path.Combine(_dir, "evolve");
        MutationOutcome.Check("evolve", m, ["evolve", Write(m), "--outputs", "4", "--no-plots", "--out", outDir], outDir);
    }

    [Theory]
    [MemberData(nameof(OtherSample))]
    public void Langevin_Mutation_RefusedWithOneLineOrRuns(string name)
    {
        var m = All[name];
        string outDir = Path.Combine(_dir, "langevin");
        MutationOutcome.Check("langevin", m, ["langevin", Write(m), "--particles", "500", "--times", "0.5", "--plateau-lr", "0.3", "--no-plots", "--out", outDir], outDir);
    }
}
