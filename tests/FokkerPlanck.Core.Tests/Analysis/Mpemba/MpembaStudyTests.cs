using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.Tests.Analysis.Mpemba;

public class MpembaStudyTests
{
    private static Scenario TwoBasin(double sharpness, int nx, int ny) => new(
        "two-basin",
        new ProblemSpec(new LandscapeSpec(LandscapeKind.ValleyRiver, "0.5*y^4 - y^2 - 0.02*y", $"{sharpness}*(58 + 46*tanh(3*y))", null),
            (-2.5 / Math.Sqrt(sharpness), 2.5 / Math.Sqrt(sharpness)), (-1.25, 2.45), new GridSpec(nx, ny, RefineMode.Auto), 1.0, "sg", ["y"]),
        0.145, new MpembaSection(new PlateauRange(0.15, 2.0, 24), 4), EvolveSection.Empty);

    [Fact]
    public void RiverReduction_ApproachesTwoDimensionalResult_AsValleySharpens()
    {
        var options = new MpembaStudyOptions { GridStudy = false, SweepPoints = 0 };
        var differences = new List<double>();
        foreach (double s in new[] { 1.0, 8.0 })
        {
            var r = MpembaStudy.Run(TwoBasin(s, 64, 128), options);
            var p2 = Assert.Single(r.Full.Points);
            var p1 = Assert.Single(r.Reduced!.Points);
            differences.Add(Math.Abs(p2.Lr - p1.Lr) / p1.Lr);
        }
        Assert.True(differences[1] < 0.5 * differences[0], $"relative 2D–1D differences {differences[0]:E2} (s=1) and {differences[1]:E2} (s=8)");
        Assert.True(differences[0] < 0.1, $"difference at s=1 is {differences[0]:E2}");
    }

    [Fact]
    public void GridStudy_ReportsErrorBarAndSecondOrder()
    {
        var r = MpembaStudy.Run(TwoBasin(1.0, 48, 96), new MpembaStudyOptions { Reduced1D = false, SweepPoints = 0 });
        var p = Assert.Single(r.Full.Points);
        Assert.Equal(3, r.Full.Grids.Count);
        Assert.All(p.PerGrid, v => Assert.True(double.IsFinite(v)));
        Assert.True(double.IsFinite(p.Error) && p.Error > 0);
        Assert.True(Math.Abs(p.Lr - p.PerGrid[2]) <= p.Error, "the estimate lies within its error bar of the finest grid");
        Assert.InRange(p.Lr, 0.5, 0.65);
    }

    /// <summary>
    /// The grids and the final-LR sweep run two solves at a time (on a machine with two cores or more):
    /// the study's numbers are the same to the bit as one at a time, the sweep is checkpointed in order of final LR and every prefix is
    /// reported once.
    /// </summary>
    [Fact]
    public void ConcurrentSolves_GiveTheSameNumbers_AndCheckpointInOrder()
    {
        var scenario = TwoBasin(1.0, 32, 64);
        var options = new MpembaStudyOptions { SweepPoints = 4 };
        MpembaStudyResult Run(bool concurrent, List<int> checkpoints)
            => MpembaStudy.Run(scenario, options with { ConcurrentSolves = concurrent ? 0 : 1 }, checkpoint: r => checkpoints.Add(r.Sweep.Count));
        var serialCheckpoints = new List<int>();
        var concurrentCheckpoints = new List<int>();
        var serial = Run(false, serialCheckpoints);
        var concurrent = Run(true, concurrentCheckpoints);
        Assert.Equal(serial.Full.Points.Select(p => p.Lr), concurrent.Full.Points.Select(p => p.Lr));
        Assert.Equal(serial.Full.Points.Select(p => p.Error), concurrent.Full.Points.Select(p => p.Error));
        Assert.Equal(serial.Sweep.Select(p => p.FinalLr), concurrent.Sweep.Select(p => p.FinalLr));
        Assert.Equal(serial.Sweep.SelectMany(p => p.Strong2D.Concat(p.Strong1D)), concurrent.Sweep.SelectMany(p => p.Strong2D.Concat(p.Strong1D)));
        Assert.Equal(4, concurrent.Sweep.Count);
        Assert.True(concurrent.Sweep.Zip(concurrent.Sweep.Skip(1)).All(q => q.First.FinalLr < q.Second.FinalLr));
        // grids, reduction, then each new sweep prefix: strictly growing, ending at all four points
        var sweepCounts = concurrentCheckpoints.Skip(2).ToList();
        Assert.True(sweepCounts.Zip(sweepCounts.Skip(1)).All(q => q.First < q.Second) && sweepCounts[^1] == 4, string.Join(",", concurrentCheckpoints));
    }

