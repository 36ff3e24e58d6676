using System.Numerics;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Spectral.Lanczos;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Spectral.Arnoldi;

/// <summary>
/// A few eigenpairs of a real non-symmetric operator by the thick-restarted Arnoldi method: a Krylov
/// basis V with <c>W = A V</c> kept beside it, Rayleigh–Ritz on <c>H = VᵀW</c>, and restarts that keep
/// the wanted Ritz vectors' invariant subspace plus the residual direction.
/// </summary>
/// <remarks>
/// <para>Restarting with the Ritz vectors (real and imaginary parts of a complex pair) and the Arnoldi
/// residual keeps a Krylov subspace, so the restart loses nothing already found: R. B. Morgan, "On
/// restarting the Arnoldi method for large nonsymmetric eigenvalue problems", Math. Comp. 65, 1213 (1996);
/// it is the same subspace as G. W. Stewart's Krylov–Schur restart (SIAM J. Matrix Anal. Appl. 23, 601
/// (2001)), reached through the eigenvectors of H instead of its reordered Schur form.</para>
/// <para>Keeping W explicitly costs one more vector per basis vector but makes H exactly VᵀAV after
/// every restart (no recurrence to drift) and the Ritz residual <c>‖f‖·|sₘ|</c> exact up to the
/// orthogonality of V, which classical Gram–Schmidt twice keeps at round-off (Daniel, Gragg, Kaufman and
/// Stewart, Math. Comp. 30, 772 (1976)). The residuals reported are recomputed with the operator.</para>
/// </remarks>
public static class ThickRestartArnoldi
{
    /// <summary>
    /// A residual below this fraction of the operator's scale means the basis spans an invariant
    /// subspace (a "lucky breakdown"): the next vector is drawn at random, orthogonal to the basis.
    /// </summary>
    internal const double BreakdownTolerance = 1e-13;

    /// <summary>Finds <see cref="ArnoldiOptions.Wanted"/> eigenpairs of <paramref name="a"/>.</summary>
    /// <param name="a">The operator.</param>
    /// <param name="options">Settings.</param>
    /// <param name="start">Start vector (a random one when empty); a good guess of the wanted subspace's sum speeds convergence.</param>
    /// <param name="progress">Receives the fraction of wanted pairs converged.</param>
    /// <param name="cancellation">Stops between restarts.</param>
    public static NonsymmetricEigenResult Solve(ILinearOperator a, ArnoldiOptions options, ReadOnlySpan<double> start = default,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(options);
        int n = a.Size, wanted = Math.Min(options.Wanted, n);
        if (wanted < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Wanted, "At least one eigenpair must be wanted.");
        var basis = new KrylovBasis(a, options.EffectiveBasisSize(n), new StartVectorGenerator(options.Seed));
        basis.Begin(start);
        for (int restart = 0; ; restart++)
        {
            cancellation.ThrowIfCancellationRequested();
            basis.Expand();
            var ritz = new RitzPairs(basis.Projected(), options.Selection);
            double scale = Math.Max(basis.NormEstimate, double.Epsilon);
            int converged = 0;
            while (converged < wanted && basis.RitzResidual(ritz, converged) <= options.Tolerance * Math.Max(ritz.Ordered[converged].Value.Magnitude, scale)) converged++;
            progress?.Report((double)converged / wanted);
            bool done = converged >= wanted || basis.Size == n;
            if (done || restart >= options.MaxRestarts)
                return Finish(a, basis, ritz, ritz.KeepWhole(wanted), done ? EigenStatus.Converged : EigenStatus.NotConverged, restart,
                    done ? "" : $"{converged} of {wanted} eigenpairs converged after {restart} restarts; raise the basis size or the restarts.");
            int keep = ritz.KeepWhole(Math.Min(basis.Capacity - 1, wanted + (basis.Capacity - wanted) / 2));
            if (keep >= basis.Capacity) keep = ritz.KeepWhole(wanted);
            basis.Restart(ritz, keep);
        }
    }

    /// <summary>The Ritz vectors of the first <paramref name="count"/> pairs with their true residuals.</summary>
    private static NonsymmetricEigenResult Finish(ILinearOperator a, KrylovBasis basis, RitzPairs ritz, int count, EigenStatus status, int restarts, string messages)
    {
        var values = new List<Complex>();
        var vectors = new List<EigenVector>();
        var residuals = new List<double>();
        var ax = new double[a.Size];
        for (int k = 0; k < count; k++)
        {
            var theta = ritz.Ordered[k].Value;
            var (cr, ci) = ritz.Coefficients(k);
            var re = basis.Combine(cr);
            double[]? im = ci.Length == 0 ? null : basis.Combine(ci);
            // ‖A x − θx‖² with x = re + i·im: (A re − θᵣre + θᵢim) + i(A im − θᵣim − θᵢre)
            a.Apply(re, ax);
            double r2 = 0;
            for (int i = 0; i < ax.Length; i++)
            {
                double d = ax[i] - theta.Real * re[i] + (im is null ? 0 : theta.Imaginary * im[i]);
                r2 += d * d;
            }
            if (im is not null)
            {
                a.Apply(im, ax);
                for (int i = 0; i < ax.Length; i++)
                {
                    double d = ax[i] - theta.Real * im[i] - theta.Imaginary * re[i];
                    r2 += d * d;
                }
            }
            values.Add(theta);
            vectors.Add(new EigenVector(re, im));
            residuals.Add(Math.Sqrt(r2));
        }
        bool finite = residuals.All(double.IsFinite);
        return new NonsymmetricEigenResult
        {
            Status = finite ? status : EigenStatus.NumericalIssue,
            Values = values,
            Vectors = vectors,
            Residuals = residuals,
            Restarts = restarts,
            OperatorApplications = basis.Applications,
            Messages = finite ? messages : "the operator produced non-finite values",
        };
    }
}
