using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Langevin;

namespace FokkerPlanck.Core.Tests.Langevin;

public class InitialEnsembleTests
{
    /// <summary>Counts per cell are binomial; with 12 cells a |z| above 4.5 happens by chance with probability below 1e-4.</summary>
    private const double ZLimit = 4.5;

    [Fact]
    public void FromMasses_DrawsCellsWithTheirMass_AndPositionsInsideThem()
    {
        var grid = new TensorGrid(Axis.Uniform(-1, 1, 3), Axis.Uniform(0, 2, 4));
        double[] masses = [0.05, 0.1, 0, 0.2, 0.05, 0.1, 0.1, 0.1, 0.05, 0.05, 0.15, 0.05];
        const int n = 60_000;
        var state = InitialEnsemble.FromMasses(grid, masses, n, seed: 42);
        var counts = new int[grid.CellCount];
        for (int p = 0; p < n; p++)
        {
            Assert.InRange(state.X[p], -1, 1);
            Assert.InRange(state.Y[p], 0, 2);
            counts[ParticleReductions.CellOf(grid, state.X[p], state.Y[p])]++;
        }
        Assert.Equal(0, counts[2]);
        for (int k = 0; k < masses.Length; k++)
        {
            if (masses[k] == 0) continue;
            double z = (counts[k] - n * masses[k]) / Math.Sqrt(n * masses[k] * (1 - masses[k]));
            Assert.True(Math.Abs(z) < ZLimit, $"cell {k}: {counts[k]} drawn, {n * masses[k]} expected (z = {z:F2})");
        }
        // uniform inside a cell: the mean offset of the particles in cell 3 is its centre (SE = width/√(12 n_k))
        var inCell = Enumerable.Range(0, n).Where(p => ParticleReductions.CellOf(grid, state.X[p], state.Y[p]) == 3).Select(p => state.Y[p]).ToArray();
        double se = 0.5 / Math.Sqrt(12.0 * inCell.Length);
        Assert.True(Math.Abs(inCell.Average() - 0.75) < ZLimit * se);
    }

    [Fact]
    public void FromMasses_IsAFunctionOfTheSeedOnly()
    {
        var grid = new TensorGrid(Axis.Uniform(-1, 1, 8), Axis.Uniform(0, 2, 8));
        var masses = Enumerable.Range(0, 64).Select(k => 1.0 + k % 5).ToArray();
        var a = InitialEnsemble.FromMasses(grid, masses, 10_000, seed: 7);
        var b = InitialEnsemble.FromMasses(grid, masses, 10_000, seed: 7);
        var c = InitialEnsemble.FromMasses(grid, masses, 10_000, seed: 8);
        Assert.Equal(a.X, b.X);
        Assert.Equal(a.Y, b.Y);
        Assert.NotEqual(a.Y, c.Y);
        // a prefix of a larger ensemble is the smaller ensemble (particle i depends on i only)
        var big = InitialEnsemble.FromMasses(grid, masses, 20_000, seed: 7);
        Assert.Equal(a.Y, big.Y[..10_000]);
    }

    [Fact]
    public void FromMasses_RefusesDensitiesThatCannotBeSampled()
    {
        var grid = new TensorGrid(Axis.Uniform(-1, 1, 2), Axis.Uniform(0, 2, 2));
        Assert.Throws<ArgumentException>(() => InitialEnsemble.FromMasses(grid, [1.0, 2.0, 3.0], 10, 1));
        Assert.Throws<ArgumentException>(() => InitialEnsemble.FromMasses(grid, [1.0, -1.0, 3.0, 1.0], 10, 1));
        Assert.Throws<ArgumentException>(() => InitialEnsemble.FromMasses(grid, [0.0, 0.0, 0.0, 0.0], 10, 1));
        Assert.Throws<ArgumentException>(() => InitialEnsemble.FromMasses(grid, [1.0, double.NaN, 0.0, 0.0], 10, 1));
    }
}
