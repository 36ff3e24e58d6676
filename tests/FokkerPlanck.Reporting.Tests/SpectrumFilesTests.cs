using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Reporting.Tests;

/// <summary>The vector files written while the solver's inertia count runs (<see cref="EarlyVectorFiles"/>) against those written after it.</summary>
public sealed class SpectrumFilesTests : IDisposable
{
    private const string Scenario = """
        {
          "name": "small valley",
          "landscape": { "kind": "valley-river", "c": "0.5*y^4 - y^2", "a": "20" },
          "domain": { "x": [-1, 1], "y": [-2, 2] },
          "grid": { "nx": 24, "ny": 40, "refine_x": "uniform" },
          "kappa": 0.5,
          "final_lr": 0.4,
          "plateau_lr": { "min": 0.5, "max": 2.0, "points": 4 }
        }
        """;

    private static readonly string[] VectorFiles = ["right_eigenvectors.npy", "left_eigenvectors.npy", "x_centres.npy", "y_centres.npy"];

    private readonly string _root = Directory.CreateTempSubdirectory("fp-spectrum-files-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void EarlyFiles_AreTheFilesWrittenAfterTheSolve_ByteForByte()
    {
        var (scenario, op, _, after) = WrittenAfterTheSolve();
        string early = Folder("early");
        using var files = new EarlyVectorFiles(early);
        var e = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 5, VectorsFinal = files.Begin });
        Assert.True(files.WroteThoseOf(e)); // handed over by the solver, so written before Write was called
        SpectrumFiles.Write(early, scenario, scenario.FinalLr, e, early: files);
        foreach (string f in VectorFiles) Assert.Equal(File.ReadAllBytes(Path.Combine(after, f)), File.ReadAllBytes(Path.Combine(early, f)));
        Assert.True(File.Exists(Path.Combine(early, "spectrum.json")));
        Assert.Empty(Directory.GetFiles(early, ".*.tmp"));
    }

    [Fact]
    public void EarlyFiles_OfOtherVectors_AreWrittenAgain()
    {
        var (scenario, op, s, after) = WrittenAfterTheSolve();
        string stale = Folder("stale");
        // vectors of an earlier run (here: copies, one value changed), superseded by a repeated solve
        var copies = new FinalVectors(op, [.. s.SymmetricModes.Select(v => v.ToArray())], [.. s.LeftVectors.Select(v => v.ToArray())]);
        copies.LeftVectors[1][0] += 1.0;
        using var files = new EarlyVectorFiles(stale);
        files.Begin(copies);
        Assert.False(files.WroteThoseOf(s));
        SpectrumFiles.Write(stale, scenario, scenario.FinalLr, s, early: files);
        foreach (string f in VectorFiles) Assert.Equal(File.ReadAllBytes(Path.Combine(after, f)), File.ReadAllBytes(Path.Combine(stale, f)));
    }

    [Fact]
    public void EarlyFiles_NothingHandedOver_WritesAfterTheSolve()
    {
        var (scenario, op) = Setup();
        string dir = Folder("none");
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 5 });
        using var files = new EarlyVectorFiles(dir);
        Assert.False(files.WroteThoseOf(s));
        SpectrumFiles.Write(dir, scenario, scenario.FinalLr, s, early: files);
        foreach (string f in VectorFiles) Assert.True(File.Exists(Path.Combine(dir, f)), f);
    }

    private static (Scenario Scenario, Core.Discretization.FokkerPlanckOperator Operator) Setup()
    {
        var scenario = ScenarioLoader.Parse(Scenario);
        return (scenario, ScenarioSetup.Create(scenario).OperatorAt(scenario.FinalLr));
    }

    /// <summary>The spectrum solved without handing its vectors over, and the folder its files were written to after the solve.</summary>
    private (Scenario Scenario, Core.Discretization.FokkerPlanckOperator Operator, RelaxationSpectrum Spectrum, string Folder) WrittenAfterTheSolve()
    {
        var (scenario, op) = Setup();
        string after = Folder("after");
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 5 });
        SpectrumFiles.Write(after, scenario, scenario.FinalLr, s);
        return (scenario, op, s, after);
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
}
