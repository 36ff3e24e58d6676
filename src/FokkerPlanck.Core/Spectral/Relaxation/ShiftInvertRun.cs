using System.Diagnostics;
using System.Text;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Spectral.Lanczos;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// The eigen stage of <see cref="RelaxationSpectrumSolver"/>: shift-invert Lanczos (dense for tiny
/// problems) with one LDLᵀ per shift, the interior shift's acceptance by inertia, the inertia count
/// proving no mode was missed, and a wider block after a missed (degenerate) mode. The factor of the
/// accepted run is kept for the left eigenvectors (<see cref="SharedShiftLeftVectors"/>).
/// </summary>
internal sealed class ShiftInvertRun : IDisposable
{
    private readonly CsrMatrix _a;
    private readonly SymbolicFactorization _symbolic;
    private readonly IProgress<(string Stage, double Fraction)>? _progress;
    private readonly Dictionary<double, SparseLdlt> _factors = [];

    public ShiftInvertRun(CsrMatrix a, SymbolicFactorization symbolic, IProgress<(string Stage, double Fraction)>? progress)
    {
        _a = a;
        _symbolic = symbolic;
        _progress = progress;
    }

    /// <summary>Seconds in numeric factorizations of the eigen solve.</summary>
    public double FactorSeconds { get; private set; }

    /// <summary>Seconds of the inertia verification (zero when the accepted factor already counted).</summary>
    public double VerifySeconds { get; private set; }

    /// <summary>What was rejected and repeated, for the result's messages.</summary>
    public StringBuilder Messages { get; } = new();

    /// <summary>The shift of the accepted run.</summary>
    public double Shift { get; private set; }

    /// <summary>The block size of the accepted run.</summary>
    public int BlockSize { get; private set; }

    /// <summary>Eigenvalues missed by the inertia count (null when not verified).</summary>
    public int? Missed { get; private set; }

    /// <summary>The LDLᵀ of <c>A − Shift·I</c> (null after the dense path); owned by this run.</summary>
    public SparseLdlt? Factor => _factors.GetValueOrDefault(Shift);

    /// <summary>Runs the eigen solve with its retries and the verification.</summary>
    public EigenResult Run(EigenProblem problem, SpectrumOptions options, double shift, double safeShift, double[][]? startVectors, double gershgorin)
    {
        int blockSize = options.BlockSize;
        while (true)
        {
            bool dense = !LanczosFits(_a.Size, options.Modes, blockSize);
            if (dense) shift = safeShift;
            var (eig, rejected) = Attempt(problem, options, shift, safeShift, blockSize, dense ? null : startVectors, dense);
            if (rejected is not null)
            {
                Messages.Append($"Shift σ = {shift:G6} inside the spectrum rejected: {rejected}; repeated with σ = {safeShift:G6} below it. ");
                // its factor is not needed again: release it before the second one is built
                if (_factors.Remove(shift, out var unused)) unused.Dispose();
                shift = safeShift;
                continue;
            }
            Shift = shift;
            BlockSize = blockSize;
            Missed = options.VerifyCount && eig!.Values.Count >= 2 ? Verify(eig, gershgorin) : null;
            if (Missed is null or <= 0 || blockSize >= RelaxationSpectrumSolver.MaxBlockSize) return eig!;
            // a degenerate partner was skipped: a wider block captures multiplicities up to its size
            Messages.Append($"Block size {blockSize} missed {Missed} eigenvalue(s) (degenerate modes); repeated with block size {2 * blockSize}. ");
            blockSize = Math.Min(2 * blockSize, RelaxationSpectrumSolver.MaxBlockSize);
        }
    }

    /// <summary>The factor for σ, from the cache or a new LDLᵀ (the problem's shifted-solver factory).</summary>
    public ILinearSolver FactorAt(double sigma)
    {
        if (_factors.TryGetValue(sigma, out var cached)) return cached;
        var f = Stopwatch.StartNew();
        _progress?.Report(("factorization", 0));
        var solver = SparseLdlt.Create(_a, _symbolic, sigma);
        _factors.Add(sigma, solver);
        FactorSeconds += f.Elapsed.TotalSeconds;
        return solver;
    }

