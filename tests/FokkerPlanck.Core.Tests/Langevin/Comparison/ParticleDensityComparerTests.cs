using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Langevin.Comparison;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Langevin.Comparison;

/// <summary>
/// Particles against a grid density on a valley–river landscape (the peer valley on a 20×32 grid):
/// exact draws are consistent at several seeds, another temperature's equilibrium is not, and the
/// amplitude tests are calibrated against the exact ⟨v, p⟩.
/// </summary>
public class ParticleDensityComparerTests
{
    /// <summary>The density's temperature.</summary>
    private const double Temperature = 0.5;

    /// <summary>Particles per consistency check: enough that every test has power, few enough to run in a blink.</summary>
    private const int Particles = 20_000;

    private static readonly ValleyRiverLandscape Landscape = TestLandscapes.PeerValley();
    private static readonly TensorGrid Grid = new(Axis.Uniform(-1, 1, 20), Axis.Uniform(-2, 2, 32));
    private static readonly double[] Density = GridSampler.Equilibrium(Grid, Landscape.Potential, Temperature);

    /// <summary>Two observables over the cells: the y centre and the x centre squared (stand-ins for left eigenvectors).</summary>
    private static readonly double[][] Observables =
    [
        [.. Enumerable.Range(0, Grid.CellCount).Select(k => Grid.Y.Centres[k / Grid.Nx])],
        [.. Enumerable.Range(0, Grid.CellCount).Select(k => Math.Pow(Grid.X.Centres[k % Grid.Nx], 2))],
    ];

    private static ParticleDensityComparer Comparer(double? equilibriumLoss = null)
        => new(Grid, Landscape, new ParticleComparerOptions { LeftVectors = Observables, EquilibriumLoss = equilibriumLoss });

    [Fact]
    public void Compare_SamplesDrawnFromTheDensity_AreConsistentAtSeveralSeeds()
    {
        var comparer = Comparer();
        var pValues = new List<double>();
        for (int seed = 1; seed <= 6; seed++)
        {
            var (x, y) = GridSampler.Draw(Grid, Density, Particles, new System.Random(seed));
            var c = comparer.Compare(x, y, Density);
            Assert.True(c.Verdict == Verdict.Consistent, $"seed {seed}: " + string.Join(", ", c.Tests.Select(t => $"{t.Name} p = {t.PValue:G3}")));
            Assert.Equal(["y marginal", "x marginal", "excess loss", "a2", "a3"], c.Tests.Select(t => t.Name));
            pValues.AddRange(c.Tests.Select(t => t.PValue));
        }
        // uniform p-values average 1/2 (sd 0.053 for 30 of them); systematically small ones would pull the mean down
        Assert.True(pValues.Average() > 0.3, $"mean p-value {pValues.Average():G3}: " + string.Join(", ", pValues.Select(p => p.ToString("G2"))));
    }

    [Fact]
    public void Compare_SamplesFromAnotherTemperaturesEquilibrium_AreInconsistent()
    {
        var hotter = GridSampler.Equilibrium(Grid, Landscape.Potential, 0.7);
        var (x, y) = GridSampler.Draw(Grid, hotter, Particles, new System.Random(1));
        var c = Comparer().Compare(x, y, Density);
        Assert.Equal(Verdict.Inconsistent, c.Verdict);
        Assert.True(c.Y.Test.PValue < 1e-6, $"y marginal p = {c.Y.Test.PValue:G3}");
        Assert.True(c.ExcessLoss.Test.PValue < 1e-6, $"loss p = {c.ExcessLoss.Test.PValue:G3}");
        Assert.False(c.ExcessLoss.Interval.Contains(c.ExcessLoss.FokkerPlanck));
    }

