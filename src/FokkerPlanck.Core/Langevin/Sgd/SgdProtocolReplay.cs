using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.FiniteLr;
using FokkerPlanck.Core.Spectral;

namespace FokkerPlanck.Core.Langevin.Sgd;

/// <summary>The SGD operator's value of the ensemble study's observable at one plateau.</summary>
/// <param name="PlateauLr">η_h.</param>
/// <param name="Replayed">The study's protocol replayed: finite burn-ins from the FP equilibria, quench, ⟨v₂^FP⟩ at t*, minus the reference.</param>
/// <param name="Stationary">The same from SGD's exact stationary states (infinite burn-ins).</param>
public sealed record SgdReplayPoint(double PlateauLr, double Replayed, double Stationary);

/// <summary>
/// Replays <see cref="SgdMpembaStudy"/>'s protocol with the SGD transition matrices instead of particles, so the
/// operator and the ensembles are compared on the same number: each ensemble starts from the FP equilibrium at
/// its LR, burns in for the study's time, is quenched to η_c for t*, and is read as <c>⟨v₂^FP⟩</c>, minus the same
/// for the η_c ensemble. Every stage is spectral: a state's slow part after n steps is <c>Σ_k ⟨v_k, p⟩ μ_k^n u_k</c>,
/// exact up to the modes beyond those computed, which have decayed by <c>e^{−λ_{K+1} t}</c>.
/// </summary>
public static class SgdProtocolReplay
{
    /// <summary>Modes of each plateau's own map used for its burn-in (the stationary one, the slow one, the next).</summary>
    private const int BurnInModes = 3;

    /// <summary>Modes of P_{η_c} for the quench: beyond the sixth the remainder has decayed by e^{−λ₇t*} (e^{−16} on the default scenario).</summary>
    public const int QuenchModes = 6;

    /// <summary>Replays the study with the default SGD grids (<see cref="SgdGrid"/>) of the session's scenario.</summary>
    /// <param name="session">The FP session of the scenario.</param>
    /// <param name="plateaus">The plateau LRs.</param>
    /// <param name="options">The study's settings (burn-in, t*).</param>
    /// <param name="progress">Fraction done: the final LR's modes, then one share per plateau.</param>
    /// <param name="cancellation">Stops between plateaus.</param>
    public static IReadOnlyList<SgdReplayPoint> Run(EvolutionSession session, IReadOnlyList<double> plateaus, SgdMpembaOptions options,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plateaus);
        var setup = session.Setup;
        var model = new SgdModel(setup.Landscape, setup.Grid, session.Scenario.Kappa, SgdGrid.DefaultCellsPerNoise, SgdGrid.DefaultMaxCell(setup.Grid));
        double finalLr = session.Scenario.FinalLr;
        var grid = model.GridAt(finalLr);
        var final = SgdSpectrumSolver.Solve(model.OperatorAt(finalLr, grid), new SgdSpectrumOptions { Modes = QuenchModes }, model.GibbsMasses(grid, finalLr),
            model.Loss(grid), progress is null ? null : new SyncProgress<double>(f => progress.Report(0.5 * f)), cancellation);
        if (final.Status != EigenStatus.Converged)
            throw new ConvergenceException($"the SGD map's eigen-solve at η_c = {finalLr:G4} on {grid} ended with status {final.Status}: {final.Messages}");
        return Run(session, model, final, plateaus, options, progress is null ? null : new SyncProgress<double>(f => progress.Report(0.5 + 0.5 * f)), cancellation);
    }

    /// <summary>Replays the study at <paramref name="plateaus"/>.</summary>
    /// <param name="session">The FP session of the scenario (its v₂, rates and burn-in times).</param>
    /// <param name="model">The SGD model.</param>
    /// <param name="final">The modes of P_{η_c} (several: the quench's remainder beyond them is dropped).</param>
    /// <param name="plateaus">The plateau LRs.</param>
    /// <param name="options">The study's settings (burn-in, t*).</param>
    /// <param name="progress">Fraction of the plateaus done.</param>
    /// <param name="cancellation">Stops between plateaus.</param>
    public static IReadOnlyList<SgdReplayPoint> Run(EvolutionSession session, SgdModel model, SgdSpectrum final, IReadOnlyList<double> plateaus,
        SgdMpembaOptions options, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(plateaus);
        double finalLr = final.Lr, measure = options.FastModeTimes / session.Spectrum.Eigenvalues[2];
        var gridC = final.Operator.Grid;
        var v2 = session.Spectrum.LeftVectors[1];
        var toFinalGrid = CellInterpolation.Between(session.Setup.Grid, gridC);
        var left = final.Modes.Select(m => m.Left.Re).ToArray();
        // what mode k of P_c contributes to ⟨v₂^FP⟩ at t* per unit amplitude
        var weight = final.Modes.Select(m => Math.Pow(m.Multiplier.Real, measure / finalLr) * toFinalGrid.Pair(v2, m.Right.Re)).ToArray();
        var reference = Amplitudes(final, model.GibbsMasses(gridC, finalLr), BurnInSteps(session, finalLr, options), left, CellInterpolation.Between(gridC, gridC));
        var points = new List<SgdReplayPoint>();
        foreach (double lr in plateaus)
        {
            cancellation.ThrowIfCancellationRequested();
            var grid = model.GridAt(lr);
            var own = SgdSpectrumSolver.Solve(model.OperatorAt(lr, grid), new SgdSpectrumOptions { Modes = BurnInModes }, model.GibbsMasses(grid, lr), model.Loss(grid), null, cancellation);
            if (own.Status != EigenStatus.Converged)
                throw new ConvergenceException($"the SGD map's modes at η_h = {lr:G4} did not converge ({own.Status}): {own.Messages}");
            var toPlateauGrid = CellInterpolation.Between(gridC, grid);
            var burnt = Amplitudes(own, model.GibbsMasses(grid, lr), BurnInSteps(session, lr, options), left, toPlateauGrid);
            var stationary = left.Select(v => toPlateauGrid.Pair(v, own.Stationary)).ToArray();
            double replayed = 0, ideal = 0;
            for (int k = 1; k < final.Modes.Count; k++)
            {
                replayed += (burnt[k] - reference[k]) * weight[k];
                ideal += stationary[k] * weight[k];
            }
            points.Add(new SgdReplayPoint(lr, replayed, ideal));
            progress?.Report((double)points.Count / plateaus.Count);
        }
        return points;
    }

    /// <summary>
    /// The P_c amplitudes <c>⟨v_k^c, p⟩</c> of <c>p = Pⁿ p₀</c> (P a plateau's own map with modes <paramref name="own"/>),
    /// from <c>p ≈ u₁ + Σ_{j≥2} ⟨v_j, p₀⟩ μ_jⁿ u_j</c>.
    /// </summary>
    private static double[] Amplitudes(SgdSpectrum own, double[] start, double steps, double[][] left, CellInterpolation toOwnGrid)
    {
        var p = (double[])own.Stationary.Clone();
        for (int j = 1; j < own.Modes.Count; j++)
        {
            var mode = own.Modes[j];
            double c = own.Overlap(j, start) * Math.Pow(mode.Multiplier.Real, steps);
            VectorOps.AddScaled(p, c, mode.Right.Re);
        }
        return [.. left.Select(v => toOwnGrid.Pair(v, p))];
    }

    private static double BurnInSteps(EvolutionSession session, double lr, SgdMpembaOptions options)
        => Math.Round(SgdDepartureStudy.BurnInTime(session, lr, options) / lr);
}
