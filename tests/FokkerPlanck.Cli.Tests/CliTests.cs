using System.Text.Json;
using FokkerPlanck.Cli;

namespace FokkerPlanck.Cli.Tests;

/// <summary>End-to-end runs of the CLI in-process, with temporary folders; exit codes and outputs.</summary>
[Collection("console")]
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Scenario(string json)
    {
        string path = Path.Combine(_dir, $"s{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Small = InProcessCli.SmallScenario;

    private static (int Code, string Err) Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void Check_DefaultScenario_ExitsZeroAndWritesJson()
    {
        string root = RepoRoot();
        string json = Path.Combine(_dir, "check.json");
        var (code, _) = Run("check", Path.Combine(root, "data", "scenarios", "two-basin.json"), "--json", json);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(128 * 256, doc.RootElement.GetProperty("unknowns").GetInt32());
        Assert.Empty(doc.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.True(doc.RootElement.GetProperty("checks")[0].GetProperty("mass_residual").GetDouble() < 1e-14);
    }

    [Theory]
    [InlineData("\"final_lr\": 0.145", "\"final_lr\": -1", "final_lr")]
    [InlineData("\"a\": \"58 + 46*tanh(3*y)\"", "\"a\": \"58 + 46*tanhh(3*y)\"", "tanhh")]
    [InlineData("\"a\": \"58 + 46*tanh(3*y)\"", "\"a\": \"46*tanh(3*y)\"", "landscape.a")]
    [InlineData("\"min\": 0.15", "\"min\": 5", "plateau_lr")]
    [InlineData("\"y\": [-1.25, 2.45]", "\"y\": [1, 1]", "domain.y")]
    public void Check_BadInput_ExitsOneWithOneLineNamingTheKey(string find, string replace, string fragment)
    {
        var (code, err) = Run("check", Scenario(Small.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Equal(1, code);
        Assert.Contains(fragment, err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public void Check_MissingFile_ExitsOne()
        => Assert.Equal(1, Run("check", Path.Combine(_dir, "nope.json")).Code);

    [Fact]
    public void Spectrum_WritesJsonAndNumpyFiles()
    {
        string outDir = Path.Combine(_dir, "spec");
        var (code, _) = Run("spectrum", Scenario(Small), "--out", outDir, "--modes", "4", "--no-plots");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "spectrum.json")));
        var r = doc.RootElement;
        Assert.Equal("Converged", r.GetProperty("status").GetString());
        Assert.Equal(48, r.GetProperty("grid").GetProperty("nx").GetInt32());
        var ev = r.GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(4, ev.Length);
        Assert.Equal(0.0, ev[0]);
        Assert.True(ev.Zip(ev.Skip(1)).All(p => p.First <= p.Second));
        Assert.All(r.GetProperty("residuals").EnumerateArray(), e => Assert.True(e.GetDouble() < 1e-9));
        // a grid this small has no coarse level: the shift stays just below the spectrum
        Assert.Equal(0, r.GetProperty("coarse_start_vectors").GetInt32());
        Assert.InRange(r.GetProperty("shift").GetDouble(), -1.0, 0.0);
        Assert.Equal(JsonValueKind.String, r.GetProperty("messages").ValueKind);
        var npy = File.ReadAllBytes(Path.Combine(outDir, "left_eigenvectors.npy"));
        Assert.Equal(0x93, npy[0]);
        Assert.Equal(128 + 4 * 48 * 96 * 8, npy.Length);
    }

    [Fact]
    public void Spectrum_BothLrAndTemperature_IsAUsageError()
        => Assert.Equal(1, Run("spectrum", Scenario(Small), "--lr", "0.2", "--temperature", "0.2", "--out", _dir).Code);

    [Fact]
    public void Mpemba_AllComputedModesVanishBySymmetry_ExitsOneNamingModes()
    {
        // U = x² + y² with even equilibria: the two slowest modes (x and y, λ = 2T·…) have zero overlap
        const string json = """
            { "landscape": { "kind": "potential2d", "U": "x^2 + y^2" }, "domain": { "x": [-4, 4], "y": [-4, 4] },
              "grid": { "nx": 32, "ny": 32, "refine_x": "uniform" }, "final_lr": 0.5, "plateau_lr": { "min": 0.6, "max": 2, "points": 5 }, "modes": 3 }
            """;
        var (code, err) = Run("mpemba", Scenario(json), "--out", Path.Combine(_dir, "sym"), "--no-grid-study", "--sweep", "0", "--no-plots");
        Assert.Equal(1, code);
        Assert.Contains("modes", err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Mpemba_SmallScenario_FindsTheStrongPointAndWritesOutputs()
    {
        string outDir = Path.Combine(_dir, "mp");
        var (code, _) = Run("mpemba", Scenario(Small), "--out", outDir, "--no-grid-study", "--sweep", "2");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "mpemba.json")));
        var r = doc.RootElement;
        Assert.Equal(0.145, r.GetProperty("final_lr").GetDouble());
        var p = Assert.Single(r.GetProperty("strong_mpemba_points").EnumerateArray());
        Assert.Equal("cooling", p.GetProperty("kind").GetString());
        Assert.InRange(p.GetProperty("lr").GetDouble(), 0.5, 0.65);
        Assert.Equal(20, r.GetProperty("scan").GetArrayLength());
        Assert.Equal(2, r.GetProperty("effective_mode").GetProperty("index").GetInt32());
        Assert.True(r.TryGetProperty("reduced_1d", out var red));
        Assert.Single(red.GetProperty("strong_mpemba_points").EnumerateArray());
        Assert.Equal(2, r.GetProperty("sweep").GetArrayLength());
        foreach (string f in new[] { "scan.csv", "mpemba_coefficients.png", "compare_2d_1d.png", "sweep_final_lr.png", "mode2_left.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(outDir, f));
            Assert.True(bytes.Length > 100, f);
        }
    }

    private static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "FokkerPlanck.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleTestGroup;