    [Fact]
    public void Compare_Amplitudes_AreTestedAgainstTheExactExpectation()
    {
        var comparer = Comparer();
        double exact = Observables[0].Zip(Density, (v, p) => v * p).Sum();
        var random = new System.Random(2);
        var pValues = new List<double>();
        for (int r = 0; r < 100; r++)
        {
            var (x, y) = GridSampler.Draw(Grid, Density, 500, random);
            var a = comparer.Compare(x, y, Density).Amplitudes[0];
            Assert.Equal(2, a.Mode);
            Assert.Equal(exact, a.FokkerPlanck, 1e-12);
            pValues.Add(a.Test.PValue);
        }
        Uniformity.AssertUniform(pValues, "a2 against the exact ⟨v, p⟩");
    }

    [Fact]
    public void Compare_GivenAmplitudes_AreTheReference()
    {
        var (x, y) = GridSampler.Draw(Grid, Density, 1000, new System.Random(4));
        var c = Comparer().Compare(x, y, Density, [10.0, 20.0]);
        Assert.Equal([10.0, 20.0], c.Amplitudes.Select(a => a.FokkerPlanck));
        Assert.Equal(Verdict.Inconsistent, c.Verdict);
    }

    [Fact]
    public void Compare_ExcessLoss_IsMeasuredFromTheEquilibriumLoss()
    {
        var (x, y) = GridSampler.Draw(Grid, Density, 1000, new System.Random(5));
        var plain = Comparer().Compare(x, y, Density).ExcessLoss;
        var shifted = Comparer(equilibriumLoss: 0.25).Compare(x, y, Density).ExcessLoss;
        double centre = Enumerable.Range(0, Grid.CellCount).Sum(k => Density[k] * Landscape.Potential(Grid.X.Centres[k % Grid.Nx], Grid.Y.Centres[k / Grid.Nx]));
        Assert.Equal(centre, plain.FokkerPlanck, 1e-12);
        Assert.Equal(centre - 0.25, shifted.FokkerPlanck, 1e-12);
        Assert.Equal(plain.Particles.Mean - 0.25, shifted.Particles.Mean, 1e-12);
        Assert.Equal(plain.Test.PValue, shifted.Test.PValue, 1e-9);
        Assert.True(plain.FokkerPlanckError > 0);
    }

    [Fact]
    public void Compare_ParticlesOutsideTheBox_ThrowsSayingHowManyAndWhere()
    {
        var (x, y) = GridSampler.Draw(Grid, Density, 100, new System.Random(6));
        y[3] = 2.5;
        y[7] = 3.0;
        x[9] = -1.2;
        var e = Assert.Throws<ArgumentException>(() => Comparer().Compare(x, y, Density));
        Assert.Contains("3 of 100 particles", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 y > 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("1 x < -1", e.Message, StringComparison.Ordinal);
        Assert.Contains("particle 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_OneDimensionalGrid_TestsTheYMarginalAndTheLoss()
    {
        var grid = TensorGrid.OneDimensional(Axis.Uniform(-2, 2, 40));
        var landscape = TestLandscapes.Harmonic1D(2);
        var p = GridSampler.Equilibrium(grid, landscape.Potential, 0.3);
        var (_, y) = GridSampler.Draw(grid, p, 5000, new System.Random(8));
        var c = new ParticleDensityComparer(grid, landscape).Compare([], y, p);
        Assert.Null(c.X);
        Assert.Equal(["y marginal", "excess loss"], c.Tests.Select(t => t.Name));
        Assert.Equal(Verdict.Consistent, c.Verdict);
    }

    [Fact]
    public void Compare_InvalidInput_Throws()
    {
        var comparer = Comparer();
        Assert.Throws<ArgumentException>(() => comparer.Compare([0.0], [0.0], Density));
        Assert.Throws<ArgumentException>(() => comparer.Compare([0.0, 0.1], [0.0, 0.1], Density.AsSpan(1)));
        var negative = Density.ToArray();
        negative[0] = -1e-3;
        Assert.Throws<ArgumentException>(() => comparer.Compare([0.0, 0.1], [0.0, 0.1], negative));
    }
}
