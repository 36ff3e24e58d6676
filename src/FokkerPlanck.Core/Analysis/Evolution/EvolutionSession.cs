using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.TimeStepping;

namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>
/// Everything the time-stepper runs of one scenario share: the sampled landscape, the operator
/// family, one symbolic analysis (for the eigen-solve and the time stepper alike), the eigenpairs at
/// the final LR with the Mpemba scan, and the integrator with its factor storage. Runs from many
/// plateaus under many schedules then cost only their steps.
/// </summary>
public sealed class EvolutionSession : IDisposable
{
    private readonly TimeIntegrator _integrator;
    private readonly double[] _loss;
    private readonly double[] _logFinal;

    private EvolutionSession(Scenario scenario, ScenarioSetup setup, GeneratorFamily family, RelaxationSpectrum spectrum,
        MpembaScanResult scan, TimeIntegrator integrator, EvolutionOptions options, SymbolicFactorization symbolic)
    {
        Scenario = scenario; Setup = setup; Family = family; Spectrum = spectrum; Scan = scan; _integrator = integrator; Options = options;
        Rates = new InstantaneousRates(scenario.FinalLr, spectrum.Eigenvalues[1..], lr =>
        {
            // eigenvalues only: no left vectors, no inertia proof (a missed rate would only blur a prediction)
            var s = new RelaxationSpectrumSolver(symbolic).Solve(setup.OperatorAt(lr),
                new SpectrumOptions { Modes = spectrum.Count, RefineLeftVectors = false, VerifyCount = false });
            return s.Eigenvalues[1..];
        });
        States = new EquilibriumStateFamily(setup.Sampled, scenario.Kappa);
        _loss = setup.Sampled.CentreValues.ToArray();
        _logFinal = spectrum.Operator.LogEquilibrium.ToArray();
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>Grid and sampled landscape.</summary>
    public ScenarioSetup Setup { get; }

    /// <summary>The operator family (any temperature).</summary>
    public GeneratorFamily Family { get; }

    /// <summary>Equilibria π(η) on the grid.</summary>
    public EquilibriumStateFamily States { get; }

    /// <summary>Eigenpairs at the final LR.</summary>
    public RelaxationSpectrum Spectrum { get; }

    /// <summary>The Mpemba scan over the scenario's plateau range (strong points, effective slowest mode).</summary>
    public MpembaScanResult Scan { get; }

    /// <summary>The options.</summary>
    public EvolutionOptions Options { get; }

    /// <summary>The slow rates at any LR (eigen-solves on demand; the predictions of decays use them).</summary>
    public InstantaneousRates Rates { get; }

    /// <summary>The integrator (its counters and timings accumulate over runs).</summary>
    public TimeIntegrator Integrator => _integrator;

    /// <summary>
    /// Samples the scenario, solves the eigenproblem at the final LR and scans the plateau range.
    /// </summary>
    /// <exception cref="ScenarioException">The scenario does not work on its grid (formula, modes).</exception>
    /// <exception cref="ConvergenceException">The eigen-solve did not converge.</exception>
    public static EvolutionSession Create(Scenario scenario, EvolutionOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        progress?.Report("sampling the landscape");
        var setup = ScenarioSetup.Create(scenario);
        var family = new GeneratorFamily(setup.Sampled, setup.Flux);
        var symbolic = TimeIntegrator.AnalyzeGrid(setup.Grid);
        progress?.Report($"eigenmodes at the final LR η_c = {scenario.FinalLr:G4}");
        var spectrum = new RelaxationSpectrumSolver(symbolic).Solve(setup.OperatorAt(scenario.FinalLr), new SpectrumOptions { Modes = scenario.Mpemba.Modes });
        if (spectrum.Status != EigenStatus.Converged)
            throw new ConvergenceException($"the eigen-solve at η_c = {scenario.FinalLr} on grid {setup.Grid} ended with status {spectrum.Status}; {spectrum.Messages}");
        MpembaScanResult scan;
        try { scan = MpembaScan.Run(spectrum, new EquilibriumStateFamily(setup.Sampled, scenario.Kappa), scenario.Kappa, scenario.FinalLr, scenario.Mpemba.Plateau.Values()); }
        catch (InvalidOperationException e) { throw new ScenarioException("modes", e.Message, e); }
        return new EvolutionSession(scenario, setup, family, spectrum, scan, new TimeIntegrator(family, symbolic, options.Integrator), options, symbolic);
    }

    /// <summary>The equilibrium cell masses at learning rate <paramref name="lr"/>.</summary>
    public double[] Equilibrium(double lr)
    {
        var p = new double[Family.Size];
        States.LogMasses(lr, p);
        for (int i = 0; i < p.Length; i++) p[i] = Math.Exp(p[i]);
        return p;
    }

    /// <summary>
    /// Refuses a learning rate whose equilibrium the domain truncates: more than
    /// <see cref="ScenarioCheck.MaximumWallMass"/> of its mass within two cells of a wall that is not
    /// part of the model (the check of <c>fokkerplanck check</c>).
    /// </summary>
    /// <exception cref="ScenarioException">The domain cannot hold the equilibrium at <paramref name="lr"/>.</exception>
    public void CheckDomainHolds(double lr, string what)
    {
        var w = OperatorDiagnostics.WallMass(Family.OperatorAt(Scenario.TemperatureOf(lr)));
        (string Name, string Axis, double Mass)[] walls = [("x-low", "x", w.XLow), ("x-high", "x", w.XHigh), ("y-low", "y", w.YLow), ("y-high", "y", w.YHigh)];
        foreach (var (name, axis, mass) in walls)
        {
            if (double.IsNaN(mass) || Scenario.Problem.ReflectingAxes.Contains(axis) || !(mass > ScenarioCheck.MaximumWallMass)) continue;
            throw new ScenarioException(what,
                $"at η = {lr:G4} the equilibrium has mass {mass:E2} within two cells of the {name} wall (limit {ScenarioCheck.MaximumWallMass:E0}): the domain truncates it. Use a lower LR, widen domain.{axis}, or list \"{axis}\" under \"reflecting\" if the wall is part of the model.");
        }
    }

    /// <summary>
    /// Integrates from <paramref name="initialMasses"/> (default: the equilibrium at the schedule's
    /// initial LR) under <paramref name="schedule"/>, recording the observables and the prediction.
    /// </summary>
    /// <exception cref="ArgumentException">The schedule does not end at the scenario's final LR, or the initial state has the wrong size.</exception>
    /// <exception cref="ScenarioException">The domain truncates the equilibrium at the schedule's initial or plateau LR.</exception>
    public EvolutionRun Run(ILearningRateSchedule schedule, double[]? initialMasses = null, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (Math.Abs(schedule.FinalLr - Scenario.FinalLr) > 1e-12 * Scenario.FinalLr)
            throw new ArgumentException($"the schedule ends at η = {schedule.FinalLr:G6}, but the scenario's final LR is {Scenario.FinalLr:G6}; distances and modes are measured at the final LR, so the two must agree (change final_lr or the schedule).", nameof(schedule));
        bool fromEquilibrium = initialMasses is null;
        if (initialMasses is not null && initialMasses.Length != Family.Size)
            throw new ArgumentException($"the initial density has {initialMasses.Length} cells, the grid {Family.Size} ({Setup.Grid}).", nameof(initialMasses));
        // the hottest LR of the schedule, and the initial one when the run starts from its equilibrium (once when they coincide)
        CheckDomainHolds(schedule.PlateauLr, "plateau_lr");
        if (fromEquilibrium && schedule.InitialLr != schedule.PlateauLr) CheckDomainHolds(schedule.InitialLr, "plateau_lr");
        initialMasses ??= Equilibrium(schedule.InitialLr);
        double endTime = EndTimeOf(schedule);
        var times = OutputTimes.Build(endTime, Options.OutputPoints, Options.FirstOutputFraction, schedule.Breakpoints);
        var snapshots = OutputTimes.Snapshots(times, Options.Snapshots);
        var observer = new RelaxationObserver(Setup.Grid, _loss, _logFinal, Spectrum.LeftVectors[1..], snapshots);
        var stats = _integrator.Run(schedule, Scenario.Kappa, initialMasses, endTime, times, [observer], progress, cancellation);
        var observedTimes = observer.Times.ToArray();
        var predicted = Options.Predict ? SpectralPrediction.Predict(Spectrum, States, schedule, initialMasses, _loss, observedTimes, Rates.At) : null;
        var late = LateTimeRate.Measure(observedTimes, observer.L1, Math.Min(schedule.SettleTime, endTime));
        var lrs = observedTimes.Select(t => schedule.LearningRate(t)).ToArray();
        return new EvolutionRun(schedule.PlateauLr, schedule, observedTimes, [.. observedTimes.Select(schedule.Steps)], lrs,
            [.. lrs.Select(Scenario.TemperatureOf)], observer, predicted, late, stats);
    }

    /// <summary>
    /// The cell masses at each of <paramref name="times"/> (ascending, ≥ 0) under <paramref name="schedule"/>
    /// from <paramref name="initialMasses"/> (default: the equilibrium at the schedule's initial LR): the
    /// Fokker–Planck reference that particle ensembles and users' samples are compared with.
    /// </summary>
    /// <exception cref="ArgumentException">Times are not ascending and nonnegative, or the initial state has the wrong size.</exception>
    /// <exception cref="ScenarioException">The domain truncates the equilibrium at the schedule's initial or plateau LR.</exception>
    public IReadOnlyList<double[]> DensitiesAt(ILearningRateSchedule schedule, IReadOnlyList<double> times, double[]? initialMasses = null,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(times);
        if (initialMasses is not null && initialMasses.Length != Family.Size)
            throw new ArgumentException($"the initial density has {initialMasses.Length} cells, the grid {Family.Size} ({Setup.Grid}).", nameof(initialMasses));
        CheckDomainHolds(schedule.PlateauLr, "plateau_lr");
        if (initialMasses is null && schedule.InitialLr != schedule.PlateauLr) CheckDomainHolds(schedule.InitialLr, "plateau_lr");
        var start = initialMasses ?? Equilibrium(schedule.InitialLr);
        var recorder = new DensityRecorder();
        var positive = times.Where(t => t > 0).ToArray();
        for (int k = 0; k < times.Count; k++)
            if (!(times[k] >= 0) || k > 0 && !(times[k] > times[k - 1]))
                throw new ArgumentException($"comparison times must increase strictly from 0; entry {k} is {times[k]}.", nameof(times));
        if (positive.Length > 0) _integrator.Run(schedule, Scenario.Kappa, start, positive[^1], positive, [recorder], progress, cancellation);
        var result = new List<double[]>(times.Count);
        if (times.Count > positive.Length) result.Add([.. start]);
        result.AddRange(recorder.Masses);
        return result;
    }

    /// <summary>The loss at the cell centres (what the excess loss averages).</summary>
    public ReadOnlySpan<double> LossAtCentres => _loss;

    /// <summary><c>E_{π(η_c)}[L]</c> on the grid: the zero of the excess loss.</summary>
    public double FinalLossExpectation
    {
        get
        {
            double e = 0;
            for (int k = 0; k < _loss.Length; k++) e += Math.Exp(_logFinal[k]) * _loss[k];
            return e;
        }
    }

    /// <summary>Keeps a copy of the masses at every output time.</summary>
    private sealed class DensityRecorder : IStepObserver
    {
        public List<double[]> Masses { get; } = [];

        public void Observe(double t, ReadOnlySpan<double> masses) => Masses.Add(masses.ToArray());
    }

    /// <summary>The end time of a run under <paramref name="schedule"/>: the options' end time, or the schedule's last breakpoint plus <see cref="EvolutionOptions.RelaxationTimes"/>/λ_eff.</summary>
    public double EndTimeOf(ILearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Options.EndTime ?? (schedule.Breakpoints.Count > 0 ? schedule.Breakpoints[^1] : 0) + Options.RelaxationTimes / Scan.EffectiveRate;
    }

    /// <summary>Releases the factor storage.</summary>
    public void Dispose() => _integrator.Dispose();
}
