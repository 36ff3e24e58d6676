using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Scenarios;

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
            => MpembaStudy.Run(scenario, options with { ConcurrentSolves = concurrent }, checkpoint: r => checkpoints.Add(r.Sweep.Count));
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
}
