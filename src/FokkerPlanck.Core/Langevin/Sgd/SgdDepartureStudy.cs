using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Langevin.Sgd;

/// <summary>SGD's stationary state at one learning rate against the continuous picture.</summary>
/// <param name="Lr">η.</param>
/// <param name="LrTimesCurvature">η·a_max (edge of stability at 2).</param>
/// <param name="ValleyRatio">⟨a(y)x²⟩/T over the particles: 1 in the FP equilibrium.</param>
/// <param name="SgdValleyRatio">⟨1/(1 − ηa(y)/2)⟩ over the same particles: the discrete map's prediction of <see cref="ValleyRatio"/> (∞ past the edge).</param>
/// <param name="LowBasin">Fraction of particles below the river's barrier (null without two basins).</param>
/// <param name="FokkerPlanckLowBasin">The same fraction in the FP equilibrium at η.</param>
/// <param name="CorrectedLowBasin">The same from the force-corrected free energy <c>F = c + (T/2) ln[a/(1 − ηa/2)]</c> (docs/physics.md §7); NaN past the edge.</param>
/// <param name="WallFraction">Fraction of particles in the outermost cells of the x walls (particles thrown against them past the edge of stability).</param>
/// <param name="BurnInRelaxations">The burn-in's length in units of 1/λ₂(η) (below <see cref="SgdMpembaOptions.BurnInRelaxations"/> when <see cref="SgdMpembaOptions.MaxBurnInSteps"/> capped it: the basin populations may then not be SGD's own yet).</param>
public sealed record DeparturePoint(double Lr, double LrTimesCurvature, MeanEstimate ValleyRatio, double SgdValleyRatio,
    MeanEstimate? LowBasin, double FokkerPlanckLowBasin, double CorrectedLowBasin, double WallFraction, double BurnInRelaxations);

/// <summary>
/// Where the discrete SGD map leaves the Fokker–Planck picture: at constant learning rates of growing
/// <c>η·a</c>, SGD's stationary valley variance against <c>T/a</c> (FP) and <c>T/(a(1 − ηa/2))</c> (the map),
/// and its basin populations against the FP equilibrium and the force-corrected river free energy.
/// Valley–river landscapes only (the valley curvature a(y) is what the formulas speak of).
/// </summary>
public static class SgdDepartureStudy
{
    /// <summary>Runs the study at each of <paramref name="lrs"/>, each ensemble started from the FP equilibrium and burnt in to SGD's own.</summary>
    /// <exception cref="ArgumentException">The scenario is not a valley–river landscape.</exception>
    public static IReadOnlyList<DeparturePoint> Run(EvolutionSession session, IBlockGradient gradient, IReadOnlyList<double> lrs, SgdMpembaOptions options,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(lrs);
        ArgumentNullException.ThrowIfNull(options);
        if (session.Setup.Landscape is not ValleyRiverLandscape valley)
            throw new ArgumentException("the SGD departure study needs a valley–river landscape (its valley curvature a(y)).", nameof(session));
        var grid = session.Setup.Grid;
        double? split = BasinSplit.Find(grid, session.Equilibrium(session.Scenario.FinalLr));
        double curvature = CurvatureBound.Maximum(session.Setup.Sampled);
        var result = new List<DeparturePoint>();
        var work = new WorkProgress(progress, [.. lrs.Select(lr => BurnInTime(session, lr, options) / StepOf(lr, options))]);
        for (int k = 0; k < lrs.Count; k++)
        {
            double lr = lrs[k], t = session.Scenario.TemperatureOf(lr);
            var (state, relaxations) = Stationary(session, gradient, lr, options, cancellation, work.Part(k));
            var ratio = new double[state.Count];
            var predicted = new double[state.Count];
            var low = new double[state.Count];
            int atWalls = 0;
            double xLow = grid.X.Faces[1], xHigh = grid.X.Faces[grid.Nx - 1];
            for (int p = 0; p < state.Count; p++)
            {
                double a = valley.Curvature.Value(state.Y[p]), x = state.X[p];
                ratio[p] = a * x * x / t;
                predicted[p] = lr * a < 2 ? 1 / (1 - lr * a / 2) : double.PositiveInfinity;
                low[p] = split is { } s && state.Y[p] < s ? 1 : 0;
                if (x < xLow || x > xHigh) atWalls++;
            }
            var valleyRatio = MeanEstimate.Of(ratio);
            double pred = MeanEstimate.Of(predicted).Mean;
            MeanEstimate? lowBasin = null;
            double fp = double.NaN, corrected = double.NaN;
            if (split is { } y0)
            {
                lowBasin = MeanEstimate.Of(low);
                fp = BasinSplit.MassBelow(grid, session.Equilibrium(lr), y0);
                corrected = BasinSplit.CorrectedMassBelow(valley, grid, lr, t, y0);
            }
            result.Add(new DeparturePoint(lr, lr * curvature, valleyRatio, pred, lowBasin, fp, corrected, atWalls / (double)state.Count, relaxations));
        }
        return result;
    }

    /// <summary>
    /// An ensemble at the scheme's own stationary state at <paramref name="lr"/>: the FP equilibrium, burnt in
    /// for <see cref="SgdMpembaOptions.BurnInRelaxations"/>/λ₂(η) (at most <see cref="SgdMpembaOptions.MaxBurnInSteps"/>
    /// steps); also the relaxation times reached.
    /// </summary>
    internal static (ParticleState State, double Relaxations) Stationary(EvolutionSession session, IBlockGradient gradient, double lr, SgdMpembaOptions options,
        CancellationToken cancellation, IProgress<double>? progress = null)
    {
        var grid = session.Setup.Grid;
        var state = InitialEnsemble.FromMasses(grid, session.Equilibrium(lr), options.Particles, options.Seed);
        double rate = session.Rates.At(lr)[0];
        double burnIn = BurnInTime(session, lr, options);
        var run = new EnsembleRun(gradient, EnsembleRun.WallsOf(grid), new EnsembleOptions { Particles = options.Particles, Seed = options.Seed, Threads = options.Threads, Method = options.Method });
        var planner = new StepPlanner(ScheduleCatalog.Parse("constant").Bind(lr, lr), session.Scenario.Kappa, options.Method, options.TimeStep);
        run.Run(state, planner, planner.LandingTimes([burnIn]), _ => { }, progress, cancellation);
        return (state, burnIn * rate);
    }

    /// <summary>The burn-in's length at <paramref name="lr"/>: <see cref="SgdMpembaOptions.BurnInRelaxations"/>/λ₂(η), at most <see cref="SgdMpembaOptions.MaxBurnInSteps"/> steps.</summary>
    internal static double BurnInTime(EvolutionSession session, double lr, SgdMpembaOptions options)
        => Math.Min(options.BurnInRelaxations / session.Rates.At(lr)[0], options.MaxBurnInSteps * StepOf(lr, options));

    /// <summary>The step at <paramref name="lr"/>: η for SGD, the time step for the SDE control.</summary>
    internal static double StepOf(double lr, SgdMpembaOptions options) => options.Method == LangevinMethod.Sgd ? lr : options.TimeStep;
}
