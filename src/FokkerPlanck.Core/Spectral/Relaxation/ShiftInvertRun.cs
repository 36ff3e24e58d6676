using System.Diagnostics;
using System.Text;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Spectral.Lanczos;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// The eigen stage of <see cref="RelaxationSpectrumSolver"/>: shift-invert Lanczos (dense for tiny
/// problems) with one LDLᵀ per shift, the interior shift's acceptance by inertia, and the inertia count
/// proving no mode was missed (the caller repeats with a wider block after a missed, degenerate, mode).
/// The factor of the accepted run is kept for the left eigenvectors (<see cref="SharedShiftLeftVectors"/>)
/// and then refactored in place for the count.
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

    /// <summary>
    /// Runs the eigen solve with block size <paramref name="blockSize"/>: at <paramref name="shift"/>,
    /// repeated at <paramref name="safeShift"/> when an interior shift is rejected. The accepted factor
    /// is kept (<see cref="Factor"/>); <see cref="Verify"/> counts what the run may have missed.
    /// </summary>
    public EigenResult Run(EigenProblem problem, SpectrumOptions options, int blockSize, double shift, double safeShift, double[][]? startVectors)
    {
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
            Missed = null;
            return eig!;
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
    /// inertia of an LDLᵀ (Sylvester's law), also kept in <see cref="Missed"/>. When the accepted
    /// factor's own shift lies at or above that probe its count already bounds it (every eigenvalue
    /// below the probe lies below σ, and the interior-shift check found them all). Otherwise a factor
    /// this run still holds is refactored in place at the probe (<see cref="SparseLdlt.Refactor(CsrMatrix, double, IProgress{double}?)"/>:
    /// no second factor's memory, no new allocation), so call this once the factors are done with;
    /// only when none is held is a new one made.
    /// </summary>
    public int Verify(EigenResult eig, double gershgorin)
    {
        ArgumentNullException.ThrowIfNull(eig);
        _progress?.Report(("verification", 0));
        var v = Stopwatch.StartNew();
        double top = eig.Values[^1];
        double probe = top + RelaxationSpectrumSolver.VerifyMargin * Math.Max(top, gershgorin * RelaxationSpectrumSolver.VerifyFloor);
        int below;
        if (Shift >= probe && _factors.TryGetValue(Shift, out var accepted)) below = accepted.NegativePivotCount;
        else if (_factors.Count > 0)
        {
            // the held factor (the accepted run's, or the left vectors' after the dense path) becomes the probe's
            var (sigma, held) = _factors.First();
            _factors.Remove(sigma);
            using (held)
            {
                held.Refactor(_a, probe);
                below = held.NegativePivotCount;
            }
        }
        else
        {
            using var ldlt = SparseLdlt.Create(_a, _symbolic, probe);
            below = ldlt.NegativePivotCount;
        }
        VerifySeconds += v.Elapsed.TotalSeconds;
        Missed = below - eig.Values.Count;
        return Missed.Value;
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
