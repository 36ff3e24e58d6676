using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.TimeStepping;
using FokkerPlanck.Plotting.Models;
using FokkerPlanck.Reporting.Validation;
using FokkerPlanck.Validation.Support;
using OxyPlot;

namespace FokkerPlanck.Validation.Cases;

/// <summary>
/// The time stepper: an Ornstein–Uhlenbeck quench against its exact Gaussian solution, and the order
/// of the schemes in time under a learning-rate decay.
/// </summary>
/// <remarks>
/// <para><b>Equation.</b> <c>∂_t p = ∂_y(p U′) + T(t) ∂²_y p</c>, U = y²/2 on [−7, 7] (7 standard deviations of
/// the hot state), T jumps from 1 to 0.25 at t = 0 (a quench, κ = 1).</para>
/// <para><b>Oracle.</b> A Gaussian stays Gaussian under an OU process; its variance solves
/// <c>v′ = −2v + 2T</c>, so <c>v(t) = T_c + (T_h − T_c) e^{−2t}</c> (Risken, <i>The Fokker–Planck
/// Equation</i>, 1989, §5.3, eq. 5.27). The discrete variance <c>Σ m_i y_i²</c> carries the spatial
/// error O(h²): observed order between 200 and 400 cells in [1.8, 2.2], relative error ≤ 10⁻³ at 400 cells,
/// with the run's own time error held far below (rtol 10⁻⁸), for the Krylov tail and for plain stepping.</para>
/// <para><b>Order in time.</b> The peer valley (16 × 24 cells), T decayed linearly from 1 to 0.25 over
/// [0, 2] so the operator changes at every stage; fixed steps h = 0.1 … 0.0125 against h = 1/1024: the
/// observed order of the L1 error at t = 2 must be 2 ± 0.2 for TR-BDF2 and 1 ± 0.2 for backward Euler.</para>
/// </remarks>
internal sealed class TimeStepperCase : IValidationCase
{
    private static readonly double[] Times = [0.05, 0.2, 0.5, 1, 2, 4];
    private static readonly int[] Cells = [100, 200, 400];
    private static readonly double[] Steps = [0.1, 0.05, 0.025, 0.0125];

    public string Name => "time-stepper";

    public string Title => "Time stepper: OU quench vs the exact Gaussian; order in time under a decay";

    public string Kind => "time stepper vs exact OU";

    public string Oracle => "the exact Gaussian of an OU quench; a fine-step reference for the order in time";

    public string Description => """
        **Quench:** `U = y²/2` on [−7, 7], T 1 → 0.25 at t = 0; N = 100, 200, 400 cells; TR-BDF2 with the Krylov tail, and plain stepping.
        **Oracle:** the variance of an OU Gaussian, `v(t) = T_c + (T_h − T_c)e^{−2t}` (Risken 1989, §5.3). **Tolerance:** observed spatial order
        (200 → 400) in [1.8, 2.2] and max relative variance error ≤ 1e-3 at 400 cells, both paths.
        **Order in time:** peer valley 16×24, linear decay of T from 1 to 0.25 over 2, fixed steps 0.1 … 0.0125 against 1/1024:
        L1 error order 2 ± 0.2 (TR-BDF2) and 1 ± 0.2 (backward Euler).
        """;

    public CaseResult Run(string outputDirectory)
    {
        var checks = new List<Check>();
        var quench = new ResultTable("quench", "OU quench: max relative error of the variance over t = 0.05 … 4", ["path", "N", "h", "max rel err", "order"]);
        var series = new List<LineSeriesData>();
        foreach (bool tail in new[] { true, false })
        {
            var errors = Cells.Select(n => VarianceError(n, tail, tail && n == Cells[^1] ? series : null)).ToArray();
            var orders = ConvergenceOrder.Pairwise(Cells, errors);
            string path = tail ? "Krylov tail" : "stepping";
            for (int k = 0; k < Cells.Length; k++) quench.Add(path, Cells[k], 14.0 / Cells[k], errors[k], double.IsNaN(orders[k]) ? null : orders[k]);
            checks.Add(Check.Between($"{path}: spatial order 200 → 400", orders[^1], 1.8, 2.2));
            checks.Add(Check.AtMost($"{path}: max relative variance error at 400 cells", errors[^1], 1e-3));
        }
        var order = new ResultTable("order", "Fixed steps under a linear decay: L1 error at t = 2", ["scheme", "h", "L1 error", "order"]);
        var orderSeries = new List<LineSeriesData>();
        foreach (var (scheme, p) in new[] { ("trbdf2", 2), ("euler", 1) })
        {
            var errors = TimeErrors(scheme);
            var orders = new double[errors.Length];
            orders[0] = double.NaN;
            for (int k = 1; k < errors.Length; k++) orders[k] = Math.Log2(errors[k - 1] / errors[k]);
            for (int k = 0; k < errors.Length; k++) order.Add(scheme, Steps[k], errors[k], double.IsNaN(orders[k]) ? null : orders[k]);
            checks.Add(Check.Between($"{scheme}: observed order in time", orders[^1], p - 0.2, p + 0.2));
            orderSeries.Add(new LineSeriesData($"{scheme} (order {orders[^1]:F2})", Steps, errors) { Marker = MarkerType.Circle });
        }
        var variance = LineChart.Create(series, new LineChartOptions
        {
            Title = "OU quench: variance of the discrete density vs the exact Gaussian",
            XAxisTitle = "t", YAxisTitle = "variance Σ m y²", LogX = true,
        });
        var orderPlot = LineChart.Create(orderSeries, new LineChartOptions
        {
            Title = "Order in time under a linear decay (fixed steps)", XAxisTitle = "h", YAxisTitle = "L1 error at t = 2", LogX = true, LogY = true,
        });
        return new CaseResult(Name, checks, [quench, order],
            [Plots.Save(variance, outputDirectory, "ou-variance.png"), Plots.Save(orderPlot, outputDirectory, "order-in-time.png")]);
    }

