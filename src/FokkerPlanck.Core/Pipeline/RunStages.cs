using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Pipeline;

/// <summary>The computation of each stage of <see cref="RunPipeline"/> (the library calls the commands make one by one).</summary>
internal static class RunStages
{
    /// <summary>Share of the Langevin stage's progress given to the Fokker–Planck reference (it runs first, the particles after it).</summary>
    private const double ReferenceShare = 0.2;

    public static CheckOutput Check(Scenario scenario)
    {
        var setup = ScenarioSetup.Create(scenario);
        return new CheckOutput(ScenarioCheck.Run(setup), setup);
    }

    public static EvolutionSession OpenSession(Scenario scenario, Action<string> note)
        => EvolutionSession.Create(scenario, new EvolutionOptions(), new SyncProgress<string>(note));

    public static SpectrumRecord SpectrumRecord(EvolutionSession session)
    {
        var s = session.Spectrum;
        var scan = session.Scan;
        return new(scan.FinalLr, scan.FinalTemperature, [.. s.Eigenvalues], [.. s.Residuals], scan.EffectiveMode, scan.NextMode);
    }

    /// <summary>
    /// The Mpemba study, its progress as the share of work done when each of its solves starts: in cells
    /// solved, the 2D grids weigh 1/2, 1 and 2 (coarse, base, fine: r² = 2 per step), a river-only grid
    /// about 1/√(cells) of a 2D one (taken as 1/20), a sweep point one base 2D grid and its 1D grid.
    /// </summary>
    public static MpembaOutput Mpemba(Scenario scenario, RunOptions options, Action<double, string?> report)
    {
        const double OneD = 0.05;
        var weights = new List<double>(options.GridStudy ? [0.5, 1, 2] : [1]);
        if (options.Reduced1D && scenario.Problem.XRange is not null) weights.AddRange(Enumerable.Repeat(OneD, options.GridStudy ? 3 : 1));
        weights.AddRange(Enumerable.Repeat(1 + (options.Reduced1D ? OneD : 0), options.SweepPoints));
        double total = weights.Sum(), done = 0;
        int step = 0;
        var progress = new SyncProgress<string>(n =>
        {
            report(Math.Min(done / total, 1), n);
            if (step < weights.Count) done += weights[step++];
        });
        var study = MpembaStudy.Run(scenario, new MpembaStudyOptions { GridStudy = options.GridStudy, Reduced1D = options.Reduced1D, SweepPoints = options.SweepPoints, ConcurrentSolves = options.ConcurrentSolves }, progress);
        return new MpembaOutput(study);
    }

    /// <summary>The verdict table (<see cref="RunPlan"/>), then the quench from the optimum and from the highest plateau with their spectral predictions.</summary>
    public static VerdictOutput Verdict(EvolutionSession session, Action<double, string?> report, CancellationToken cancellation)
    {
        var scenario = session.Scenario;
        double finalLr = scenario.FinalLr;
        var strong = Cooling(session);
        // plateaus whose equilibrium the domain truncates are left out of the table (the check stage warned about them)
        var plateaus = RunPlan.VerdictPlateaus(finalLr, strong, scenario.Mpemba.Plateau.Max).Where(p => Holds(session, p)).ToArray();
        if (plateaus.Length == 0)
            throw new ScenarioException("domain", "the domain truncates the equilibrium of every plateau the verdict compares; widen the domain or lower plateau_lr.max.");
        var shapes = RunPlan.VerdictSpecs(session.Scan.EffectiveRate).Select(s => ScheduleCatalog.Parse(s)).ToArray();
        int runs = plateaus.Length * shapes.Length;
        // the loss curves drawn beside the table: the quench from the optimum (else the lowest plateau) and from the highest, kept as they run
        double[] drawn = [strong.Length > 0 ? strong[0] : plateaus[0], plateaus[^1]];
        var quenchRuns = new List<EvolutionRun>();
        var verdict = ScheduleVerdict.Run(session, plateaus, shapes, VerdictTolerances.For(scenario.FinalTemperature),
            new SyncProgress<(int Done, int Total, string What)>(x => report((double)x.Done / runs, $"run {x.Done + 1} of {runs}: {x.What}")),
            cancellation: cancellation,
            observe: run => { if (run.Schedule.Spec == RunPlan.QuenchSpec && drawn.Contains(run.Schedule.PlateauLr)) quenchRuns.Add(run); });
        return new VerdictOutput(session, verdict, quenchRuns);
    }

    /// <summary>The ensemble from the optimal plateau (<see cref="RunPlan.LangevinPlateau"/>) through an instant drop, tested at the default times.</summary>
    public static LangevinOutput Langevin(EvolutionSession session, RunOptions options, Action<double, string?> report, CancellationToken cancellation)
    {
        double plateau = RunPlan.LangevinPlateau(session.Scenario.FinalLr, Cooling(session));
        session.CheckDomainHolds(plateau, "plateau_lr");
        var schedule = ScheduleCatalog.Parse("constant").Bind(plateau, session.Scenario.FinalLr);
        var ensemble = options.Ensemble;
        var validation = new EnsembleValidation(session, BlockGradient.Create(session.Scenario), ensemble, options.Level);
        var times = EnsembleValidation.DefaultTimes(session, schedule);
        var result = validation.Run(schedule, times, fokkerPlanckProgress: new SyncProgress<double>(f => report(ReferenceShare * f, "Fokker–Planck reference")),
            particleProgress: new SyncProgress<double>(f => report(ReferenceShare + (1 - ReferenceShare) * f, $"{ensemble.Particles:N0} particles")),
            cancellation: cancellation);
        return new LangevinOutput(session, schedule, ensemble, validation, result);
    }

