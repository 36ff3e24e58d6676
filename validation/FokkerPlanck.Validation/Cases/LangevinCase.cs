using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Plotting.Models;
using FokkerPlanck.Reporting.Validation;
using FokkerPlanck.Validation.Support;
using OxyPlot;

namespace FokkerPlanck.Validation.Cases;

/// <summary>
/// Particle ensembles: stationary variances of the schemes against their exact discrete-time values,
/// SGD's valley variance against <c>T/(a(1 − ηa/2))</c>, and the default scenario's ensemble against the
/// Fokker–Planck time stepper at several times.
/// </summary>
/// <remarks>
/// <para><b>OU.</b> For <c>U = k y²/2</c> the Euler–Maruyama chain <c>y ← (1 − kh)y + √(2Th)ξ</c> is AR(1) with
/// stationary variance <c>T/(k(1 − kh/2))</c>; Leimkuhler–Matthews, an ARMA(1,1), has exactly <c>T/k</c>
/// (Leimkuhler &amp; Matthews 2013, Appl. Math. Res. Express, §3). Both are checked at kh = 0.2, where they
/// differ by 11 %, to |z| ≤ 4.5 with z from the sample variance's standard error √(2/n)·v.</para>
/// <para><b>SGD.</b> On a harmonic valley (a = 10) the map in x is AR(1) with variance T/(a(1 − ηa/2))
/// (docs/physics.md §7): ⟨a x²⟩/T at ηa = 0.25 … 1.5 against 1/(1 − ηa/2), |z| ≤ 4.5.</para>
/// <para><b>Against FP.</b> The two-basin default scenario (128×256), a quench from its strong Mpemba point,
/// 10⁵ Leimkuhler–Matthews particles (h·a_max = 0.01) against the time stepper at t = 0.1, 1 and 5: each
/// time's Holm-corrected family p-value must exceed α = 0.01.</para>
/// </remarks>
internal sealed class LangevinCase : IValidationCase
{
    /// <summary>|z| beyond which a particle estimate disagrees with its exact value (two-sided p ≈ 7·10⁻⁶ per check).</summary>
    private const double ZLimit = 4.5;

    private const int Particles = 100_000;

    private static readonly double[] SgdProducts = [0.25, 0.5, 1.0, 1.5];

    private static readonly double[] ComparisonTimes = [0.1, 1, 5];

    public string Name => "langevin";

    public string Title => "Particle ensembles: exact stationary variances of EM, LM and SGD; the default scenario against the FP time stepper";

    public string Kind => "Langevin vs FP";

    public string Oracle => "exact stationary variances of EM, LM and SGD; the FP time stepper";

    public string Description => """
        **OU:** `U = y²/2`, T = 0.5, step h = 0.2, 10⁵ particles: Euler–Maruyama's variance `T/(k(1 − kh/2))`, Leimkuhler–Matthews' exactly `T/k`.
        **SGD:** valley a = 10, river c = y²/2, constant η with ηa = 0.25 … 1.5: `⟨a x²⟩/T = 1/(1 − ηa/2)` (docs/physics.md §7).
        **Tolerance:** |z| ≤ 4.5 against the exact values (z from the sampling error).
        **Against FP:** default scenario (two-basin, 128×256), quench from its strong Mpemba point, 10⁵ LM particles, t = 0.1, 1, 5:
        Holm-corrected family p-value of the marginal G-tests, excess-loss and amplitude z-tests ≥ α = 0.01 at every time.
        """;

