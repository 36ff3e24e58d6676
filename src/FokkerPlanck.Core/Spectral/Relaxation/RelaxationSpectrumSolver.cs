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
        return Parallelism.Threads > 1 ? Task.Run(Analyze) : Task.FromResult(Analyze()); // one thread: no overlap
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
        var sw = Stopwatch.StartNew();
        // the ordering needs only the grid: it runs beside the assembly (and beside the sampling too
        // when the caller started it, AnalyzeGridAsync)
        var analysis = _symbolic is null ? _pending ?? AnalyzeGridAsync(op.Grid) : null;
        // The coarse level is independent of the fine assembly, ordering and symbolic analysis (the
        // latter mostly serial): it runs beside them, and only the time waited for it afterwards is its
        // stage time. Its result does not depend on the overlap.
        var coarseTask = !options.CoarseStart ? null
            : Parallelism.Threads > 1 ? Task.Run(() => CoarseGridStart.Compute(op, options.Modes - 1, options.Seed, options.CoarseCellsPerAxis))
            : Task.FromResult(CoarseGridStart.Compute(op, options.Modes - 1, options.Seed, options.CoarseCellsPerAxis));
        progress?.Report(("assembly", 0));
        // the backward generator (left-vector residuals and refinement) shares every face rate with A
        var (a, backward) = op.AssembleSymmetricAndBackward();
        // needed only once the factor exists, computed here while the ordering may still be running
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
        double tCoarse = 0;
        if (coarseTask is not null)
        {
            progress?.Report(("coarse start", 0));
            coarse = coarseTask.GetAwaiter().GetResult();
            tCoarse = sw.Elapsed.TotalSeconds;
        }
        sw.Restart();
        // σ below the spectrum is always safe; one inside the range of the coarse rates converges in
        // fewer solves (InteriorShift) and is checked after the run
        double safeShift = ShiftFor(op);
        double shift = options.Shift ?? (coarse is null ? null : InteriorShift.FromRates(coarse.Rates)) ?? safeShift;
        double tFactor = 0;
        // One factorization per shift, kept for a repeated solve (a wider block after a missed mode).
        var factors = new Dictionary<double, SparseLdlt>();
        ILinearSolver Factor(double sigma)
        {
            if (factors.TryGetValue(sigma, out var cached)) return cached;
            var f = Stopwatch.StartNew();
            progress?.Report(("factorization", 0));
            var solver = SparseLdlt.Create(a, symbolic, sigma);
            factors.Add(sigma, solver);
            tFactor += f.Elapsed.TotalSeconds;
            return solver;
        }
        var problem = new EigenProblem
        {
            Matrix = a,
            ShiftedSolverFactory = Factor,
            KnownVectors = [q1],
            KnownValues = [0.0],
            NormEstimate = gershgorin,
        };
        var messages = new System.Text.StringBuilder();
        int blockSize = options.BlockSize;
        EigenResult eig;
        int? missed;
        double tVerify = 0;
        while (true)
        {
            string? rejected;
            // a Krylov basis needs room beyond the wanted block: tiny problems (a few cells) are solved densely,
            // the pairs nearest the safe shift, i.e. the slowest modes
            bool dense = !LanczosFits(a.Size, options.Modes, blockSize);
            if (dense) shift = safeShift;
            try
            {
                IEigenSolver solver = dense ? new Dense.DenseEigenSolver() : new ThickRestartLanczos();
                eig = solver.Solve(problem, new EigenOptions
                {
                    Count = options.Modes, Shift = shift, ToleranceReference = safeShift, Tolerance = options.Tolerance,
                    BlockSize = blockSize, Seed = options.Seed, StartVectors = dense ? null : coarse?.Vectors,
                });
                rejected = shift == safeShift ? null : CheckInteriorShift(eig, factors[shift], shift);
            }
            catch (FactorizationException ex) when (shift != safeShift)
            {
                rejected = $"its LDLᵀ failed ({ex.Message})";
                eig = null!;
            }
            if (rejected is not null)
            {
                messages.Append($"Shift σ = {shift:G6} inside the spectrum rejected: {rejected}; repeated with σ = {safeShift:G6} below it. ");
                // its factor is not needed again: release it before the second one is built
                if (factors.Remove(shift, out var unused)) unused.Dispose();
                shift = safeShift;
                continue;
            }
            missed = null;
            if (options.VerifyCount && eig.Values.Count >= 2)
            {
                progress?.Report(("verification", 0));
                var v = Stopwatch.StartNew();
                double top = eig.Values[^1];
                double probe = top + VerifyMargin * Math.Max(top, gershgorin * VerifyFloor);
                using var ldlt = SparseLdlt.Create(a, symbolic, probe);
                missed = ldlt.NegativePivotCount - eig.Values.Count;
                tVerify += v.Elapsed.TotalSeconds;
            }
            if (missed is null or <= 0 || blockSize >= MaxBlockSize) break;
            // a degenerate partner was skipped: a wider block captures multiplicities up to its size
            messages.Append($"Block size {blockSize} missed {missed} eigenvalue(s) (degenerate modes); repeated with block size {2 * blockSize}. ");
            blockSize = Math.Min(2 * blockSize, MaxBlockSize);
        }
        // the shift-invert factors are done with: release their storage before the left vectors need memory
        foreach (var f in factors.Values) f.Dispose();
        double tIteration = sw.Elapsed.TotalSeconds - tFactor - tVerify; sw.Restart();
        int m = eig.Values.Count;
        int size = op.Size;
        ReadOnlySpan<double> observable = options.LossObservable ?? op.Landscape.CentreValues;
        if (observable.Length != size) throw new ArgumentException($"LossObservable has {observable.Length} values for {size} cells.", nameof(options));
        var lp = op.LogEquilibrium.ToArray();
        var lossObservable = observable.ToArray();
        var computed = eig.Vectors.ToArray();
        // One sweep for the overlaps with √π (to find the stationary pair) and the sign-rule sums
        // Σ φ_k √π U; a second one applies the signs and forms the left vectors v = φ/√π.
        int chunks = Math.Max(1, (size + PostprocessChunk - 1) / PostprocessChunk);
        var partial = new double[chunks * 2 * m];
        ChunkLoop.For(chunks, true, c =>
        {
            int i0 = c * PostprocessChunk, i1 = Math.Min(size, i0 + PostprocessChunk);
            var p = partial.AsSpan(c * 2 * m, 2 * m);
            for (int i = i0; i < i1; i++)
            {
                double sqrtPi = Math.Exp(0.5 * lp[i]), weight = sqrtPi * lossObservable[i];
                for (int k = 0; k < m; k++)
                {
                    double phi = computed[k][i];
                    p[2 * k] += q1[i] * phi;
                    p[2 * k + 1] += phi * weight;
                }
            }
        });
        var overlap = new double[m];
        var signSum = new double[m];
        for (int c = 0; c < chunks; c++)
            for (int k = 0; k < m; k++) { overlap[k] += partial[c * 2 * m + 2 * k]; signSum[k] += partial[c * 2 * m + 2 * k + 1]; }
        // The known stationary pair is included in the result, sorted by value; a slow rate that is
        // zero to round-off (deep barriers: λ₂ ~ 1e-29) may sort before it, so locate it by overlap.
        int stationary = 0;
        for (int k = 1; k < m; k++) if (Math.Abs(overlap[k]) > Math.Abs(overlap[stationary])) stationary = k;
        var order = new[] { stationary }.Concat(Enumerable.Range(0, m).Where(k => k != stationary)).ToArray();
        var values = order.Select(k => k == stationary ? 0.0 : Math.Max(eig.Values[k], 0.0)).ToArray();
        var modes = order.Select(k => k == stationary ? q1 : computed[k]).ToArray();
        // sign rule: Σ u_k U ≥ 0 with u_k = √π φ_k
        var flip = order.Select(k => k != stationary && signSum[k] < 0).ToArray();
        // relative residuals exactly as the stopping rule measures them: ‖Aφ − λφ‖ / max(|λ|, ‖A‖)
        double norm = eig.NormEstimate > 0 ? eig.NormEstimate : gershgorin;
        var residuals = order.Select(k => eig.Residuals[k] / Math.Max(Math.Abs(eig.Values[k]), norm)).ToArray();
        var left = new double[m][];
        left[0] = new double[size];
        for (int k = 1; k < m; k++) left[k] = GC.AllocateUninitializedArray<double>(size);
        ChunkLoop.For(chunks, true, c =>
        {
            int i0 = c * PostprocessChunk, i1 = Math.Min(size, i0 + PostprocessChunk);
            left[0].AsSpan(i0, i1 - i0).Fill(1.0);
            for (int i = i0; i < i1; i++)
            {
                double inverseSqrtPi = Math.Exp(-0.5 * lp[i]);
                for (int k = 1; k < m; k++)
                {
                    var phi = modes[k];
                    if (flip[k]) phi[i] = -phi[i];
                    // naive left vector v = φ/√π (refined below where π is tiny)
                    left[k][i] = phi[i] * inverseSqrtPi;
                }
            }
        });
        var leftValues = values[1..];
        double[] leftResiduals;
        if (options.RefineLeftVectors && m > 1)
        {
            progress?.Report(("left eigenvectors", 0));
            var seeds = left[1..];
            var r = LeftEigenvectorRefinement.Refine(backward, symbolic, leftValues, modes[1..], lp, seeds);
            for (int k = 1; k < m; k++) left[k] = seeds[k - 1];
            leftResiduals = [0.0, .. r];
        }
        else
        {
            leftResiduals = [0.0, .. LeftEigenvectorRefinement.Residuals(backward, leftValues, left[1..], matrixSign: -1.0)];
        }
        double tLeft = sw.Elapsed.TotalSeconds;
        progress?.Report(("done", 1));
        return new RelaxationSpectrum(op, values, modes, left, residuals, leftResiduals, eig.Status, eig.Iterations,
            eig.OperatorApplications, missed, new StageTimings(tAssembly, tOrdering, tFactor, tIteration, tVerify, tLeft, tCoarse), messages + eig.Messages, shift)
        {
            BlockSize = blockSize,
            StartVectors = coarse?.Vectors.Length ?? 0,
        };
    }

    /// <summary>
    /// Why a run with σ inside the spectrum cannot be accepted, or null when it can: it must have
    /// converged and returned every eigenvalue below σ, which the LDLᵀ inertia of A − σI counts
    /// (Sylvester's law; the known stationary pair included). The rates above σ are then the ones
    /// nearest to it, the same guarantee a shift below the spectrum gives.
    /// </summary>
    /// <summary>
    /// Whether block Lanczos with the stationary mode deflated can find <paramref name="modes"/> pairs of an
    /// n × n problem: its basis holds the wanted block plus one more block beside the deflated mode,
    /// n ≥ modes + 2·blockSize (<see cref="ThickRestartLanczos"/>); smaller problems go to the dense solver.
    /// </summary>
    private static bool LanczosFits(int n, int modes, int blockSize) => n >= modes + 2 * blockSize;

    private static string? CheckInteriorShift(EigenResult eig, SparseLdlt factor, double shift)
    {
        if (eig.Status != EigenStatus.Converged) return $"the run ended {eig.Status}";
        int found = eig.Values.Count(v => v < shift);
        return found == factor.NegativePivotCount ? null
            : $"{factor.NegativePivotCount} eigenvalue(s) lie below it by the LDLᵀ inertia but the run returned {found}";
    }

    /// <summary>Cells per parallel work item of the post-processing sweeps (partial sums are added in chunk order).</summary>
    private const int PostprocessChunk = 1 << 14;
}
