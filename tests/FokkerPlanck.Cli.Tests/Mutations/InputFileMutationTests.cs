namespace FokkerPlanck.Cli.Tests.Mutations;

/// <summary>
/// The battery for the files a command reads beside its scenario: learning-rate tables (<c>evolve
/// --schedule table:FILE</c>), sample files (<c>check-samples</c>, CSV and .npy), initial densities
/// (<c>evolve --initial</c>) and sweep files (<c>sweep</c>). Each mutation ends with exit 1, one line
/// naming the line and column or the file or the key, and no output folder, or runs.
/// </summary>
[Collection("console")]
public sealed class InputFileMutationTests : IDisposable
{
    /// <summary>The small river of the scenario battery on 12×24 cells; the table below starts at its plateau 0.3 and ends at its final LR.</summary>
    private const string Scenario = """
        { "name": "small", "landscape": { "kind": "valley-river", "c": "0.5*y^4 - y^2 - 0.02*y", "a": "58 + A*tanh(3*y)" },
          "parameters": { "A": 46 }, "domain": { "x": [-2.5, 2.5], "y": [-1.25, 2.45] }, "reflecting": ["y"],
          "grid": { "nx": 12, "ny": 24 }, "final_lr": 0.145, "plateau_lr": { "min": 0.15, "max": 2.0, "points": 20 }, "modes": 4 }
        """;

    private const int Nx = 12, Ny = 24;

    private const string Table = "t,lr\n0,0.3\n1,0.2\n2,0.145\n";

    private const string Samples = "t,x,y\n1,0.1,0.2\n1,-0.1,0.3\n2,0,0.5\n2,0.05,-0.2\n";

    private static readonly double[] SampleArray = [1, 0.1, 0.2, 1, -0.1, 0.3, 2, 0, 0.5, 2, 0.05, -0.2];

    private const string Sweep = """
        { "name": "battery", "scenario": "scenario.json", "final_lr": [0.145], "kappa": [1], "grid": ["12x24"],
          "parameters": { "A": [46] }, "grid_study": false, "reduced_1d": false }
        """;

    private static readonly Dictionary<string, Mutation> Tables = CsvMutations.Of(Table, "lr.csv").ToDictionary(m => m.Name);
    private static readonly Dictionary<string, Mutation> SampleCsvs = CsvMutations.Of(Samples, "samples.csv").ToDictionary(m => m.Name);
    private static readonly Dictionary<string, Mutation> SampleNpys = NpyMutations.Of(SampleArray, 4, 3, "samples.npy").ToDictionary(m => m.Name);
    private static readonly Dictionary<string, Mutation> Initials = NpyMutations.Of([.. Enumerable.Repeat(1.0 / (Nx * Ny), Nx * Ny)], Ny, Nx, "initial.npy").ToDictionary(m => m.Name);
    private static readonly Dictionary<string, Mutation> Sweeps = JsonMutations.Of(Sweep, "sweep.json").ToDictionary(m => m.Name);

    private readonly string _dir = Directory.CreateTempSubdirectory("fp-mutation-inputs-").FullName;
    private readonly string _scenario;

    public InputFileMutationTests()
    {
        _scenario = Path.Combine(_dir, "scenario.json");
        File.WriteAllText(_scenario, Scenario);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> TableNames => [.. Tables.Keys];
    public static TheoryData<string> SampleCsvNames => [.. SampleCsvs.Keys];
    public static TheoryData<string> SampleNpyNames => [.. SampleNpys.Keys];
    public static TheoryData<string> InitialNames => [.. Initials.Keys];
    public static TheoryData<string> SweepNames => [.. Sweeps.Keys];

    private string Write(string fileName, Mutation m)
    {
        string path = Path.Combine(_dir, fileName);
        File.WriteAllBytes(path, m.Content);
        return path;
    }

    private string Out => Path.Combine(_dir, "out");

    [Fact]
    public void ValidInputs_Run()
    {
        string[] ok = ["lr.csv", "samples.csv"];
        File.WriteAllText(Path.Combine(_dir, ok[0]), Table);
        File.WriteAllText(Path.Combine(_dir, ok[1]), Samples);
        Assert.Equal(0, InProcessCli.Run(EvolveTable(Path.Combine(_dir, ok[0]))).Code);
        Assert.Contains(InProcessCli.Run(["check-samples", _scenario, Path.Combine(_dir, ok[1]), "--plateau-lr", "0.3", "--schedule", "linear:2", "--out", Path.Combine(_dir, "s")]).Code, new[] { 0, 3 });
    }

    private string[] EvolveTable(string table) => ["evolve", _scenario, "--schedule", "table:" + table, "--t-end", "2", "--outputs", "4", "--no-plots", "--out", Out];

    [Theory]
    [MemberData(nameof(TableNames))]
    public void EvolveTable_Mutation_RefusedWithOneLineOrRuns(string name)
        => MutationOutcome.Check("evolve --schedule table:", Tables[name], EvolveTable(Write("lr.csv", Tables[name])), Out);

    [Theory]
    [MemberData(nameof(SampleCsvNames))]
    public void CheckSamplesCsv_Mutation_RefusedWithOneLineOrRuns(string name)
        => MutationOutcome.Check("check-samples (CSV)", SampleCsvs[name],
            ["check-samples", _scenario, Write("samples.csv", SampleCsvs[name]), "--plateau-lr", "0.3", "--schedule", "linear:2", "--out", Out], Out);

    [Theory]
    [MemberData(nameof(SampleNpyNames))]
    public void CheckSamplesNpy_Mutation_RefusedWithOneLineOrRuns(string name)
        => MutationOutcome.Check("check-samples (.npy)", SampleNpys[name],
            ["check-samples", _scenario, Write("samples.npy", SampleNpys[name]), "--plateau-lr", "0.3", "--schedule", "linear:2", "--out", Out], Out);

    [Theory]
    [MemberData(nameof(InitialNames))]
    public void EvolveInitial_Mutation_RefusedWithOneLineOrRuns(string name)
        => MutationOutcome.Check("evolve --initial", Initials[name],
            ["evolve", _scenario, "--plateau-lr", "0.3", "--initial", Write("initial.npy", Initials[name]), "--t-end", "1", "--outputs", "4", "--no-plots", "--out", Out], Out);

    [Theory]
    [MemberData(nameof(SweepNames))]
    public void Sweep_Mutation_RefusedWithOneLineOrRuns(string name)
        => MutationOutcome.Check("sweep", Sweeps[name], ["sweep", Write("sweep.json", Sweeps[name]), "--shard", "0/1", "--out", Out],
            // known gap: a swept parameter value that breaks a formula is found only when its item runs, after the manifest is written
            name.StartsWith("number: parameters.", StringComparison.Ordinal) ? null : Out);

}
