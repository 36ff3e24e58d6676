using System.Diagnostics;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.Sweeps;

using FokkerPlanck.Core.Analysis.GridConvergence;

namespace FokkerPlanck.Core.Analysis.Mpemba;

/// <summary>
/// The full Mpemba study of a scenario: the scan on the scenario grid, its repetition on a coarser
/// and a finer grid for error bars, the river-only reduction side by side, and the sweep of the
/// optimal plateau LR over final LRs. The final-LR sweep is a <see cref="SweepPlan"/> over final LRs whose work
/// items run here one after the other, sharing one symbolic analysis (<c>fokkerplanck sweep</c> runs the same kind
/// of items across machines, each through <see cref="SweepRunner"/>).
/// </summary>
/// <remarks>Error bars: <see cref="GridConvergenceIndex"/> over the coarse, base and fine grids.</remarks>
public static class MpembaStudy
{
    /// <summary>Runs the study.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">What to compute.</param>
    /// <param name="progress">Stage messages.</param>
    /// <param name="checkpoint">Called with the partial result after each stage, so long runs can write what they have (nothing computed is lost if a later stage fails or is interrupted).</param>
    public static MpembaStudyResult Run(Scenario scenario, MpembaStudyOptions options, IProgress<string>? progress = null, Action<MpembaStudyResult>? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var total = Stopwatch.StartNew();
        var plateau = scenario.Mpemba.Plateau.Values();
        var scales = options.GridStudy ? new[] { 1 / MpembaStudyOptions.RefinementRatio, 1.0, MpembaStudyOptions.RefinementRatio } : [1.0];
        var spectrumOptions = new SpectrumOptions { Modes = scenario.Mpemba.Modes };

        var cells = scenario.Problem.Grid;
        ArgumentOutOfRangeException.ThrowIfNegative(options.ConcurrentSolves);
        int workers = options.ConcurrentSolves > 0 ? Math.Min(options.ConcurrentSolves, Parallelism.Threads) : Parallelism.Threads;
        // the grids' solves are independent and each only partly parallel: up to one per worker, the finest first
        var sizes = scales.Select(s => (Nx: scenario.IsOneDimensional ? (int?)null : Math.Max(2, (int)Math.Round(cells.Nx * s)), Ny: Math.Max(2, (int)Math.Round(cells.Ny * s)))).ToArray();
        progress?.Report($"2D scan on grid{(sizes.Length > 1 ? "s" : "")} {string.Join(", ", sizes.Select(z => z.Nx is null ? $"{z.Ny}" : $"{z.Nx}×{z.Ny}"))}");
        var grids = Parallelism.Map(scales.Length, k =>
        {
            var setup = ScenarioSetup.Create(scenario, sizes[k].Nx, sizes[k].Ny);
            return (Setup: setup, Run: RunOne(setup.OperatorAt(scenario.FinalLr), new EquilibriumStateFamily(setup.Sampled, scenario.Kappa), scenario, plateau, spectrumOptions, keep: scales[k] == 1.0, options.AuxiliaryModes));
        }, LargestFirst(scales), workers: workers);
        var baseSetup = grids[Array.IndexOf(scales, 1.0)].Setup;
        var full = Assemble([.. grids.Select(g => g.Run)], options.GridStudy);
        checkpoint?.Invoke(new MpembaStudyResult(full, null, [], total.Elapsed.TotalSeconds));

        ModelAnalysis? reduced = null;
        if (options.Reduced1D && baseSetup.Landscape is ValleyRiverLandscape vr)
        {
            progress?.Report("river-only (1D) scan");
            var rruns = Parallelism.Map(scales.Length, k => RunReduced(vr, baseSetup, scenario, sizes[k].Ny, scenario.FinalLr, plateau, spectrumOptions, keep: scales[k] == 1.0, options.AuxiliaryModes),
                LargestFirst(scales), workers: workers).ToList();
            reduced = Assemble(rruns, options.GridStudy);
            checkpoint?.Invoke(new MpembaStudyResult(full, reduced, [], total.Elapsed.TotalSeconds));
        }

        var sweep = new List<SweepPoint>();
        if (options.SweepPoints > 0)
        {
            // one symbolic analysis (ordering, elimination tree, supernodes) serves every final LR of the
            // sweep; its points are independent and run two at a time, checkpointed in order
            var pattern = baseSetup.OperatorAt(scenario.FinalLr).Assemble(FokkerPlanckOperator.Form.SymmetricPositive);
            var shared = new RelaxationSpectrumSolver(RelaxationSpectrumSolver.AnalyzeGrid(pattern, baseSetup.Grid.Nx, baseSetup.Grid.Ny));
            var plan = SweepPlan.OverFinalLrs(scenario, FinalLrs(scenario.FinalLr, options), new SweepSettings(GridStudy: false, options.Reduced1D));
            var plateauHere = plateau.Where(p => p > 0).ToArray();
            var done = new SweepPoint?[plan.Items.Count];
            int finished = 0;
            Parallelism.Map(plan.Items.Count, k =>
            {
                double fl = plan.Items[k].FinalLr;
                var s2 = RunOne(baseSetup.OperatorAt(fl), new EquilibriumStateFamily(baseSetup.Sampled, scenario.Kappa), scenario with { FinalLr = fl }, plateauHere, spectrumOptions, keep: false, options.AuxiliaryModes, shared);
                double[] s1 = [];
                if (options.Reduced1D && baseSetup.Landscape is ValleyRiverLandscape vr2)
                    s1 = Cooling(RunReduced(vr2, baseSetup, scenario, cells.Ny, fl, plateauHere, spectrumOptions, keep: false, options.AuxiliaryModes).Scan);
                return new SweepPoint(fl, Cooling(s2.Scan), s1, s2.Scan.EffectiveRate);
            }, completed: (k, point) =>
            {
                done[k] = point;
                progress?.Report($"final-LR sweep {++finished}/{plan.Items.Count} done: η_c = {point.FinalLr:G4}");
                int before = sweep.Count;
                while (sweep.Count < done.Length && done[sweep.Count] is { } next) sweep.Add(next);
                if (sweep.Count > before) checkpoint?.Invoke(new MpembaStudyResult(full, reduced, [.. sweep], total.Elapsed.TotalSeconds));
            }, workers: workers);
        }
        return new MpembaStudyResult(full, reduced, sweep, total.Elapsed.TotalSeconds);
    }

