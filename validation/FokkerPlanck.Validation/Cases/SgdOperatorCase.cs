using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.FiniteLr;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Plotting.Models;
using FokkerPlanck.Reporting.Validation;
using FokkerPlanck.Validation.Support;
using MathNet.Numerics.Distributions;
using OxyPlot;

namespace FokkerPlanck.Validation.Cases;

/// <summary>
/// The SGD transition operator (finite-LR model) against three things it did not produce: SGD's exact
/// Gaussian stationary law on a quadratic, an independent SGD ensemble, and the continuous Fokker–Planck
/// rate in the small-step limit.
/// </summary>
/// <remarks>
/// <para><b>Gaussian law.</b> On <c>L = (a_x x² + a_y y²)/2</c> the map <c>θ ← (1 − ηa)θ + √(2Tη)ξ</c> has the
/// stationary variance <c>2Tη/(1 − (1 − ηa)²) = T/(a(1 − ηa/2))</c> per axis (physics.md §7); the operator's Perron
/// vector must give it for ηa from 0.2 to 1.5, where it is 11 % to 300 % above the continuous T/a.</para>
/// <para><b>Ensemble.</b> 10⁵ particles of the SGD map on the tilted double well <c>(y² − 1)² + 0.1y</c> (T = 0.3,
/// η = 0.05, reflecting walls at ±2.5), sampled with MathNet's Xoshiro256** and normal sampler and folded at
/// the walls, after 2,000 steps (≥ 10 relaxation times); G-test of their histogram against the Perron vector,
/// and against the continuous Gibbs law to show the test's power.</para>
/// <para><b>Small-step limit.</b> λ₂ of SGD against λ₂ of the FP operator (2,000 cells, sg flux) for η = 0.04 …
/// 0.0025 at fixed T, on grids of 3 cells per noise width: the relative gap must fall at first order in η (fitted on the three smallest).</para>
/// </remarks>
internal sealed class SgdOperatorCase : IValidationCase
{
    private const double Temperature = 0.3, Tilt = 0.1, Wall = 2.5;
    private const double VarianceTolerance = 1e-5, PValueFloor = 1e-3, PowerCeiling = 1e-6, OrderLow = 0.8, OrderHigh = 1.2;
    private const int Particles = 100_000, Steps = 2_000;
    private const ulong Seed = 20261203;
    private static readonly double[] LrTimesCurvature = [0.2, 0.5, 1.0, 1.5];
    private static readonly double[] Lrs = [0.04, 0.02, 0.01, 0.005, 0.0025];

    public string Name => "sgd-operator";

    public string Title => "SGD's transition operator: Gaussian stationary law, an independent ensemble, the small-step limit";

    public string Kind => "exact solution, statistical test, convergence order";

    public string Oracle => "SGD's exact stationary variance T/(a(1 − ηa/2)); an independent SGD ensemble; the FP rate as η → 0";

    public string Description => """
        The Markov matrix of one SGD step on the grid (binned, moment-matched, folded Gaussian increments; docs/sgd.md §4).
        **Gaussian law:** on `L = (a_x x² + a_y y²)/2` the Perron vector's variance per axis against `T/(a(1 − ηa/2))` for ηa = 0.2 … 1.5;
        tolerance 1e-5 relative. **Ensemble:** 10⁵ SGD particles on `(y² − 1)² + 0.1y` (T = 0.3, η = 0.05, walls at ±2.5), 2,000 steps,
        MathNet Xoshiro256** normals, histogram G-test against the Perron vector (p ≥ 1e-3) and against the continuous Gibbs law (p ≤ 1e-6: the test
        can tell SGD from its continuous limit). **Small-step limit:** |λ₂^SGD/λ₂^FP − 1| for η = 0.04 … 0.0025 at T = 0.3 (3 cells per noise width):
        fitted order in η over the three smallest ∈ [0.8, 1.2].
        """;

    public CaseResult Run(string outputDirectory)
    {
        var (gaussian, worst) = GaussianLaw();
        var (ensemble, pSgd, pGibbs) = Ensemble();
        var (limit, order, etas, gaps) = SmallStepLimit();
        var checks = new List<Check>
        {
            Check.AtMost("Perron vector variance vs T/(a(1 − ηa/2)): worst relative error", worst, VarianceTolerance),
            Check.AtLeast("SGD ensemble vs Perron vector: G-test p", pSgd, PValueFloor),
            Check.AtMost("SGD ensemble vs continuous Gibbs law: G-test p (power)", pGibbs, PowerCeiling),
            Check.Between("|λ₂^SGD/λ₂^FP − 1| against η: fitted order", order, OrderLow, OrderHigh),
        };
        var model = LineChart.Create(
        [
            new LineSeriesData("|λ₂^SGD/λ₂^FP − 1|", etas, gaps) { Marker = MarkerType.Circle },
            ReferenceSlope.Create("O(η)", etas, 1, etas[0], gaps[0] * 0.5),
        ], new LineChartOptions
        {
            Title = "SGD's slowest rate tends to the Fokker–Planck one as η → 0",
            XAxisTitle = "learning rate η (T = 0.3 fixed)", YAxisTitle = "relative gap of λ₂", LogX = true, LogY = true,
        });
        return new CaseResult(Name, checks, [gaussian, ensemble, limit], [Plots.Save(model, outputDirectory, "rate-gap-vs-eta.png")]);
    }

