using System.Numerics;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Arnoldi;
using FokkerPlanck.Core.Spectral.Lanczos;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>Settings of <see cref="SgdSpectrumSolver"/>.</summary>
public sealed record SgdSpectrumOptions
{
    /// <summary>Modes wanted, the stationary one included.</summary>
    public int Modes { get; init; } = 4;

    /// <summary>Residual tolerance of the Arnoldi iteration (P has norm ≈ 1, so it is absolute).</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Krylov basis size (0: the Arnoldi default).</summary>
    public int BasisSize { get; init; }

    /// <summary>
    /// Restarts before giving up. Without a factorization the slow multipliers sit within λη ≈ 10⁻⁵–10⁻³ of
    /// 1 and of each other, so convergence takes hundreds of products (measured in docs/sgd.md).
    /// </summary>
    public int MaxRestarts { get; init; } = 3000;

    /// <summary>Seed of the start vectors' random part.</summary>
    public ulong Seed { get; init; } = 1;
}

/// <summary>
/// The slowest modes of the SGD transition matrix P_η (<see cref="SgdTransitionOperator"/>): the multipliers
/// nearest 1 and their right and left eigenvectors, biorthonormal, by the thick-restarted Arnoldi method on P
/// and on Pᵀ.
/// </summary>
/// <remarks>
/// P is column-stochastic with non-negative entries, so its spectrum lies in the unit disc and the slow modes
/// are those of largest real part; the stationary state is the Perron vector (μ = 1), positive, and the first
/// left vector is constant (Perron–Frobenius; e.g. Seneta, <i>Non-negative Matrices and Markov Chains</i>,
/// 2nd ed., 1981, ch. 1). The sign of every other mode follows the FP spectrum's rule, <c>Σ u_k L ≥ 0</c>
/// with L the loss at the cell centres, so SGD's a₂ and the FP's a₂ mean the same thing.
/// </remarks>
public static class SgdSpectrumSolver
{
    /// <summary>Weight of the random part of a start vector: enough to give every mode a component.</summary>
    private const double RandomStartWeight = 1e-2;

    /// <summary>Computes the spectrum.</summary>
    /// <param name="op">P_η.</param>
    /// <param name="options">Settings.</param>
    /// <param name="guess">A guess of the stationary masses (the FP equilibrium); it starts the right iteration.</param>
    /// <param name="loss">The loss at the cell centres, for the sign rule.</param>
    /// <param name="progress">Fraction done.</param>
    /// <param name="cancellation">Stops between restarts.</param>
    public static SgdSpectrum Solve(SgdTransitionOperator op, SgdSpectrumOptions options, ReadOnlySpan<double> guess, ReadOnlySpan<double> loss,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(options);
        var arnoldi = new ArnoldiOptions
        {
            Wanted = options.Modes, BasisSize = options.BasisSize, Tolerance = options.Tolerance, MaxRestarts = options.MaxRestarts,
            Selection = RitzSelection.LargestReal, Seed = options.Seed,
        };
        var ones = new double[op.Size];
        Array.Fill(ones, 1.0);
        var right = ThickRestartArnoldi.Solve(op, arnoldi, Start(guess, options.Seed), Half(progress, 0), cancellation);
        var left = ThickRestartArnoldi.Solve(op.Adjoint, arnoldi with { Seed = options.Seed + 1 }, Start(ones, options.Seed + 1), Half(progress, 1), cancellation);
        long applications = right.OperatorApplications + left.OperatorApplications;
        if (right.Status != EigenStatus.Converged || left.Status != EigenStatus.Converged)
            return new SgdSpectrum(op, [], right.Status != EigenStatus.Converged ? right.Status : left.Status, applications,
                $"right vectors: {Describe(right)}; left vectors: {Describe(left)}");
        return Pair(op, right, left, loss, applications);
    }

    /// <summary>
    /// The stationary state of P (the Perron vector, masses summing to 1) and the next multiplier μ₂, by Arnoldi
    /// on P alone: the pair {1, μ₂} is resolved by Rayleigh–Ritz once its subspace has separated from μ₃, so the
    /// cost follows the gap to μ₃, not the (Arrhenius-small) gap 1 − μ₂.
    /// </summary>
    public static (double[] Masses, double Mu2, NonsymmetricEigenResult Result) Stationary(SgdTransitionOperator op, SgdSpectrumOptions options,
        ReadOnlySpan<double> guess, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(options);
        var arnoldi = new ArnoldiOptions
        {
            Wanted = 2, BasisSize = options.BasisSize, Tolerance = options.Tolerance, MaxRestarts = options.MaxRestarts,
            Selection = RitzSelection.LargestReal, Seed = options.Seed,
        };
        var result = ThickRestartArnoldi.Solve(op, arnoldi, Start(guess, options.Seed), null, cancellation);
        if (result.Status != EigenStatus.Converged || !result.Vectors[0].IsReal) return ([], double.NaN, result);
        return (Masses(result.Vectors[0].Re), result.Values.Count > 1 ? result.Values[1].Real : double.NaN, result);
    }

