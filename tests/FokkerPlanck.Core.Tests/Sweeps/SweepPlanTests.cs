using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Sweeps;

namespace FokkerPlanck.Core.Tests.Sweeps;

/// <summary>Plan expansion, ids, seeds, fingerprints and shards: deterministic, and the shards partition the items.</summary>
public class SweepPlanTests
{
    private static readonly SweepSettings Settings = new(GridStudy: false, Reduced1D: true);

    private static SweepAxes Axes(params double[] finalLrs) => new(
        finalLrs, [0.5, 1.0], [new GridCells(24, 48), new GridCells(32, 64)],
        [new ParameterAxis("A", [40, 46, 52]), new ParameterAxis("B", [-1])]);

    [Fact]
    public void Create_ExpandsTheCartesianProduct_GridOutermostFinalLrInnermost()
    {
        var plan = SweepPlan.Create(Axes(0.1, 0.2), Settings, "scenario text");
        Assert.Equal(2 * 2 * 2 * 3 * 1, plan.Items.Count);
        Assert.Equal(Enumerable.Range(0, plan.Items.Count), plan.Items.Select(i => i.Index));
        Assert.Equal(plan.Items.Count, plan.Items.Select(i => i.Id).Distinct().Count());
        Assert.Equal("grid=24x48_kappa=0.5_A=40_B=-1_lr=0.1", plan.Items[0].Id);
        Assert.Equal("grid=24x48_kappa=0.5_A=40_B=-1_lr=0.2", plan.Items[1].Id);
        Assert.Equal("grid=24x48_kappa=0.5_A=46_B=-1_lr=0.1", plan.Items[2].Id);
        Assert.Equal("grid=32x64_kappa=1_A=52_B=-1_lr=0.2", plan.Items[^1].Id);
        Assert.All(plan.Items, i => Assert.Equal(SweepItem.SeedOf(i.Index), i.Seed));
        Assert.Equal(plan.Items.Count, plan.Items.Select(i => i.Seed).Distinct().Count());
    }

    [Fact]
    public void Create_Twice_GivesTheSameItemsAndFingerprint()
    {
        var a = SweepPlan.Create(Axes(0.1, 0.2), Settings, "scenario text");
        var b = SweepPlan.Create(Axes(0.1, 0.2), Settings, "scenario text");
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(a.Items.Select(i => (i.Id, i.Seed)), b.Items.Select(i => (i.Id, i.Seed)));
        Assert.Matches("^[0-9a-f]{16}$", a.Fingerprint);
    }

    [Fact]
    public void Fingerprint_ChangesWithTheScenarioTheAxesAndTheSettings()
    {
        string f = SweepPlan.Create(Axes(0.1, 0.2), Settings, "scenario text").Fingerprint;
        Assert.NotEqual(f, SweepPlan.Create(Axes(0.1, 0.2), Settings, "scenario text ").Fingerprint);
        Assert.NotEqual(f, SweepPlan.Create(Axes(0.1, 0.25), Settings, "scenario text").Fingerprint);
        Assert.NotEqual(f, SweepPlan.Create(Axes(0.1, 0.2), Settings with { GridStudy = true }, "scenario text").Fingerprint);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(24)]
    [InlineData(50)]
    public void Shards_PutEveryItemInExactlyOneShard_InBalancedShares(int count)
    {
        var plan = SweepPlan.Create(Axes(0.1, 0.2), Settings, "s");
        var shares = Enumerable.Range(0, count).Select(i => plan.ItemsOf(new SweepShard(i, count))).ToArray();
        var all = shares.SelectMany(s => s.Select(i => i.Index)).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, plan.Items.Count), all);
        Assert.True(shares.Max(s => s.Count) - shares.Min(s => s.Count) <= 1);
        Assert.All(shares, s => Assert.True(s.Select(i => i.Index).SequenceEqual(s.Select(i => i.Index).Order())));
        // the same call again gives the same shares
        Assert.Equal(shares.Select(s => s.Select(i => i.Id)), Enumerable.Range(0, count).Select(i => plan.ItemsOf(new SweepShard(i, count)).Select(x => x.Id)));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("12/100", 12, 100)]
    public void Shard_ParsesIOverN(string text, int index, int count)
    {
        Assert.True(SweepShard.TryParse(text, out var shard));
        Assert.Equal(new SweepShard(index, count), shard);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("0/0")]
    [InlineData("-1/4")]
    [InlineData("1")]
    [InlineData("1/2/3")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Shard_RejectsAnythingButIOverNWithIBelowN(string text) => Assert.False(SweepShard.TryParse(text, out _));

    [Theory]
    [InlineData("24x48", 24, 48)]
    [InlineData("24X48", 24, 48)]
    [InlineData("512", null, 512)]
    public void GridCells_ParsesNXxNYAndNY(string text, int? nx, int ny)
    {
        Assert.True(GridCells.TryParse(text, out var cells));
        Assert.Equal(new GridCells(nx, ny), cells);
    }

    [Theory]
    [InlineData("24x")]
    [InlineData("1x48")]
    [InlineData("24x48x2")]
    [InlineData("24*48")]
    [InlineData("-24x48")]
    public void GridCells_RejectsBadText(string text) => Assert.False(GridCells.TryParse(text, out _));

    [Fact]
    public void Create_EmptyAxis_Throws()
        => Assert.Throws<ArgumentException>(() => SweepPlan.Create(new SweepAxes([], [1.0], [new GridCells(24, 48)], []), Settings, "s"));
}
