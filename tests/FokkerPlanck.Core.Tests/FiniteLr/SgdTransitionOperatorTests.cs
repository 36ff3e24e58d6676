using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.FiniteLr;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.Tests.TestSupport;
using MathNet.Numerics.Distributions;
using Xunit;

namespace FokkerPlanck.Core.Tests.FiniteLr;

public class SgdTransitionOperatorTests
{
    private static PotentialLandscape1D DoubleWell()
        => new(new ScalarField1D("y^4/2 - y^2 + 0.1y", y => 0.5 * Math.Pow(y, 4) - y * y + 0.1 * y, y => 2 * Math.Pow(y, 3) - 2 * y + 0.1));

    private static SgdModel Model1D(double kappa, double cellsPerNoise = 1.0)
        => new(DoubleWell(), TensorGrid.OneDimensional(Axis.Uniform(-2.5, 2.5, 10)), kappa, cellsPerNoise, 1.0);

    [Fact]
    public void ColumnsAreProbabilitiesSummingToOneOnAValleyRiverLandscape()
    {
        var grid = new TensorGrid(Axis.Uniform(-1, 1, 60), Axis.Uniform(-2.5, 2.5, 100));
        var op = SgdTransitionOperator.Create(grid, TestLandscapes.PeerValley(), 0.01, 1.0);
        var sums = new double[grid.CellCount];
        var ones = new double[grid.CellCount];
        Array.Fill(ones, 1.0);
        op.ApplyTransposed(ones, sums);
        Assert.All(sums, s => Assert.Equal(1.0, s, 13));
        Assert.All(op.Matrix.Values.ToArray(), v => Assert.True(v >= 0));
        // SGD breaks detailed balance: P is not symmetric even in its pattern's values
        Assert.True(op.Matrix.SymmetryDefect() > 1e-3);
    }

    [Fact]
    public void AQuadraticLossKeepsSgdsGaussianStationaryVariance()
    {
        // ηa = 0.5 along x and 0.2 along y: T/(a(1 − ηa/2)) is 33 % and 11 % above the continuous T/a
        const double kx = 10, ky = 4, lr = 0.05, t = 0.5;
        var box = new TensorGrid(Axis.Uniform(-2.6, 2.6, 4), Axis.Uniform(-3.6, 3.6, 4));
        var model = new SgdModel(TestLandscapes.Harmonic(kx, ky), box, t / lr, 1.0, 1.0);
        var grid = model.GridAt(lr);
        var (p, _, result) = SgdSpectrumSolver.Stationary(model.OperatorAt(lr, grid), new SgdSpectrumOptions(), model.GibbsMasses(grid, lr));
        Assert.Equal(EigenStatus.Converged, result.Status);
        double vx = 0, vy = 0;
        for (int k = 0; k < grid.CellCount; k++)
        {
            vx += p[k] * Math.Pow(grid.X.Centres[k % grid.Nx], 2);
            vy += p[k] * Math.Pow(grid.Y.Centres[k / grid.Nx], 2);
        }
        // moment matching makes the linear map's variance exact up to Sheppard's 5e-8 and the walls at 10σ
        Assert.Equal(t / (kx * (1 - lr * kx / 2)), vx, 1e-6);
        Assert.Equal(t / (ky * (1 - lr * ky / 2)), vy, 1e-6);
        Assert.All(p, m => Assert.True(m >= 0));
    }

