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
}
