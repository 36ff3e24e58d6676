using System.Diagnostics;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Spectral.Lanczos;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// Computes the slowest relaxation modes of a <see cref="FokkerPlanckOperator"/>: shift-invert
/// block thick-restart Lanczos on the symmetrized operator with the stationary mode deflated
/// exactly, a nested-dissection LDLᵀ for the inner solves, an inertia count proving no mode was
/// missed, and left eigenvectors from the backward operator.
/// </summary>
public sealed class RelaxationSpectrumSolver
{
    /// <summary>
    /// The shift is σ = −ShiftFraction · T(π/L)², a small fraction of the slowest free-diffusion rate of
    /// the box: negative, so A − σI is positive definite (stable LDLᵀ, no pivoting needed), and small, so
    /// the slow rates stay well separated after the transformation ν = 1/(λ − σ).
    /// </summary>
    public const double ShiftFraction = 1e-3;

    /// <summary>The inertia check counts eigenvalues below λ_K(1 + VerifyMargin): a relative margin so the count does not hinge on round-off at λ_K itself (λ_K is accurate to ~1e-10·‖A‖).</summary>
    public const double VerifyMargin = 1e-6;

    /// <summary>Floor of the margin relative to ‖A‖, for λ_K ≈ 0 (all computed rates tiny).</summary>
    public const double VerifyFloor = 1e-12;

    /// <summary>Largest block size tried after the inertia count reports a missed (degenerate) mode.</summary>
    public const int MaxBlockSize = 4;

    private readonly SymbolicFactorization? _symbolic;
    private readonly Task<SymbolicFactorization>? _pending;

    /// <summary>The shift σ = −ShiftFraction · T(π/L)² used for <paramref name="op"/> (L the longest side of the box).</summary>
    public static double ShiftFor(FokkerPlanckOperator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var grid = op.Grid;
        double lmax = Math.Max(grid.IsOneDimensional ? 0 : grid.X.Length, grid.Y.Length);
        return -ShiftFraction * op.Temperature * Math.PI * Math.PI / (lmax * lmax);
    }

    /// <summary>Creates a solver; a symbolic analysis may be shared across temperatures of one grid.</summary>
    public RelaxationSpectrumSolver(SymbolicFactorization? symbolic = null) => _symbolic = symbolic;

    /// <summary>
    /// Creates a solver whose symbolic analysis is already under way (<see cref="AnalyzeGridAsync"/>,
    /// started before the landscape was sampled); it is used if it matches the operator's pattern.
    /// </summary>
    public RelaxationSpectrumSolver(Task<SymbolicFactorization> pendingSymbolic)
    {
        ArgumentNullException.ThrowIfNull(pendingSymbolic);
        _pending = pendingSymbolic;
    }

    /// <summary>Symbolic analysis for the 5-point pattern of a grid (nested dissection).</summary>
    public static SymbolicFactorization AnalyzeGrid(CsrMatrix pattern, int nx, int ny)
        => SymbolicFactorization.Analyze(pattern, NestedDissection.ForGrid(nx, ny));

    /// <summary>
    /// Starts the ordering and symbolic analysis of <paramref name="grid"/>'s 5-point pattern on the
    /// thread pool. They depend on the grid only and are mostly serial, so they can run beside the
    /// (parallel, value-dependent) landscape sampling and assembly.
    /// </summary>
    public static Task<SymbolicFactorization> AnalyzeGridAsync(TensorGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        SymbolicFactorization Analyze() => AnalyzeGrid(FokkerPlanckOperator.PatternFor(grid), grid.Nx, grid.Ny);
        return Parallelism.Beside(Analyze); // one thread: no overlap
    }

