using FokkerPlanck.Core.Grids;

namespace FokkerPlanck.Core.Tests.Grids;

public class GridCoarseningTests
{
    [Fact]
    public void CoarseCells_AreUnionsOfFineCells_OnANonUniformGrid()
    {
        var fine = new TensorGrid(Axis.Clustered(-1, 1, 30, 0.0, 1.5), Axis.Uniform(-2, 3, 17));
        var c = GridCoarsening.Create(fine, 8);
        Assert.Equal(8, c.Coarse.Nx);
        Assert.Equal(8, c.Coarse.Ny);
        // coarse faces are fine faces, walls included
        Assert.All(c.Coarse.X.Faces.ToArray(), f => Assert.Contains(f, fine.X.Faces.ToArray()));
        Assert.All(c.Coarse.Y.Faces.ToArray(), f => Assert.Contains(f, fine.Y.Faces.ToArray()));
        Assert.Equal(fine.X.Min, c.Coarse.X.Min);
        Assert.Equal(fine.Y.Max, c.Coarse.Y.Max);
        // each fine centre lies in its coarse cell, and coarse volumes are the sums of their fine volumes
        var volume = new double[c.Coarse.CellCount];
        for (int j = 0; j < fine.Ny; j++)
            for (int i = 0; i < fine.Nx; i++)
            {
                int k = fine.Index(i, j), cc = c.FineToCoarse[k];
                int ci = cc % c.Coarse.Nx, cj = cc / c.Coarse.Nx;
                Assert.InRange(fine.X.Centres[i], c.Coarse.X.Faces[ci], c.Coarse.X.Faces[ci + 1]);
                Assert.InRange(fine.Y.Centres[j], c.Coarse.Y.Faces[cj], c.Coarse.Y.Faces[cj + 1]);
                volume[cc] += fine.Volume(k);
            }
        for (int k = 0; k < volume.Length; k++) Assert.Equal(c.Coarse.Volume(k), volume[k], 12);
    }

    [Fact]
    public void OneDimensionalGrid_StaysOneDimensional_AndSmallAxesAreKept()
    {
        var fine = TensorGrid.OneDimensional(Axis.Uniform(0, 1, 100));
        var c = GridCoarsening.Create(fine, 25);
        Assert.True(c.Coarse.IsOneDimensional);
        Assert.Equal(1, c.Coarse.Nx);
        Assert.Equal(25, c.Coarse.Ny);
        Assert.Equal(3, c.FineToCoarse[12]); // fine cells 12..15 form coarse cell 3
        Assert.Equal(4, c.FineToCoarse[16]);

        var small = new TensorGrid(Axis.Uniform(0, 1, 6), Axis.Uniform(0, 1, 50));
        var s = GridCoarsening.Create(small, 10);
        Assert.Equal(6, s.Coarse.Nx);
        Assert.Equal(10, s.Coarse.Ny);
    }

    [Fact]
    public void InvalidSize_IsRejected()
    {
        var fine = new TensorGrid(Axis.Uniform(0, 1, 4), Axis.Uniform(0, 1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCoarsening.Create(fine, 0));
    }
}