    private static double[] Equilibrium(GeneratorFamily family, double temperature)
        => [.. family.OperatorAt(temperature).LogEquilibrium.ToArray().Select(Math.Exp)];

    private static double VarianceError(int cells, bool tail, List<LineSeriesData>? plot)
    {
        var family = new GeneratorFamily(DiscreteLandscape.Sample(TensorGrid.OneDimensional(Axis.Uniform(-7, 7, cells)), Harmonic1D()));
        var y = family.Landscape.Grid.Y.Centres.ToArray();
        var recorder = new Recorder();
        using var integrator = new TimeIntegrator(family, TimeIntegrator.AnalyzeGrid(family.Landscape.Grid),
            new IntegratorOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-12, KrylovTail = tail });
        integrator.Run(ScheduleCatalog.Parse("constant").Bind(1.0, 0.25), 1.0, Equilibrium(family, 1.0), 4, Times, [recorder]);
        var numeric = recorder.States.Select(m => m.Zip(y, (a, b) => a * b * b).Sum()).ToArray();
        var exact = Times.Select(t => 0.25 + 0.75 * Math.Exp(-2 * t)).ToArray();
        if (plot is not null)
        {
            var fine = Enumerable.Range(0, 60).Select(k => 0.05 * Math.Pow(80, k / 59.0)).ToArray();
            plot.Add(new LineSeriesData("exact 0.25 + 0.75 e^(−2t)", fine, [.. fine.Select(t => 0.25 + 0.75 * Math.Exp(-2 * t))]));
            plot.Add(new LineSeriesData($"time stepper, {cells} cells", Times, numeric) { Marker = MarkerType.Circle, LineStyle = LineStyle.None });
        }
        return numeric.Zip(exact, (a, b) => Math.Abs(a - b) / b).Max();
    }

    private static double[] TimeErrors(string scheme)
    {
        var landscape = new Core.Landscapes.ValleyRiverLandscape(
            new Core.Landscapes.ScalarField1D("c", y => 0.5 * Math.Pow(y, 4) - y * y + 0.3 * y, y => 2 * Math.Pow(y, 3) - 2 * y + 0.3),
            new Core.Landscapes.ScalarField1D("a", y => 20 * (1 + 0.5 * Math.Tanh(y)), y => 10 / Math.Pow(Math.Cosh(y), 2)));
        var family = new GeneratorFamily(DiscreteLandscape.Sample(new TensorGrid(Axis.Clustered(-1, 1, 16, 0.0, 1.5), Axis.Uniform(-2.5, 2.5, 24)), landscape));
        var schedule = ScheduleCatalog.Parse("linear:2").Bind(1.0, 0.25);
        var p0 = Equilibrium(family, 1.0);
        var symbolic = TimeIntegrator.AnalyzeGrid(family.Landscape.Grid);
        double[] Final(double h)
        {
            var recorder = new Recorder();
            using var integrator = new TimeIntegrator(family, symbolic, new IntegratorOptions
            {
                FixedStep = h, Scheme = SchemeCatalog.Get(scheme), RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14,
            });
            integrator.Run(schedule, 1.0, p0, 2, [2.0], [recorder]);
            return recorder.States[0];
        }
        var reference = Final(1.0 / 1024);
        return [.. Steps.Select(h => Final(h).Zip(reference, (a, b) => Math.Abs(a - b)).Sum())];
    }

    private static Core.Landscapes.PotentialLandscape1D Harmonic1D()
        => new(new Core.Landscapes.ScalarField1D("y^2/2", y => 0.5 * y * y, y => y));

    private sealed class Recorder : IStepObserver
    {
        public List<double[]> States { get; } = [];

        public void Observe(double t, ReadOnlySpan<double> masses) => States.Add(masses.ToArray());
    }
}
