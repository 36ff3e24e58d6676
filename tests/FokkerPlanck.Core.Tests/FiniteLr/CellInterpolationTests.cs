using FokkerPlanck.Core.FiniteLr;
using FokkerPlanck.Core.Grids;

namespace FokkerPlanck.Core.Tests.FiniteLr;

/// <summary>
/// The bilinear interpolation between two grids' cell centres: exact for functions linear in x and y
/// (bilinear ones too) inside the source's centres, constant beyond them, and the pairing with masses
/// the sum it says it is.
/// </summary>
public sealed class CellInterpolationTests
{
    private static readonly TensorGrid Source = new(Axis.Clustered(-2, 2, 9, 0.0, 2.0), Axis.Uniform(-1, 3, 7));

    private static double Bilinear(double x, double y) => 2.0 + 3.0 * x - 0.5 * y + 0.25 * x * y;

    private static double[] Sample(TensorGrid g, Func<double, double, double> f)
        => [.. Enumerable.Range(0, g.CellCount).Select(k => f(g.IsOneDimensional ? 0 : g.X.Centres[k % g.Nx], g.Y.Centres[k / g.Nx]))];

    [Fact]
    public void At_ReproducesABilinearFunction_InsideTheSourceCentres()
    {
        // a finer grid whose centres lie within the source's outermost centres
        double x0 = Source.X.Centres[0], x1 = Source.X.Centres[^1], y0 = Source.Y.Centres[0], y1 = Source.Y.Centres[^1];
        var target = new TensorGrid(Axis.Uniform(x0, x1, 23), Axis.Uniform(y0, y1, 17));
        var map = CellInterpolation.Between(Source, target);
        var values = Sample(Source, Bilinear);
        for (int k = 0; k < target.CellCount; k++)
        {
            double x = target.X.Centres[k % target.Nx], y = target.Y.Centres[k / target.Nx];
            Assert.Equal(Bilinear(x, y), map.At(values, k), 12);
        }
    }

    [Fact]
    public void At_IsConstantBeyondTheOutermostCentres()
    {
        // a wider grid: its outer cells see the nearest source centre line
        var target = new TensorGrid(Axis.Uniform(-4, 4, 16), Axis.Uniform(-3, 5, 16));
        var map = CellInterpolation.Between(Source, target);
        var values = Sample(Source, Bilinear);
        double xMin = Source.X.Centres[0], xMax = Source.X.Centres[^1], yMin = Source.Y.Centres[0], yMax = Source.Y.Centres[^1];
        for (int k = 0; k < target.CellCount; k++)
        {
            double x = Math.Clamp(target.X.Centres[k % target.Nx], xMin, xMax), y = Math.Clamp(target.Y.Centres[k / target.Nx], yMin, yMax);
            Assert.Equal(Bilinear(x, y), map.At(values, k), 12);
        }
    }

    [Fact]
    public void OneDimensionalGrids_AreReadAlongY()
    {
        var source = TensorGrid.OneDimensional(Axis.Uniform(0, 1, 11));
        var target = TensorGrid.OneDimensional(Axis.Uniform(0.1, 0.9, 40));
        var map = CellInterpolation.Between(source, target);
        var values = Sample(source, (_, y) => 1 - 4 * y);
        for (int k = 0; k < target.CellCount; k++) Assert.Equal(1 - 4 * target.Y.Centres[k], map.At(values, k), 12);

        // a 2D source read on a 1D target: the target's single column lies at x = 0
        var to1D = CellInterpolation.Between(Source, TensorGrid.OneDimensional(Axis.Uniform(-1, 3, 5)));
        var flat = Sample(Source, Bilinear);
        for (int k = 0; k < 5; k++) Assert.Equal(Bilinear(0, to1D.Target.Y.Centres[k]), to1D.At(flat, k), 12);
    }

    [Fact]
    public void Pair_IsTheMassWeightedSumOfTheInterpolatedValues()
    {
        var target = new TensorGrid(Axis.Uniform(-3, 3, 12), Axis.Uniform(-2, 4, 10));
        var map = CellInterpolation.Between(Source, target);
        var values = Sample(Source, Bilinear);
        var masses = Enumerable.Range(0, target.CellCount).Select(k => 1.0 + (k % 7)).ToArray();
        double expected = 0;
        for (int k = 0; k < target.CellCount; k++) expected += masses[k] * map.At(values, k);
        Assert.Equal(expected, map.Pair(values, masses), 12);
        // a constant pairs to the constant times the total mass
        Assert.Equal(2.5 * masses.Sum(), map.Pair(Sample(Source, (_, _) => 2.5), masses), 9);
    }

    [Fact]
    public void Pair_RefusesArraysOfTheWrongLength()
    {
        var map = CellInterpolation.Between(Source, Source);
        Assert.Throws<ArgumentException>(() => map.Pair(new double[Source.CellCount - 1], new double[Source.CellCount]));
        Assert.Throws<ArgumentException>(() => map.Pair(new double[Source.CellCount], new double[Source.CellCount + 1]));
    }
}
