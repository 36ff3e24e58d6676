using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>
/// The first-order finite-LR model of physics.md §7: the river-only Fokker–Planck equation with SGD's
/// force-corrected free energy <c>F_η(y) = c(y) + (T/2) ln[a(y)/(1 − ηa(y)/2)]</c>, which keeps SGD's wider valley
/// (variance <c>T/(a(1 − ηa/2))</c>) in the river's averaged force. Its strong Mpemba point sits between the
/// continuous FP's and the SGD map's.
/// </summary>
public static class ForceCorrectedRiver
{
    /// <summary>F_η as a 1D landscape (NaN past the edge of stability, where the valley has no stationary width).</summary>
    public static PotentialLandscape1D FreeEnergy(ValleyRiverLandscape valley, double lr, double temperature)
    {
        ArgumentNullException.ThrowIfNull(valley);
        var c = valley.River;
        var a = valley.Curvature;
        double t = temperature, h = lr / 2;
        return new PotentialLandscape1D(new ScalarField1D(
            $"{c.Text} + ({t:R}/2)*log(({a.Text})/(1 - {h:R}*({a.Text})))",
            y => c.Value(y) + 0.5 * t * Math.Log(a.Value(y) / (1 - h * a.Value(y))),
            y => c.Derivative(y) + 0.5 * t * a.Derivative(y) / (a.Value(y) * (1 - h * a.Value(y))),
            (lo, hi) => c.Jumps(lo, hi).Concat(a.Jumps(lo, hi)).Distinct().Order().ToArray()));
    }

    /// <summary>The Mpemba scan of the corrected river model at the scenario's final LR over <paramref name="plateaus"/>.</summary>
    public static MpembaScanResult Scan(ValleyRiverLandscape valley, Scenario scenario, IReadOnlyList<double> plateaus)
    {
        ArgumentNullException.ThrowIfNull(valley);
        ArgumentNullException.ThrowIfNull(scenario);
        double finalLr = scenario.FinalLr, t = scenario.FinalTemperature;
        var (ymin, ymax) = scenario.Problem.YRange;
        var free = FreeEnergy(valley, finalLr, t);
        var grid = TensorGrid.OneDimensional(Axis.Uniform(ymin, ymax, scenario.Problem.Grid.Ny).SnapFacesTo(free.JumpsAlongY(ymin, ymax)));
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(grid, free), t, FaceFluxCatalog.Get(scenario.Problem.Flux));
        var loss = grid.Y.Centres.ToArray().Select(valley.River.Value).ToArray();
        var spectrum = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = scenario.Mpemba.Modes, LossObservable = loss });
        if (spectrum.Status != EigenStatus.Converged)
            throw new ConvergenceException($"the force-corrected river model's eigen-solve ended with status {spectrum.Status}: {spectrum.Messages}");
        return MpembaScan.Run(spectrum, new Family(valley, grid, scenario.Kappa), scenario.Kappa, finalLr, plateaus);
    }

    /// <summary>The corrected model's plateau states <c>∝ e^{−F_η/T}</c> on the river cells.</summary>
    private sealed class Family(ValleyRiverLandscape valley, TensorGrid grid, double kappa) : IPlateauStateFamily
    {
        public void LogMasses(double lr, Span<double> destination)
        {
            double t = kappa * lr;
            for (int j = 0; j < grid.Ny; j++)
            {
                double y = grid.Y.Centres[j], a = valley.Curvature.Value(y);
                destination[j] = -valley.River.Value(y) / t - 0.5 * Math.Log(a / (1 - lr * a / 2)) + Math.Log(grid.Y.Widths[j]);
            }
            double z = LogMath.LogSumExp(destination);
            for (int j = 0; j < grid.Ny; j++) destination[j] -= z;
        }
    }
}