    /// <summary>Indices of the grid scales, finest first.</summary>
    private static int[] LargestFirst(double[] scales) => [.. Enumerable.Range(0, scales.Length).OrderByDescending(k => scales[k])];

    /// <summary>The final LRs of the η_h*(η_c) sweep: log-spaced between the option factors times η_c (η_c itself for one point).</summary>
    private static double[] FinalLrs(double finalLr, MpembaStudyOptions options)
    {
        double lo = options.SweepMinFactor * finalLr, hi = options.SweepMaxFactor * finalLr;
        return [.. Enumerable.Range(0, options.SweepPoints).Select(i => options.SweepPoints == 1 ? finalLr : lo * Math.Pow(hi / lo, (double)i / (options.SweepPoints - 1)))];
    }

    private static double[] Cooling(MpembaScanResult scan) => scan.Points.Where(p => p.Kind == "cooling").Select(p => p.Lr).ToArray();

    private static GridRun RunOne(FokkerPlanckOperator op, IPlateauStateFamily family, Scenario scenario, double[] plateau, SpectrumOptions options, bool keep, int auxiliaryModes, RelaxationSpectrumSolver? solver = null)
    {
        var sw = Stopwatch.StartNew();
        solver ??= new RelaxationSpectrumSolver();
        // a scan that only reports strong points is tried with v₂ and v₃ first, and repeated in full
        // only when they do not decide it (MpembaStudyOptions.AuxiliaryModes)
        if (!keep && auxiliaryModes >= 3 && auxiliaryModes < options.Modes && TryFewModes(solver, op, family, scenario, plateau, options with { Modes = auxiliaryModes }) is { } few)
            return new GridRun(op.Grid, few, null, sw.Elapsed.TotalSeconds);
        var (scan, spectrum) = Scan(solver, op, family, scenario, plateau, options);
        return new GridRun(op.Grid, scan, keep ? spectrum : null, sw.Elapsed.TotalSeconds);
    }