    public CaseResult Run(string outputDirectory)
    {
        var checks = new List<Check>();
        var variance = new ResultTable("variance", "Stationary variances against their exact discrete-time values", ["scheme", "h·k (η·a)", "measured", "exact", "z"]);
        foreach (var (method, exact) in new[] { (LangevinMethod.EulerMaruyama, 0.5 / 0.9), (LangevinMethod.LeimkuhlerMatthews, 0.5) })
        {
            var state = Stationary(OrnsteinUhlenbeck(), method, lr: 0.5, step: 0.2, steps: 200);
            var (v, se) = SecondMoment(state.Y, 1.0);
            double z = (v - exact) / se;
            variance.Add(method.ToString(), 0.2, v, exact, z);
            checks.Add(Check.AtMost($"OU {method}: |z| of the stationary variance", Math.Abs(z), ZLimit));
        }
        var measured = new List<double>();
        foreach (double product in SgdProducts)
        {
            double lr = product / 10;
            var state = Stationary(HarmonicValley(), LangevinMethod.Sgd, lr, lr, steps: 400);
            var (ratio, se) = SecondMoment(state.X, 10 / lr);
            double exact = 1 / (1 - product / 2), z = (ratio - exact) / se;
            measured.Add(ratio);
            variance.Add("SGD ⟨a x²⟩/T", product, ratio, exact, z);
            checks.Add(Check.AtMost($"SGD at ηa = {product}: |z| of ⟨a x²⟩/T against 1/(1 − ηa/2)", Math.Abs(z), ZLimit));
        }
        var sgdPlot = LineChart.Create(
        [
            new LineSeriesData("SGD ensembles", SgdProducts, [.. measured]) { Marker = MarkerType.Circle, LineStyle = LineStyle.None },
            new LineSeriesData("1/(1 − ηa/2)", [.. Enumerable.Range(0, 50).Select(i => 1.6 * i / 49)], [.. Enumerable.Range(0, 50).Select(i => 1 / (1 - 0.8 * i / 49))]),
        ], new LineChartOptions { Title = "SGD's stationary valley variance", XAxisTitle = "η·a", YAxisTitle = "⟨a x²⟩/T (continuous FP: 1)", HorizontalLines = [new ReferenceLine(1, "FP")] });
        var (fpTable, fpChecks) = AgainstFokkerPlanck();
        checks.AddRange(fpChecks);
        return new CaseResult(Name, checks, [variance, fpTable], [Plots.Save(sgdPlot, outputDirectory, "sgd-valley-variance.png")]);
    }

    private static (ResultTable, List<Check>) AgainstFokkerPlanck()
    {
        var table = new ResultTable("fp", "Default scenario, quench from the strong Mpemba point: 10⁵ LM particles against the time stepper",
            ["t", "p(y)", "p(x)", "excess loss (particles)", "excess loss (FP)", "Holm p", "verdict"]);
        var checks = new List<Check>();
        var scenario = ScenarioLoader.Load(FindScenario());
        using var session = EvolutionSession.Create(scenario, new EvolutionOptions { Predict = false, Snapshots = 0 });
        double star = session.Scan.Points[0].Lr;
        var validation = new EnsembleValidation(session, BlockGradient.Create(scenario), new EnsembleOptions { Particles = Particles, Seed = 1 });
        var result = validation.Run(ScheduleCatalog.Parse("constant").Bind(star, scenario.FinalLr), ComparisonTimes);
        foreach (var t in result.Times)
        {
            var c = t.Comparison;
            table.Add(t.Time, c.Y.Test.PValue, c.X?.Test.PValue, c.ExcessLoss.Particles.Mean, c.ExcessLoss.FokkerPlanck, c.PValue, c.Verdict.ToString());
            checks.Add(Check.AtLeast($"t = {t.Time}: Holm-corrected family p-value", c.PValue, Significance.DefaultLevel));
        }
        return (table, checks);
    }

    /// <summary>data/scenarios/two-basin.json from the repository (the case runs from its build folder).</summary>
    private static string FindScenario()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", "scenarios", "two-basin.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("data/scenarios/two-basin.json not found above the validation's build folder.");
    }

    private static ParticleState Stationary(ILandscape landscape, LangevinMethod method, double lr, double step, int steps)
    {
        var planner = new StepPlanner(ScheduleCatalog.Parse("constant").Bind(lr, lr), 1.0, method, step);
        var state = InitialEnsemble.AtPoint(0, 0, Particles);
        new EnsembleRun(new ScalarBlockGradient(landscape), new Walls(-5, 5, -5, 5), new EnsembleOptions { Particles = Particles, Seed = 7, Method = method })
            .Run(state, planner, planner.LandingTimes([steps * step]), _ => { });
        return state;
    }

    /// <summary>⟨scale·v²⟩ and its standard error.</summary>
    private static (double Mean, double Error) SecondMoment(double[] values, double scale)
    {
        var e = MeanEstimate.Of([.. values.Select(v => scale * v * v)]);
        return (e.Mean, e.StandardError);
    }

    private static PotentialLandscape1D OrnsteinUhlenbeck() => new(new ScalarField1D("y^2/2", y => 0.5 * y * y, y => y));

    private static ValleyRiverLandscape HarmonicValley()
        => new(new ScalarField1D("y^2/2", y => 0.5 * y * y, y => y), new ScalarField1D("10", _ => 10, _ => 0));
}