    private (EigenResult? Eig, string? Rejected) Attempt(EigenProblem problem, SpectrumOptions options, double shift, double safeShift, int blockSize, double[][]? start, bool dense)
    {
        try
        {
            IEigenSolver solver = dense ? new Dense.DenseEigenSolver() : new ThickRestartLanczos();
            var eig = solver.Solve(problem, new EigenOptions
            {
                Count = options.Modes, Shift = shift, ToleranceReference = safeShift, Tolerance = options.Tolerance,
                BlockSize = blockSize, Seed = options.Seed, StartVectors = start,
            });
            return (eig, shift == safeShift ? null : CheckInteriorShift(eig, _factors[shift], shift));
        }
        catch (FactorizationException ex) when (shift != safeShift)
        {
            return (null, $"its LDLᵀ failed ({ex.Message})");
        }
    }

    /// <summary>
    /// The number of eigenvalues below λ_K(1 + VerifyMargin) that the run did not return, by the
    /// inertia of an LDLᵀ (Sylvester's law). When the accepted factor's own shift lies at or above
    /// that probe its count already bounds it (every eigenvalue below the probe lies below σ, and the
    /// interior-shift check found them all), and no second factorization is made.
    /// </summary>
    private int Verify(EigenResult eig, double gershgorin)
    {
        _progress?.Report(("verification", 0));
        var v = Stopwatch.StartNew();
        double top = eig.Values[^1];
        double probe = top + RelaxationSpectrumSolver.VerifyMargin * Math.Max(top, gershgorin * RelaxationSpectrumSolver.VerifyFloor);
        int below;
        if (Shift >= probe && _factors.TryGetValue(Shift, out var accepted)) below = accepted.NegativePivotCount;
        else
        {
            using var ldlt = SparseLdlt.Create(_a, _symbolic, probe);
            below = ldlt.NegativePivotCount;
        }
        VerifySeconds += v.Elapsed.TotalSeconds;
        return below - eig.Values.Count;
    }

    /// <summary>
    /// Why a run with σ inside the spectrum cannot be accepted, or null when it can: it must have
    /// converged and returned every eigenvalue below σ, which the LDLᵀ inertia of A − σI counts
    /// (Sylvester's law; the known stationary pair included). The rates above σ are then the ones
    /// nearest to it, the same guarantee a shift below the spectrum gives.
    /// </summary>
    private static string? CheckInteriorShift(EigenResult eig, SparseLdlt factor, double shift)
    {
        if (eig.Status != EigenStatus.Converged) return $"the run ended {eig.Status}";
        int found = eig.Values.Count(v => v < shift);
        return found == factor.NegativePivotCount ? null
            : $"{factor.NegativePivotCount} eigenvalue(s) lie below it by the LDLᵀ inertia but the run returned {found}";
    }

    /// <summary>
    /// Whether block Lanczos with the stationary mode deflated can find <paramref name="modes"/> pairs of an
    /// n × n problem: its basis holds the wanted block plus one more block beside the deflated mode,
    /// n ≥ modes + 2·blockSize (<see cref="ThickRestartLanczos"/>); smaller problems go to the dense solver.
    /// </summary>
    private static bool LanczosFits(int n, int modes, int blockSize) => n >= modes + 2 * blockSize;

    /// <summary>Releases every factor still held.</summary>
    public void Dispose()
    {
        foreach (var f in _factors.Values) f.Dispose();
        _factors.Clear();
    }

    /// <summary>Releases every factor but the accepted run's (kept for the left vectors).</summary>
    public void ReleaseAllButAccepted()
    {
        foreach (var (sigma, f) in _factors.Where(p => p.Key != Shift).ToArray())
        {
            f.Dispose();
            _factors.Remove(sigma);
        }
    }
}
