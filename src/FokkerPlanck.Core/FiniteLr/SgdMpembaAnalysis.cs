using System.Diagnostics;
using FokkerPlanck.Core.Analysis.GridConvergence;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Spectral;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>Settings of <see cref="SgdMpembaAnalysis"/>.</summary>
public sealed record SgdAnalysisOptions
{
    /// <summary>Cells per noise width of the base grids (the fine ones have √2 times more per axis).</summary>
    public double CellsPerNoise { get; init; } = SgdGrid.DefaultCellsPerNoise;

    /// <summary>The largest cell (null: <see cref="SgdGrid.DefaultMaxCell"/>).</summary>
    public double? MaxCell { get; init; }

    /// <summary>Modes of P_{η_c}, the stationary one included.</summary>
    public int Modes { get; init; } = 4;

    /// <summary>
    /// Repeat the spectrum, the strong points and the closest approach on grids <see cref="SgdMpembaAnalysis.StudyRatio"/>
    /// coarser (finer when the coarse one would not resolve the noise) for their discretization error.
    /// </summary>
    public bool GridStudy { get; init; } = true;

    /// <summary>Relative tolerance of a strong point in η (Brent's method on the bracketing plateaus).</summary>
    public double RootTolerance { get; init; } = 1e-5;

    /// <summary>Eigen-solver settings.</summary>
    public SgdSpectrumOptions Spectrum { get; init; } = new();
}

/// <summary>One plateau: SGD's stationary state at η_h expanded in the modes of P_{η_c}.</summary>
/// <param name="Lr">η_h.</param>
/// <param name="Amplitudes">a_k = ⟨v_k, p_∞(η_h)⟩ for k = 2, 3, …</param>
/// <param name="Rate2">λ₂ of SGD at η_h itself (how fast its own plateau relaxes).</param>
/// <param name="Cells">Cells of the plateau's grid.</param>
public sealed record SgdPlateauPoint(double Lr, double[] Amplitudes, double Rate2, int Cells);

/// <summary>A zero of SGD's a₂: SGD's own strong Mpemba point.</summary>
/// <param name="Lr">η_h* on the base grids.</param>
/// <param name="Error">Discretization error (grid convergence index of the base and the study grids); NaN without a grid study.</param>
/// <param name="OtherLr">The same on the study grids (NaN without).</param>
public sealed record SgdOperatorStrongPoint(double Lr, double Error, double OtherLr);

/// <summary>The plateau nearest to cancelling the slow mode (smallest |a₂|/(η_h − η_c); a₂ vanishes trivially at η_c).</summary>
/// <param name="Lr">η_h of the scan point.</param>
/// <param name="A2">a₂ there on the base grids.</param>
/// <param name="OtherA2">a₂ there on the study grids (NaN without).</param>
/// <param name="Error">Discretization error of a₂ (NaN without a grid study): |a₂| above it means no strong point there.</param>
public sealed record SgdClosestApproach(double Lr, double A2, double OtherA2, double Error);

/// <summary>A mode of P_{η_c}.</summary>
public sealed record SgdModeSummary(double MultiplierReal, double MultiplierImaginary, double Rate, double Frequency, double Residual, double LeftResidual);

/// <summary>The outcome of <see cref="SgdMpembaAnalysis"/>.</summary>
public sealed record SgdAnalysisResult(double FinalLr, double Kappa, double MaxCurvature, int Nx, int Ny, long NonZeros, double TruncatedMass,
    IReadOnlyList<SgdModeSummary> Modes, IReadOnlyList<SgdPlateauPoint> Points, IReadOnlyList<SgdOperatorStrongPoint> StrongPoints,
    SgdClosestApproach? ClosestApproach, double StudyCellsPerNoise, IReadOnlyList<double> SkippedBeyondEdge, long OperatorApplications, double Seconds)
{
    /// <summary>η_c·a_max: how far from the continuous limit the final LR is.</summary>
    public double FinalLrTimesCurvature => FinalLr * MaxCurvature;

    /// <summary>λ₃/λ₂ of P_{η_c}: the rate gained at a strong point.</summary>
    public double Gain => Modes.Count > 2 ? Modes[2].Rate / Modes[1].Rate : double.NaN;
}

/// <summary>
/// SGD's own Mpemba analysis (physics.md §7): the modes of the SGD map at the final LR, SGD's stationary state at
/// each plateau expanded in them, <c>a_k^SGD(η_h) = ⟨v_k, p_∞^SGD(η_h)⟩</c>, and the plateaus where a₂ vanishes.
/// </summary>
public static class SgdMpembaAnalysis
{
    /// <summary>SGD's iterates diverge in a valley of curvature a once ηa ≥ 2 (the edge of stability).</summary>
    public const double EdgeOfStability = 2.0;