    /// <summary>The scan with few modes if they decide it (<see cref="MpembaScan.DecidedByLowestModes"/>); null when the full solve must: they do not, all of them vanish, or the solve did not converge.</summary>
    private static MpembaScanResult? TryFewModes(RelaxationSpectrumSolver solver, FokkerPlanckOperator op, IPlateauStateFamily family, Scenario scenario, double[] plateau, SpectrumOptions options)
    {
        var spectrum = solver.Solve(op, options);
        if (spectrum.Status != EigenStatus.Converged) return null;
        try
        {
            var scan = MpembaScan.Run(spectrum, family, scenario.Kappa, scenario.FinalLr, plateau);
            return MpembaScan.DecidedByLowestModes(scan, scenario.Kappa) ? scan : null;
        }
        catch (InvalidOperationException) { return null; } // every one of the few modes vanishes by symmetry
    }

    private static (MpembaScanResult Scan, RelaxationSpectrum Spectrum) Scan(RelaxationSpectrumSolver solver, FokkerPlanckOperator op, IPlateauStateFamily family, Scenario scenario, double[] plateau, SpectrumOptions options)
    {
        var spectrum = solver.Solve(op, options);
        if (spectrum.Status != EigenStatus.Converged)
            throw new ConvergenceException($"the eigen-solve at η_c = {scenario.FinalLr} on grid {op.Grid} ended with status {spectrum.Status} (max residual {spectrum.Residuals.Max():E1}); {spectrum.Messages}");
        try { return (MpembaScan.Run(spectrum, family, scenario.Kappa, scenario.FinalLr, plateau), spectrum); }
        catch (InvalidOperationException e) { throw new ScenarioException("modes", e.Message, e); }
    }

    private static GridRun RunReduced(ValleyRiverLandscape vr, ScenarioSetup baseSetup, Scenario scenario, int ny, double finalLr, double[] plateau, SpectrumOptions options, bool keep, int auxiliaryModes)
    {
        var (ymin, ymax) = scenario.Problem.YRange;
        var free = vr.RiverFreeEnergy(scenario.TemperatureOf(finalLr));
        var grid = TensorGrid.OneDimensional(Axis.Uniform(ymin, ymax, ny).SnapFacesTo(free.JumpsAlongY(ymin, ymax)));
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(grid, free), scenario.TemperatureOf(finalLr), baseSetup.Flux);
        // sign rule on the loss: the river loss c(y) (the valley adds the constant T/2), not the free energy
        var loss = grid.Y.Centres.ToArray().Select(vr.River.Value).ToArray();
        return RunOne(op, new RiverMarginalStateFamily(vr, grid, scenario.Kappa), scenario with { FinalLr = finalLr }, plateau, options with { LossObservable = loss }, keep, auxiliaryModes);
    }

    private static ModelAnalysis Assemble(List<GridRun> runs, bool study)
    {
        var baseRun = study ? runs[1] : runs[0];
        var estimates = new List<PointEstimate>();
        foreach (var p in baseRun.Scan.Points)
        {
            double Match(GridRun r) => r.Scan.Points.Where(q => q.Kind == p.Kind).Select(q => q.Lr)
                .OrderBy(l => Math.Abs(l - p.Lr)).DefaultIfEmpty(double.NaN).First();
            if (!study)
            {
                estimates.Add(new PointEstimate(p.Kind, p.Lr, double.NaN, [double.NaN, p.Lr, double.NaN], double.NaN, p.Gain));
                continue;
            }
            double coarse = Match(runs[0]), fine = Match(runs[2]);
            var e = GridConvergenceIndex.Estimate(coarse, p.Lr, fine);
            estimates.Add(new PointEstimate(p.Kind, e.Value, e.Error, [coarse, p.Lr, fine], e.ObservedOrder, p.Gain));
        }
        return new ModelAnalysis(baseRun, runs, estimates);
    }
}