    /// <summary>The Perron vector's variance per axis on a quadratic at several ηa.</summary>
    private static (ResultTable Table, double Worst) GaussianLaw()
    {
        const double ay = 2.0, lrBase = 0.05;
        var table = new ResultTable("gaussian", "Stationary variance along x on L = (a_x x² + 2y²)/2, η = 0.05, T = 0.5: continuous, exact SGD, operator",
            ["η·a_x", "T/a (continuous)", "T/(a(1 − ηa/2)) (SGD)", "operator", "relative error"]);
        double worst = 0;
        foreach (double eta_a in LrTimesCurvature)
        {
            double ax = eta_a / lrBase, t = 0.5, exact = t / (ax * (1 - eta_a / 2));
            double sx = 12 * Math.Sqrt(exact), sy = 12 * Math.Sqrt(t / (ay * (1 - lrBase * ay / 2)));
            var box = new TensorGrid(Axis.Uniform(-sx, sx, 4), Axis.Uniform(-sy, sy, 4));
            var model = new SgdModel(Landscapes.Harmonic(ax, ay), box, t / lrBase, 1.0, double.MaxValue);
            var grid = model.GridAt(lrBase);
            var (p, _, result) = SgdSpectrumSolver.Stationary(model.OperatorAt(lrBase, grid), new SgdSpectrumOptions(), model.GibbsMasses(grid, lrBase));
            double v = result.Status == EigenStatus.Converged ? Enumerable.Range(0, grid.CellCount).Sum(k => p[k] * Math.Pow(grid.X.Centres[k % grid.Nx], 2)) : double.NaN;
            double error = Math.Abs(v / exact - 1);
            worst = double.IsFinite(error) ? Math.Max(worst, error) : double.NaN;
            table.Add(eta_a, t / ax, exact, v, error);
        }
        return (table, worst);
    }

    /// <summary>An independent SGD ensemble's histogram against the Perron vector and against the Gibbs law.</summary>
    private static (ResultTable Table, double PSgd, double PGibbs) Ensemble()
    {
        const double lr = 0.05;
        var well = Landscapes.TiltedDoubleWell(Tilt);
        var model = new SgdModel(well, TensorGrid.OneDimensional(Axis.Uniform(-Wall, Wall, 4)), Temperature / lr, 3.0, double.MaxValue);
        var grid = model.GridAt(lr);
        var (p, _, _) = SgdSpectrumSolver.Stationary(model.OperatorAt(lr, grid), new SgdSpectrumOptions(), model.GibbsMasses(grid, lr));
        var rng = new MathNet.Numerics.Random.Xoshiro256StarStar((int)(Seed % int.MaxValue));
        var normal = new Normal(0, Math.Sqrt(2 * Temperature * lr), rng);
        var counts = new long[grid.CellCount];
        for (int n = 0; n < Particles; n++)
        {
            double y = -Wall + 2 * Wall * rng.NextDouble();
            for (int s = 0; s < Steps; s++)
            {
                y = y - lr * well.Field.Derivative(y) + normal.Sample();
                while (y < -Wall || y > Wall) y = y < -Wall ? -2 * Wall - y : 2 * Wall - y;
            }
            counts[grid.Y.CellOf(y)]++;
        }
        var sgd = GTest.Run(counts, p);
        var gibbs = GTest.Run(counts, model.GibbsMasses(grid, lr));
        var table = new ResultTable("ensemble", $"{Particles:N0} SGD particles (η = {lr}, T = {Temperature}) after {Steps:N0} steps, binned on the operator's {grid.Ny} cells",
            ["law tested", "G (Williams)", "degrees of freedom", "p"])
            .Add("SGD operator's Perron vector", sgd.CorrectedStatistic, sgd.DegreesOfFreedom, sgd.PValue)
            .Add("continuous Gibbs law e^{−U/T}", gibbs.CorrectedStatistic, gibbs.DegreesOfFreedom, gibbs.PValue);
        return (table, sgd.PValue, gibbs.PValue);
    }

    /// <summary>λ₂ of SGD against the FP's as η → 0 at fixed T.</summary>
    private static (ResultTable Table, double Order, double[] Etas, double[] Gaps) SmallStepLimit()
    {
        var well = Landscapes.TiltedDoubleWell(Tilt);
        var fpGrid = TensorGrid.OneDimensional(Axis.Uniform(-Wall, Wall, 2000));
        double fp = Spectra.SparseRates(fpGrid, well, Temperature, 3, FaceFluxCatalog.Get("sg"), 1e-12)[1];
        var table = new ResultTable("small-step", $"λ₂ of the SGD map at T = {Temperature} against the FP's λ₂ = {Format.Number(fp)}", ["η", "SGD grid", "λ₂ (SGD)", "relative gap"]);
        var gaps = new double[Lrs.Length];
        for (int k = 0; k < Lrs.Length; k++)
        {
            double lr = Lrs[k];
            var model = new SgdModel(well, fpGrid, Temperature / lr, 3.0, double.MaxValue);
            var grid = model.GridAt(lr);
            var s = SgdSpectrumSolver.Solve(model.OperatorAt(lr, grid), new SgdSpectrumOptions { Modes = 3 }, model.GibbsMasses(grid, lr), model.Loss(grid));
            double rate = s.Status == EigenStatus.Converged ? s.Rate(1) : double.NaN;
            gaps[k] = Math.Abs(rate / fp - 1);
            table.Add(lr, grid.Ny, rate, gaps[k]);
        }
        // the fit uses the three smallest η: at η = 0.04 the O(η²) term still adds a third to the gap
        double order = ConvergenceOrder.Fitted([.. Lrs[^3..].Select(lr => (int)Math.Round(1 / lr))], gaps[^3..]);
        return (table, order, Lrs, gaps);
    }
}