    /// <summary>Matches right and left pairs by multiplier and scales them (stationary mass 1, sign rule, <c>Σ v u = 1</c>).</summary>
    private static SgdSpectrum Pair(SgdTransitionOperator op, NonsymmetricEigenResult right, NonsymmetricEigenResult left, ReadOnlySpan<double> loss, long applications)
    {
        var modes = new List<SgdMode>();
        var used = new bool[left.Values.Count];
        double worst = 0;
        for (int k = 0; k < right.Values.Count; k++)
        {
            int match = Enumerable.Range(0, left.Values.Count).Where(i => !used[i])
                .OrderBy(i => Complex.Abs(left.Values[i] - right.Values[k])).FirstOrDefault(-1);
            if (match < 0) break;
            used[match] = true;
            worst = Math.Max(worst, Complex.Abs(left.Values[match] - right.Values[k]));
            var u = right.Vectors[k];
            var v = left.Vectors[match];
            u = k == 0 ? new EigenVector(Masses(u.Re), null) : SignRule(Normalized(u, modes[0].Right.Re), loss);
            modes.Add(new SgdMode(right.Values[k], u, Biorthonormal(u, v), right.Residuals[k], left.Residuals[match]));
        }
        bool consistent = worst <= 1e3 * Math.Max(right.Residuals.Max(), left.Residuals.Max()) + 1e-12;
        return new SgdSpectrum(op, modes, consistent ? EigenStatus.Converged : EigenStatus.NumericalIssue, applications,
            consistent ? "" : $"the right and left multipliers differ by {worst:E2}");
    }

    /// <summary>
    /// Entries of the Perron vector below this fraction of its largest are round-off: the vector is positive in exact
    /// arithmetic, and Arnoldi's components carry errors of ~10⁻¹⁶ of the largest, so far-tail cells come out as ±10⁻¹⁹.
    /// </summary>
    private const double RoundOffMass = 1e-13;

    /// <summary>The Perron vector as masses: the sign that makes it positive, round-off negatives set to 0, summing to 1.</summary>
    private static double[] Masses(double[] perron)
    {
        double sum = perron.Sum(), top = perron.Max(Math.Abs);
        var p = new double[perron.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double m = perron[i] / sum;
            p[i] = m < 0 && -m <= RoundOffMass * top / Math.Abs(sum) ? 0 : m;
        }
        double total = p.Sum();
        for (int i = 0; i < p.Length; i++) p[i] /= total;
        return p;
    }

    /// <summary>
    /// Cells whose stationary mass is below this fraction of the largest leave the weighted norm: there the right vectors
    /// are round-off (≈10⁻¹⁶ of their largest entry) divided by a vanishing mass, and their true share is negligible.
    /// </summary>
    private const double NormMassCutoff = 1e-12;

    /// <summary>
    /// u scaled to <c>Σ |u|²/p = 1</c> with p the stationary masses: the FP spectrum's normalization (unit symmetric modes
    /// <c>φ = u/√π</c>), an integral <c>∫ρ_u²/ρ_p</c> that does not depend on the grid, so a_k keeps its meaning as the
    /// cells shrink and tends to the FP's a_k as η → 0.
    /// </summary>
    private static EigenVector Normalized(EigenVector u, double[] stationary)
    {
        double cutoff = NormMassCutoff * stationary.Max(), norm = 0;
        for (int i = 0; i < stationary.Length; i++)
        {
            if (!(stationary[i] > cutoff)) continue;
            norm += (u.Re[i] * u.Re[i] + (u.Im is null ? 0 : u.Im[i] * u.Im[i])) / stationary[i];
        }
        return Scaled(u, 1 / Math.Sqrt(norm));
    }

    private static EigenVector SignRule(EigenVector u, ReadOnlySpan<double> loss)
        => !u.IsReal || loss.IsEmpty || VectorOps.Dot(u.Re, loss) >= 0 ? u : Scaled(u, -1);

    /// <summary>v / (Σ v u) in complex arithmetic (bilinear, not Hermitian: v is a left eigenvector of the same μ).</summary>
    private static EigenVector Biorthonormal(EigenVector u, EigenVector v)
    {
        double rr = VectorOps.Dot(v.Re, u.Re), ii = u.IsReal || v.IsReal ? 0 : VectorOps.Dot(v.Im!, u.Im!);
        double ri = u.IsReal ? 0 : VectorOps.Dot(v.Re, u.Im!), ir = v.IsReal ? 0 : VectorOps.Dot(v.Im!, u.Re);
        var c = new Complex(rr - ii, ri + ir);
        if (v.IsReal) return Scaled(v, 1 / c.Real);
        var inv = 1 / c;
        var re = new double[v.Re.Length];
        var im = new double[v.Re.Length];
        for (int i = 0; i < re.Length; i++)
        {
            re[i] = inv.Real * v.Re[i] - inv.Imaginary * v.Im![i];
            im[i] = inv.Real * v.Im![i] + inv.Imaginary * v.Re[i];
        }
        return new EigenVector(re, im);
    }

    private static EigenVector Scaled(EigenVector x, double s)
        => new([.. x.Re.Select(v => v * s)], x.Im is null ? null : [.. x.Im.Select(v => v * s)]);

    private static double[] Start(ReadOnlySpan<double> guess, ulong seed)
    {
        var start = new double[guess.Length];
        new StartVectorGenerator(seed).Fill(start);
        double g = VectorOps.Norm(guess), r = VectorOps.Norm(start);
        for (int i = 0; i < start.Length; i++) start[i] = guess[i] / g + RandomStartWeight * start[i] / r;
        return start;
    }

    private static SyncProgress<double>? Half(IProgress<double>? progress, int part)
        => progress is null ? null : new SyncProgress<double>(f => progress.Report(0.5 * (part + f)));

    private static string Describe(NonsymmetricEigenResult r)
        => r.Status == EigenStatus.Converged ? "converged" : $"{r.Status}: {r.Messages}";
}