    /// <summary>
    /// Ratio of cell sizes between the base and the study grids: 1.25, so the default one cell per noise width has its
    /// study grid at the coarsest admissible 0.8 (a √2 step would need 1.13 at the base, 1.6× the cost).
    /// </summary>
    public const double StudyRatio = 1.25;

    /// <summary>Runs the analysis over <paramref name="plateaus"/> (ascending, above η_c).</summary>
    public static SgdAnalysisResult Run(SgdModel model, double finalLr, double maxCurvature, IReadOnlyList<double> plateaus, SgdAnalysisOptions options,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(plateaus);
        ArgumentNullException.ThrowIfNull(options);
        CheckStable(finalLr, maxCurvature, model.Kappa);
        var sw = Stopwatch.StartNew();
        var usable = plateaus.Where(lr => lr > finalLr && lr * maxCurvature < EdgeOfStability).ToArray();
        var skipped = plateaus.Where(lr => lr * maxCurvature >= EdgeOfStability).ToArray();
        // shares of the work: the final LR's modes, the plateaus, the grid study (its own modes and the same points again)
        double study = options.GridStudy ? StudyShare : 0, modesShare = (1 - study) * ModesShare;
        var base_ = new Resolution(model, finalLr, options, Part(progress, 0, modesShare), cancellation);
        var points = new List<SgdPlateauPoint>();
        for (int k = 0; k < usable.Length; k++)
        {
            points.Add(base_.Point(usable[k]));
            progress?.Report(modesShare + (1 - study - modesShare) * (k + 1.0) / usable.Length);
        }
        var brackets = Zeros(points);
        var roots = brackets.Select(b => base_.Root(b.Lo, b.Hi, options.RootTolerance)).ToList();
        var closest = points.Where(p => p.Lr > finalLr).MinBy(p => Math.Abs(p.Amplitudes[0]) / (p.Lr - finalLr));
        double studyCells = double.NaN, otherA2 = double.NaN;
        var others = roots.Select(_ => double.NaN).ToList();
        if (options.GridStudy)
        {
            double ratio = model.CellsPerNoise / StudyRatio >= GaussianBins.MinNoiseCells ? 1 / StudyRatio : StudyRatio;
            var other = new Resolution(model with { CellsPerNoise = model.CellsPerNoise * ratio, MaxCell = model.MaxCell / ratio }, finalLr, options,
                Part(progress, 1 - study, study * ModesShare), cancellation);
            studyCells = model.CellsPerNoise * ratio;
            others = [.. brackets.Select(b => other.Root(b.Lo, b.Hi, options.RootTolerance))];
            if (closest is not null) otherA2 = other.Point(closest.Lr).Amplitudes[0];
            base_.Applications += other.Applications;
        }
        var strong = roots.Select((r, i) => new SgdOperatorStrongPoint(r, GridConvergenceIndex.Error(r, others[i], StudyRatio), others[i])).ToList();
        var approach = closest is null ? null
            : new SgdClosestApproach(closest.Lr, closest.Amplitudes[0], otherA2, GridConvergenceIndex.Error(closest.Amplitudes[0], otherA2, StudyRatio));
        progress?.Report(1);
        var spectrum = base_.Spectrum;
        var modes = Enumerable.Range(0, spectrum.Modes.Count).Select(k => new SgdModeSummary(spectrum.Modes[k].Multiplier.Real,
            spectrum.Modes[k].Multiplier.Imaginary, spectrum.Rate(k), spectrum.Frequency(k), spectrum.Modes[k].Residual, spectrum.Modes[k].LeftResidual)).ToList();
        var grid = spectrum.Operator.Grid;
        return new SgdAnalysisResult(finalLr, model.Kappa, maxCurvature, grid.Nx, grid.Ny, spectrum.Operator.Matrix.NonZerosCount,
            spectrum.Operator.TruncatedMass, modes, points, strong, approach, studyCells, skipped, base_.Applications, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Share of the work in the final LR's modes (measured: 40–60 % of a run on the default scenario).</summary>
    private const double ModesShare = 0.5;

    /// <summary>Share of the work in the grid study (a coarser grid: its modes cost about half the base's).</summary>
    private const double StudyShare = 0.3;

    private static SyncProgress<double>? Part(IProgress<double>? progress, double from, double width)
        => progress is null ? null : new SyncProgress<double>(f => progress.Report(from + width * f));

    /// <summary>Refuses a final LR at or past SGD's edge of stability.</summary>
    /// <exception cref="ArgumentException">η_c·a_max ≥ 2.</exception>
    /// <param name="finalLr">η_c.</param>
    /// <param name="maxCurvature">a_max.</param>
    /// <param name="kappa">κ of the scenario (to name the κ that fixes it).</param>
    public static void CheckStable(double finalLr, double maxCurvature, double kappa)
    {
        if (finalLr * maxCurvature < EdgeOfStability) return;
        double needed = kappa * finalLr * maxCurvature / 0.5;
        throw new ArgumentException(
            $"SGD at the final LR {finalLr:G4} is past its edge of stability (η_c·a_max = {finalLr * maxCurvature:G3} ≥ 2): its iterates diverge in the sharpest valley. "
            + $"Lower the learning rates at fixed temperature: --kappa {needed:G3} or more puts η_c·a_max at 0.5 or below.");
    }

    /// <summary>Neighbouring plateaus between which a₂ changes sign.</summary>
    private static List<(double Lo, double Hi)> Zeros(List<SgdPlateauPoint> points)
    {
        var brackets = new List<(double, double)>();
        for (int k = 1; k < points.Count; k++)
            if (Math.Sign(points[k - 1].Amplitudes[0]) * Math.Sign(points[k].Amplitudes[0]) < 0) brackets.Add((points[k - 1].Lr, points[k].Lr));
        return brackets;
    }

    /// <summary>The final LR's modes on one resolution, and plateau states expanded in them.</summary>
    private sealed class Resolution
    {
        private readonly SgdModel _model;
        private readonly SgdAnalysisOptions _options;
        private readonly CancellationToken _cancellation;
        private readonly TensorGrid _grid;
        private readonly double[][] _left;
        private CellInterpolation? _toPlateauGrid; // the last plateau grid's (a root search stays on one grid)

        public Resolution(SgdModel model, double finalLr, SgdAnalysisOptions options, IProgress<double>? progress, CancellationToken cancellation)
        {
            _model = model;
            _options = options;
            _cancellation = cancellation;
            var grid = model.GridAt(finalLr);
            var op = model.OperatorAt(finalLr, grid);
            Spectrum = SgdSpectrumSolver.Solve(op, options.Spectrum with { Modes = options.Modes }, model.GibbsMasses(grid, finalLr), model.Loss(grid), progress, cancellation);
            Applications = Spectrum.OperatorApplications;
            if (Spectrum.Status != EigenStatus.Converged)
                throw new ConvergenceException($"the SGD map's eigen-solve at η_c = {finalLr:G4} on {grid} ended with status {Spectrum.Status}: {Spectrum.Messages}");
            var slow = Spectrum.Modes.Skip(1).FirstOrDefault(m => !m.IsReal);
            if (slow is not null)
                throw new ConvergenceException($"a slow mode of the SGD map at η_c is oscillatory (μ = {slow.Multiplier}); a strong Mpemba point is defined for real modes only.");
            _grid = grid;
            _left = [.. Spectrum.Modes.Skip(1).Select(m => m.Left.Re)];
        }

        public SgdSpectrum Spectrum { get; }

        public long Applications { get; set; }

        public SgdPlateauPoint Point(double lr) => PointOn(lr, _model.GridAt(lr));

        /// <summary>The zero of a₂ in [lo, hi] on one grid (the colder end's), so a₂ is a smooth function of η there.</summary>
        public double Root(double lo, double hi, double tolerance)
        {
            var grid = _model.GridAt(lo);
            return BrentRootFinder.FindRoot(lr => PointOn(lr, grid).Amplitudes[0], lo, hi, tolerance * lo);
        }

        private SgdPlateauPoint PointOn(double lr, TensorGrid grid)
        {
            var op = _model.OperatorAt(lr, grid);
            var (p, mu2, result) = SgdSpectrumSolver.Stationary(op, _options.Spectrum, _model.GibbsMasses(grid, lr), _cancellation);
            Applications += result.OperatorApplications;
            if (p.Length == 0)
                throw new ConvergenceException($"SGD's stationary state at η_h = {lr:G4} on {grid} did not converge ({result.Status}): {result.Messages}");
            if (_toPlateauGrid?.Target != grid) _toPlateauGrid = CellInterpolation.Between(_grid, grid);
            var map = _toPlateauGrid;
            return new SgdPlateauPoint(lr, [.. _left.Select(v => map.Pair(v, p))], -Math.Log(mu2) / lr, grid.CellCount);
        }
    }
}