    [Fact]
    public void AsTheLearningRateShrinksTheSgdRateAndStationaryStateTendToTheFokkerPlanckOnes()
    {
        const double t = 0.3;
        var fpGrid = TensorGrid.OneDimensional(Axis.Uniform(-2.5, 2.5, 2000));
        var fp = new RelaxationSpectrumSolver().Solve(FokkerPlanckOperator.Create(DiscreteLandscape.Sample(fpGrid, DoubleWell()), t, FaceFluxCatalog.Get("sg")), new SpectrumOptions { Modes = 3 });
        double fpRate = fp.Eigenvalues[1], fpLeft = LeftWell(fpGrid, Gibbs(fpGrid, t));
        var rateGaps = new List<double>();
        var weightGaps = new List<double>();
        foreach (double lr in new[] { 0.04, 0.02, 0.01 })
        {
            var model = Model1D(t / lr, cellsPerNoise: 3);
            var grid = model.GridAt(lr);
            var s = SgdSpectrumSolver.Solve(model.OperatorAt(lr, grid), new SgdSpectrumOptions { Modes = 3 }, model.GibbsMasses(grid, lr), model.Loss(grid));
            Assert.Equal(EigenStatus.Converged, s.Status);
            rateGaps.Add(Math.Abs(s.Rate(1) / fpRate - 1));
            weightGaps.Add(Math.Abs(LeftWell(grid, s.Stationary) - fpLeft));
        }
        // three cells per noise width keep the grid's O(h²) error (h² ∝ η too) below SGD's own departure;
        // measured: λ₂ gaps 3.2 %, 1.5 %, 0.70 % (first order in η), left-well weight gaps 0.0053, 0.0031, 0.00045
        Assert.True(rateGaps[1] < 0.7 * rateGaps[0] && rateGaps[2] < 0.7 * rateGaps[1], string.Join(", ", rateGaps));
        Assert.True(weightGaps[1] < 0.7 * weightGaps[0] && weightGaps[2] < 0.7 * weightGaps[1], string.Join(", ", weightGaps));
        Assert.True(rateGaps[2] < 0.01 && weightGaps[2] < 1e-3, $"rate gaps {string.Join(", ", rateGaps)}; weight gaps {string.Join(", ", weightGaps)}");
    }

    [Fact]
    public void TheStationaryStateMatchesALongIndependentSgdEnsemble()
    {
        // the SGD map itself, sampled with its own reflecting walls, against the operator's Perron vector
        const double lr = 0.05, t = 0.3, min = -2.5, max = 2.5;
        // three cells per noise width: the grid's O(h²) error (0.7 % of the well weights at one cell) stays below what 4·10⁴ particles resolve
        var model = Model1D(t / lr, cellsPerNoise: 3);
        var grid = model.GridAt(lr);
        var (p, _, result) = SgdSpectrumSolver.Stationary(model.OperatorAt(lr, grid), new SgdSpectrumOptions(), model.GibbsMasses(grid, lr));
        Assert.Equal(EigenStatus.Converged, result.Status);
        var counts = Sample(40_000, 1_500, lr, t, min, max, grid);
        var g = GTest.Run(counts, p);
        Assert.True(g.PValue > 1e-3, $"SGD ensemble vs operator: G = {g.Statistic:F1}, p = {g.PValue:E2}");
        // power: the continuous Gibbs law at the same T is rejected by the same sample
        var gibbs = GTest.Run(counts, model.GibbsMasses(grid, lr));
        Assert.True(gibbs.PValue < 1e-6, $"Gibbs not rejected: p = {gibbs.PValue:E2}");
    }

    /// <summary>Particles of <c>y ← y − η U′(y) + √(2Tη) ξ</c> folded at the walls, binned on <paramref name="grid"/> after <paramref name="steps"/> steps.</summary>
    private static long[] Sample(int particles, int steps, double lr, double t, double min, double max, TensorGrid grid)
    {
        var rng = new MathNet.Numerics.Random.Xoshiro256StarStar(20261203);
        var normal = new Normal(0, Math.Sqrt(2 * t * lr), rng);
        var counts = new long[grid.CellCount];
        var u = DoubleWell().Field;
        for (int n = 0; n < particles; n++)
        {
            double y = min + (max - min) * rng.NextDouble();
            for (int s = 0; s < steps; s++)
            {
                y = y - lr * u.Derivative(y) + normal.Sample();
                while (y < min || y > max) y = y < min ? 2 * min - y : 2 * max - y;
            }
            counts[grid.Y.CellOf(y)]++;
        }
        return counts;
    }

    private static double[] Gibbs(TensorGrid grid, double t)
    {
        var w = grid.Y.Centres.ToArray().Select((y, j) => Math.Exp(-DoubleWell().Potential(0, y) / t) * grid.Y.Widths[j]).ToArray();
        double z = w.Sum();
        return [.. w.Select(v => v / z)];
    }

    private static double LeftWell(TensorGrid grid, double[] masses)
        => Enumerable.Range(0, grid.Ny).Where(j => grid.Y.Centres[j] < 0).Sum(j => masses[j]);
}