    /// <summary>Computes the spectrum.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 or more modes than unknowns.</exception>
    public RelaxationSpectrum Solve(FokkerPlanckOperator op, SpectrumOptions options, IProgress<(string Stage, double Fraction)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Modes < 2 || options.Modes > op.Size)
            throw new ArgumentOutOfRangeException(nameof(options), options.Modes,
                $"{options.Modes} modes asked for on a grid of {op.Size} cells; the number of modes must lie in [2, {op.Size}]: use a finer grid or fewer modes (the scenario's \"modes\").");
        ReadOnlySpan<double> observable = options.LossObservable ?? op.Landscape.CentreValues;
        if (observable.Length != op.Size) throw new ArgumentException($"LossObservable has {observable.Length} values for {op.Size} cells.", nameof(options));
        var sw = Stopwatch.StartNew();
        var prepared = Prepare(op, options, progress);
        sw.Restart();
        double safeShift = ShiftFor(op);
        // σ below the spectrum is always safe; one inside the range of the coarse rates converges in
        // fewer solves (InteriorShift) and is checked after the run
        double shift = options.Shift ?? (prepared.Coarse is null ? null : InteriorShift.FromRates(prepared.Coarse.Rates)) ?? safeShift;
        using var run = new ShiftInvertRun(prepared.A, prepared.Symbolic, progress);
        var leftClock = new Stopwatch();
        var (eig, ordered, shared) = SolveAndVerify(op, prepared, options, run, shift, safeShift, leftClock, progress);
        run.Dispose(); // every factor is done with: release them before the backward generator's factors need memory
        leftClock.Start();
        bool backwardShared = shared is null && options.RefineLeftVectors && ordered.Left.Length >= 2;
        BackwardFactor? backward = backwardShared ? BackwardFactor.Create(prepared, run.Shift) : null;
        double[][] left; double[] leftResiduals; string leftMessage;
        using (backward)
        {
            if (backward is not null) shared = BackwardSharedLeftVectors(op, prepared, ordered, backward);
            (left, leftResiduals, leftMessage) = FinishLeftVectors(op, prepared, ordered, options, shared, backward);
        }
        leftClock.Stop();
        double tLeft = leftClock.Elapsed.TotalSeconds;
        double tIteration = sw.Elapsed.TotalSeconds - run.FactorSeconds - run.VerifySeconds - tLeft;
        progress?.Report(("done", 1));
        var timings = new StageTimings(prepared.AssemblySeconds, prepared.OrderingSeconds, run.FactorSeconds, tIteration, run.VerifySeconds, tLeft, prepared.CoarseSeconds);
        return new RelaxationSpectrum(op, ordered.Values, ordered.Modes, left, ordered.Residuals, leftResiduals, eig.Status, eig.Iterations,
            eig.OperatorApplications, run.Missed, timings, run.Messages + leftMessage + eig.Messages, run.Shift)
        {
            BlockSize = run.BlockSize,
            StartVectors = prepared.Coarse?.Vectors.Length ?? 0,
        };
    }

    /// <summary>
    /// The eigen run, the left vectors from its factor, and the inertia count (made after them, with that
    /// factor refactored in place: one factor's memory at a time); repeated with a wider block after a
    /// missed (degenerate) mode.
    /// </summary>
    private static (EigenResult Eig, ModeOrdering.Result Ordered, SharedShiftLeftVectors.SharedShiftResult? Shared) SolveAndVerify(FokkerPlanckOperator op,
        Prepared prepared, SpectrumOptions options, ShiftInvertRun run, double shift, double safeShift, Stopwatch leftClock, IProgress<(string Stage, double Fraction)>? progress)
    {
        ReadOnlySpan<double> observable = options.LossObservable ?? op.Landscape.CentreValues;
        int blockSize = options.BlockSize;
        while (true)
        {
            var eig = run.Run(new EigenProblem
            {
                Matrix = prepared.A,
                ShiftedSolverFactory = run.FactorAt,
                KnownVectors = [prepared.Q1],
                KnownValues = [0.0],
                NormEstimate = prepared.Gershgorin,
            }, options, blockSize, shift, safeShift, prepared.Coarse?.Vectors);
            // factors of rejected shifts are done with: release them before the left vectors need memory
            run.ReleaseAllButAccepted();
            var ordered = ModeOrdering.Apply(eig, prepared.Q1, op.LogEquilibrium, observable, prepared.Gershgorin);
            leftClock.Start();
            var shared = SharedLeftVectors(op, prepared, ordered, options, run, safeShift, progress);
            leftClock.Stop();
            // the vectors are final when every shared-shift column was accepted (FinishLeftVectors keeps them)
            if (options.VectorsFinal is { } handOver && shared is { } done && Stalled(done.Residuals).Length == 0)
                handOver(new FinalVectors(op, ordered.Modes, ordered.Left));
            int? missed = options.VerifyCount && eig.Values.Count >= 2 ? run.Verify(eig, prepared.Gershgorin) : null;
            if (missed is null or <= 0 || blockSize >= MaxBlockSize) return (eig, ordered, shared);
            // a degenerate partner was skipped: a wider block captures multiplicities up to its size
            run.Messages.Append($"Block size {blockSize} missed {missed} eigenvalue(s) (degenerate modes); repeated with block size {2 * blockSize}. ");
            blockSize = Math.Min(2 * blockSize, MaxBlockSize);
            shift = run.Shift;
        }
    }

    /// <summary>What the eigen stage needs, and the seconds each preparation stage was waited for.</summary>
    private sealed record Prepared(CsrMatrix A, CsrMatrix Backward, double[] Q1, double Gershgorin, SymbolicFactorization Symbolic, CoarseModes? Coarse,
        double AssemblySeconds, double OrderingSeconds, double CoarseSeconds);

    /// <summary>
    /// Assembly, ordering and symbolic analysis, and the coarse start. The ordering needs only the grid
    /// and the coarse level is independent of the fine assembly: both run beside the assembly (the
    /// ordering beside the sampling too when the caller started it, <see cref="AnalyzeGridAsync"/>),
    /// and their stage times are the time waited for them afterwards. No result depends on the overlap.
    /// </summary>
    private Prepared Prepare(FokkerPlanckOperator op, SpectrumOptions options, IProgress<(string Stage, double Fraction)>? progress)
    {
        var sw = Stopwatch.StartNew();
        var analysis = _symbolic is null ? _pending ?? AnalyzeGridAsync(op.Grid) : null;
        var coarseTask = !options.CoarseStart ? null
            : Parallelism.Beside(() => CoarseGridStart.Compute(op, options.Modes - 1, options.Seed, options.CoarseCellsPerAxis));
        progress?.Report(("assembly", 0));
        // the backward generator (left-vector residuals and refinement) shares every face rate with A
        var (a, backward) = op.AssembleSymmetricAndBackward();
        var q1 = op.StationarySymmetricMode();
        double gershgorin = 2 * a.Diagonal().Max();
        if (!double.IsFinite(gershgorin))
            throw new ArgumentException($"the transition rates overflow at T = {op.Temperature:G4}: the potential changes too much between neighbouring cells; refine the grid, narrow the domain or raise the temperature.");
        double tAssembly = sw.Elapsed.TotalSeconds; sw.Restart();
        progress?.Report(("ordering", 0));
        SymbolicFactorization symbolic;
        if (_symbolic is not null && _symbolic.Matches(a)) symbolic = _symbolic;
        else
        {
            var started = analysis?.GetAwaiter().GetResult();
            symbolic = started is not null && started.Matches(a) ? started : AnalyzeGrid(a, op.Grid.Nx, op.Grid.Ny);
        }
        double tOrdering = sw.Elapsed.TotalSeconds; sw.Restart();
        CoarseModes? coarse = null;
        if (coarseTask is not null)
        {
            progress?.Report(("coarse start", 0));
            coarse = coarseTask.GetAwaiter().GetResult();
        }
        return new Prepared(a, backward, q1, gershgorin, symbolic, coarse, tAssembly, tOrdering, coarseTask is null ? 0 : sw.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Left vectors from the accepted run's LDLᵀ (<see cref="SharedShiftLeftVectors"/>; a new one at the
    /// safe shift after the dense path), into <paramref name="ordered"/>'s left vectors; null when the
    /// shared solve cannot be used or refinement is off.
    /// </summary>
    private static SharedShiftLeftVectors.SharedShiftResult? SharedLeftVectors(FokkerPlanckOperator op, Prepared prepared, ModeOrdering.Result ordered,
        SpectrumOptions options, ShiftInvertRun run, double safeShift, IProgress<(string Stage, double Fraction)>? progress)
    {
        if (!options.RefineLeftVectors || ordered.Left.Length < 2) return null;
        progress?.Report(("left eigenvectors", 0));
        var factor = run.Factor ?? run.FactorAt(safeShift);
        return SharedShiftLeftVectors.TryCompute(prepared.Backward, factor, ordered.Values[1..], ordered.Modes[1..], op.LogEquilibrium, ordered.Left[1..],
            prepared.Symbolic.Ordering, prepared.A);
    }

    /// <summary>
    /// The backward generator <c>G = −Lᵀ</c> and, when it factorizes, its LU at the eigen run's shift: made
    /// once, after the symmetric factor is released, for the shared-shift iteration and then refactored per
    /// mode for the columns that stall (<see cref="LeftEigenvectorRefinement.Refine"/>).
    /// </summary>
    private sealed class BackwardFactor : IDisposable
    {
        private BackwardFactor(CsrMatrix g, SparseLu? lu) { G = g; Lu = lu; }

        public CsrMatrix G { get; }

        /// <summary>The LU of <c>G − σI</c>; null when that shift gives a zero pivot.</summary>
        public SparseLu? Lu { get; }

        public static BackwardFactor Create(Prepared prepared, double shift)
        {
            var g = prepared.Backward.Scale(-1.0);
            try { return new BackwardFactor(g, SparseLu.Create(g, prepared.Symbolic, shift)); }
            catch (FactorizationException) { return new BackwardFactor(g, null); }
        }

        public void Dispose() => Lu?.Dispose();
    }

    /// <summary>
    /// Left vectors for an equilibrium whose range forbids the scaled solve: the same shared-shift
    /// iteration with the LU of the backward generator <c>G − σI</c>
    /// (<see cref="SharedShiftLeftVectors.TryComputeWithBackwardFactor"/>); null when there is no LU or a
    /// sweep overflowed (every mode then goes to the per-mode refinement, which reseeds them).
    /// </summary>
    private static SharedShiftLeftVectors.SharedShiftResult? BackwardSharedLeftVectors(FokkerPlanckOperator op, Prepared prepared, ModeOrdering.Result ordered, BackwardFactor backward)
    {
        if (backward.Lu is null) return null;
        try { return SharedShiftLeftVectors.TryComputeWithBackwardFactor(prepared.Backward, backward.Lu, ordered.Values[1..], ordered.Modes[1..], op.LogEquilibrium, ordered.Left[1..]); }
        catch (InvalidOperationException) { return null; }
    }

    /// <summary>The columns (0 for v₂) whose shared-shift residual is above <see cref="SharedShiftLeftVectors.AcceptResidual"/>: for the per-mode refinement.</summary>
    private static int[] Stalled(double[] residuals) => [.. Enumerable.Range(0, residuals.Length).Where(k => !(residuals[k] <= SharedShiftLeftVectors.AcceptResidual))];

    /// <summary>
    /// The end of the left-vector stage: the columns the shared solve left above its accuracy (all of
    /// them when it could not run) refined with one factorization of the backward generator per mode
    /// (<see cref="LeftEigenvectorRefinement.Refine"/>, reusing the backward generator and its LU when
    /// they were made); with refinement off, the naive vectors. Returns the vectors and their residuals.
    /// </summary>
    private static (double[][] Left, double[] Residuals, string Message) FinishLeftVectors(FokkerPlanckOperator op, Prepared prepared, ModeOrdering.Result ordered,
        SpectrumOptions options, SharedShiftLeftVectors.SharedShiftResult? shared, BackwardFactor? backward)
    {
        var left = ordered.Left;
        int m = left.Length;
        var leftValues = ordered.Values[1..];
        var seeds = left[1..];
        if (!options.RefineLeftVectors || m < 2)
            return (left, [0.0, .. LeftEigenvectorRefinement.Residuals(prepared.Backward, leftValues, seeds, matrixSign: -1.0)], "");
        var modes = ordered.Modes[1..];
        var r = shared?.Residuals ?? [.. leftValues.Select(_ => double.PositiveInfinity)];
        var stalled = Stalled(r);
        string message = "";
        if (stalled.Length > 0)
        {
            string how = backward is not null ? "shared-shift residual with the backward generator's LU" : "shared-shift residual";
            message = shared is null
                ? "Left vectors refined per mode (the shared-shift iteration could not be used: a singular projection, a zero pivot or an overflow). "
                : $"Left vectors {string.Join(", ", stalled.Select(k => $"v{k + 2}"))} refined per mode ({how} {stalled.Max(k => r[k]):E1} after {shared.Value.Sweeps} sweeps). ";
            LeftEigenvectorRefinement.Refine(prepared.Backward, prepared.Symbolic, [.. stalled.Select(k => leftValues[k])],
                [.. stalled.Select(k => modes[k])], op.LogEquilibrium, [.. stalled.Select(k => seeds[k])], backward?.G, backward?.Lu);
        }
        for (int k = 1; k < m; k++) left[k] = seeds[k - 1];
        // the shared iteration measured its final vectors; a column refined since is measured again
        var normwise = stalled.Length == 0 && shared is { } done ? done.Normwise
            : LeftEigenvectorRefinement.Residuals(prepared.Backward, leftValues, seeds, matrixSign: -1.0);
        return (left, [0.0, .. normwise], message);
    }
}