    /// <summary>The finite-LR stage: <see cref="FiniteLr.FiniteLrStudy"/> on the scenario at κ = <paramref name="kappa"/>.</summary>
    public static FiniteLrOutput FiniteLr(Scenario scenario, double kappa, Action<double, string?> report, CancellationToken cancellation)
    {
        var scaled = scenario.WithKappa(kappa);
        try { Core.FiniteLr.FiniteLrStudy.CheckInputs(scaled); }
        catch (ArgumentException e) { throw new ScenarioException("--sgd-kappa", e.Message); }
        var comparison = Core.FiniteLr.FiniteLrStudy.Run(scaled, new Core.FiniteLr.SgdAnalysisOptions(), Core.FiniteLr.FiniteLrStudy.DefaultPoints,
            new SyncProgress<double>(f => report(f, $"SGD transition operator at κ = {kappa:G4}")), cancellation);
        return new FiniteLrOutput(scaled, comparison);
    }

    /// <summary>Share of the design stage's work in the map (measured on the default scenario: about 5 of 10 minutes).</summary>
    private const double MapShare = 0.5;

    /// <summary>The optimizer runs on a grid this much coarser per axis: each evaluation is a run over the whole budget, and docs/optimize.md measured the final excess within 2 % of the scenario's grid.</summary>
    private const int OptimizerCoarsening = 2;

    /// <summary>Decay lengths of the design stage's map besides the instant drop: 0.01, 0.1 and 1 slow times.</summary>
    private const int MapDurations = 3;

    /// <summary>
    /// The schedule-design stage: the dynamic strong Mpemba points (linear, cosine, exp and step decays over 0.01, 0.1 and 1
    /// slow times) and the schedule optimizer for the budget (linear, cosine and the drop on a 4×3 grid, against the recipes)
    /// on a grid <see cref="OptimizerCoarsening"/>× coarser.
    /// </summary>
    public static DesignOutput Design(EvolutionSession session, RunOptions options, Action<double, string?> report, CancellationToken cancellation)
    {
        var mapOptions = new Analysis.DynamicMpemba.DynamicMpembaMapOptions
        {
            Durations = Analysis.DynamicMpemba.DynamicMpembaMapper.DefaultDurations(session.Scan.EffectiveRate, MapDurations),
            Search = new Analysis.DynamicMpemba.DynamicMpembaOptions { ToleranceStudy = false },
        };
        var map = Analysis.DynamicMpemba.DynamicMpembaMapper.Run(session, mapOptions,
            new SyncProgress<(int Done, int Total, string What)>(x => report(MapShare * x.Done / Math.Max(1, x.Total), $"optimal plateau for {x.What}")), null, cancellation);
        var g = session.Scenario.Problem.Grid;
        var coarse = session.Scenario.WithGrid(Math.Max(1, g.Nx / OptimizerCoarsening), Math.Max(8, g.Ny / OptimizerCoarsening));
        var optOptions = new Analysis.ScheduleOptimization.ScheduleOptimizerOptions
        {
            BudgetSteps = options.BudgetSteps!.Value, Goal = options.Goal, Kinds = ["linear", "cosine", "constant"], PlateauPoints = 4, FractionPoints = 3,
        };
        var optSession = EvolutionSession.Create(coarse, new EvolutionOptions());
        try
        {
            // the coarser grid may truncate the hottest plateaus the scenario's grid holds: search up to the hottest it holds
            optOptions = optOptions with { PlateauMax = HottestHeld(optSession) };
            var opt = Analysis.ScheduleOptimization.ScheduleOptimizer.Run(optSession, optOptions, null,
                new SyncProgress<(int Done, int Total, string What)>(x => report(MapShare + (1 - MapShare) * x.Done / Math.Max(1, x.Total), $"optimizer: {x.What}")),
                null, cancellation);
            return new DesignOutput(session, mapOptions, map, optSession, opt);
        }
        catch
        {
            optSession.Dispose();
            throw;
        }
    }

    /// <summary>The highest plateau of the scenario's range whose equilibrium the session's domain holds.</summary>
    private static double HottestHeld(EvolutionSession session)
    {
        foreach (double lr in session.Scenario.Mpemba.Plateau.Values().OrderDescending())
            if (Holds(session, lr)) return lr;
        throw new ScenarioException("domain", $"the optimizer's grid {session.Setup.Grid} truncates the equilibrium of every plateau; widen the domain or refine the grid.");
    }

    public static LangevinRecord LangevinRecord(LangevinOutput o, RunOptions options)
    {
        var times = o.Result.Times.Select(t =>
        {
            var c = t.Comparison;
            var loss = c.ExcessLoss;
            return new LangevinTimeRecord(t.Time, c.Y.Test.PValue, c.X?.Test.PValue, loss.Particles.Mean, loss.Interval.Low, loss.Interval.High,
                loss.FokkerPlanck, c.PValue, c.Verdict);
        }).ToArray();
        return new(options.Particles, options.Seed, o.Schedule.PlateauLr, o.Schedule.Description, o.Validation.TimeStep, options.Level, times, o.Result.Throughput);
    }

    private static bool Holds(EvolutionSession session, double lr)
    {
        try
        {
            session.CheckDomainHolds(lr, "plateau_lr");
            return true;
        }
        catch (ScenarioException)
        {
            return false;
        }
    }

    private static double[] Cooling(EvolutionSession session) => [.. session.Scan.Points.Where(p => p.Kind == "cooling").Select(p => p.Lr)];
}
