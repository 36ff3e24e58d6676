using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Langevin.Sgd;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Langevin;

/// <summary>
/// The discrete SGD map against the formulas of docs/physics.md §7, on a valley–river loss with a harmonic
/// valley (a = 10) and river (c = y²/2), where the map is an exact AR(1) process per axis.
/// </summary>
public class SgdStationaryTests
{
    /// <summary>Particles: the ratio ⟨a x²⟩/T has standard error r·√(2/n) ≈ 1 % of r at 2·10⁴.</summary>
    private const int Particles = 20_000;

    /// <summary>|z| beyond which an estimate disagrees with its prediction (two-sided p ≈ 7e-6 per check).</summary>
    private const double ZLimit = 4.5;

    private const double Curvature = 10;

    private static readonly Walls Box = new(-1, 1, -2, 2);

    private static ParticleState Stationary(LangevinMethod method, double lr, double timeStep, int steps)
    {
        var landscape = TestLandscapes.ValleyRiver(y => 0.5 * y * y, y => y, _ => Curvature, _ => 0);
        var schedule = ScheduleCatalog.Parse("constant").Bind(lr, lr);
        var planner = new StepPlanner(schedule, 1.0, method, timeStep);
        double end = (method == LangevinMethod.Sgd ? lr : timeStep) * steps;
        var state = InitialEnsemble.AtPoint(0, 0, Particles);
        new EnsembleRun(new ScalarBlockGradient(landscape), Box, new EnsembleOptions { Particles = Particles, Seed = 3, Method = method })
            .Run(state, planner, planner.LandingTimes([end]), _ => { });
        return state;
    }

    private static (double Mean, double Error) ValleyRatio(ParticleState state, double temperature)
    {
        var e = MeanEstimate.Of([.. state.X.Select(x => Curvature * x * x / temperature)]);
        return (e.Mean, e.StandardError);
    }

    [Fact]
    public void SgdValleyVariance_IsTOverAOneMinusEtaAOverTwo_NotTheContinuousTOverA()
    {
        const double lr = 0.05;   // η·a = 0.5
        var (ratio, error) = ValleyRatio(Stationary(LangevinMethod.Sgd, lr, double.NaN, 400), lr);
        double sgd = 1 / (1 - lr * Curvature / 2);
        Assert.True(Math.Abs(ratio - sgd) < ZLimit * error, $"⟨a x²⟩/T = {ratio:F4} ± {error:F4}, SGD formula {sgd:F4}");
        Assert.True(Math.Abs(ratio - 1) > 10 * ZLimit * error / 4, $"⟨a x²⟩/T = {ratio:F4} is not told apart from the continuous 1");
    }

    [Fact]
    public void LeimkuhlerMatthews_KeepsTheContinuousValleyVarianceAtTheSameStep()
    {
        const double step = 0.05, lr = 0.05;   // h·a = 0.5: Euler's bias would be 33 %
        var (ratio, error) = ValleyRatio(Stationary(LangevinMethod.LeimkuhlerMatthews, lr, step, 400), lr);
        Assert.True(Math.Abs(ratio - 1) < ZLimit * error, $"⟨a x²⟩/T = {ratio:F4} ± {error:F4}, exact 1");
    }

    [Fact]
    public void BasinSplit_CorrectedFreeEnergy_ReducesToTheFokkerPlanckWeightsAsEtaVanishes()
    {
        var landscape = TestLandscapes.ValleyRiver(y => 0.5 * Math.Pow(y, 4) - y * y, y => 2 * y * y * y - 2 * y, y => 58 + 46 * Math.Tanh(3 * y), y => 138 / Math.Pow(Math.Cosh(3 * y), 2));
        var grid = new TensorGrid(Axis.Uniform(-2.5, 2.5, 4), Axis.Uniform(-1.5, 1.5, 600));
        double t = 0.2;
        double tiny = BasinSplit.CorrectedMassBelow(landscape, grid, 1e-9, t, 0.0);
        // the η → 0 limit: weights ∝ exp(−c/T)/√a, the FP river marginal
        double below = 0, total = 0;
        for (int j = 0; j < grid.Ny; j++)
        {
            double y = grid.Y.Centres[j], w = Math.Exp(-landscape.River.Value(y) / t) / Math.Sqrt(landscape.Curvature.Value(y));
            total += w;
            if (y < 0) below += w;
        }
        Assert.Equal(below / total, tiny, 6);
        // a finite η makes the sharp (right) valley wider, so it holds less: the left basin gains
        Assert.True(BasinSplit.CorrectedMassBelow(landscape, grid, 0.005, t, 0.0) > tiny);
        Assert.True(double.IsNaN(BasinSplit.CorrectedMassBelow(landscape, grid, 0.02, t, 0.0)));   // η·a_max > 2
    }
}