    /// <summary>
    /// The coarse and fine grids and the sweep's final LRs are solved for v₂ and v₃ only
    /// (<see cref="MpembaStudyOptions.AuxiliaryModes"/>): their strong points, error bars and sweep
    /// points equal those of solves with all the scenario's modes, to the solver's tolerance.
    /// </summary>
    [Fact]
    public void AuxiliarySolvesWithTwoModes_GiveTheFullSolvesNumbers()
    {
        var scenario = TwoBasin(1.0, 32, 64) with { Mpemba = new MpembaSection(new PlateauRange(0.15, 2.0, 24), 6) };
        var options = new MpembaStudyOptions { SweepPoints = 3, Reduced1D = true };
        var few = MpembaStudy.Run(scenario, options);
        var full = MpembaStudy.Run(scenario, options with { AuxiliaryModes = 0 });
        static void Close(IEnumerable<double> a, IEnumerable<double> b, string what)
        {
            var (x, y) = (a.ToArray(), b.ToArray());
            Assert.True(x.Length == y.Length, $"{what}: {x.Length} against {y.Length} values");
            for (int i = 0; i < x.Length; i++)
                Assert.True(Math.Abs(x[i] - y[i]) <= 1e-8 * Math.Abs(y[i]), $"{what}[{i}]: {x[i]:R} against {y[i]:R}");
        }
        var p = Assert.Single(few.Full.Points);
        var q = Assert.Single(full.Full.Points);
        Close(p.PerGrid, q.PerGrid, "2D strong point per grid");
        Close([p.Lr, p.Error, p.Gain], [q.Lr, q.Error, q.Gain], "2D estimate, error bar, gain");
        Close(few.Reduced!.Points.SelectMany(r => r.PerGrid), full.Reduced!.Points.SelectMany(r => r.PerGrid), "1D strong points");
        Close(few.Sweep.SelectMany(s => s.Strong2D.Concat(s.Strong1D)), full.Sweep.SelectMany(s => s.Strong2D.Concat(s.Strong1D)), "sweep strong points");
        Close(few.Sweep.Select(s => s.Lambda2), full.Sweep.Select(s => s.Lambda2), "sweep λ_eff");
        Assert.Equal(3, few.Sweep.Count);
        // the few-mode path was taken: v₂ and v₃ decide the two-basin scans
        Assert.True(MpembaScan.DecidedByLowestModes(few.Full.Base.Scan, scenario.Kappa));
    }

    /// <summary>
    /// Where v₂ vanishes by symmetry (U even in x: the slowest mode, odd in x with λ = 1, has zero
    /// overlap with every equilibrium) the few-mode solves cannot decide (v₃ is then the effective mode
    /// and no next one is computed), and the sweep's points are solved again with the scenario's modes:
    /// the same effective rate, that of the slowest mode along y.
    /// </summary>
    [Fact]
    public void AuxiliarySolves_WhereLowModesVanish_AreRepeatedWithAllModes()
    {
        var scenario = new Scenario("harmonic",
            new ProblemSpec(new LandscapeSpec(LandscapeKind.Potential2D, null, null, "x^2/2 + 0.75*y^2 + 0.1*y^3 + 0.05*y^4"), (-7, 7), (-7, 7),
                new GridSpec(48, 48, RefineMode.Uniform), 1.0, "sg", ["x", "y"]),
            0.5, new MpembaSection(new PlateauRange(0.6, 2.0, 8), 6), EvolveSection.Empty);
        var options = new MpembaStudyOptions { GridStudy = false, Reduced1D = false, SweepPoints = 2, SweepMinFactor = 0.9, SweepMaxFactor = 1.1 };
        var few = MpembaStudy.Run(scenario, options);
        var full = MpembaStudy.Run(scenario, options with { AuxiliaryModes = 0 });
        Assert.Equal(2, few.Sweep.Count);
        // with three modes the scan is not decided (v₂ vanishes, v₃ has no successor): the full solve ran
        var setup = ScenarioSetup.Create(scenario, 48, 48);
        var three = new RelaxationSpectrumSolver().Solve(setup.OperatorAt(0.5), new SpectrumOptions { Modes = 3 });
        var scan = MpembaScan.Run(three, new EquilibriumStateFamily(setup.Sampled, 1.0), 1.0, 0.5, [0.6, 0.9, 1.3, 2.0]);
        Assert.Equal([2], scan.VanishingModes);
        Assert.False(MpembaScan.DecidedByLowestModes(scan, 1.0));
        Assert.Equal(full.Sweep.Select(s => s.Lambda2), few.Sweep.Select(s => s.Lambda2));
        Assert.All(few.Sweep, s => Assert.True(s.Lambda2 > 1.2, $"λ_eff = {s.Lambda2} at η_c = {s.FinalLr}: not the vanishing mode (λ = 1)"));
    }
}
