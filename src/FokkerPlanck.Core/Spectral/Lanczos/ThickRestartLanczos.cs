using System.Text;
using FokkerPlanck.Core.Spectral.Operators;

namespace FokkerPlanck.Core.Spectral.Lanczos;

/// <summary>
/// Block thick-restart Lanczos with full reorthogonalization on the shift-invert transformation
/// (A − σI)⁻¹, with known eigenvectors deflated exactly. Computes the eigenpairs of a large sparse
/// symmetric matrix nearest to σ (for the Fokker–Planck generator: the slowest relaxation modes).
/// </summary>
/// <remarks>
/// <para><b>Method.</b> Thick-restart Lanczos (Wu &amp; Simon, SIAM J. Matrix Anal. Appl. 22(2)
/// (2000) 602): a Krylov basis of at most m = KrylovDimension vectors is grown block by block
/// (b = BlockSize vectors per operator call, Golub &amp; Van Loan 4th ed. §10.3.6), the projected
/// matrix H = VᵀBV is diagonalized (<see cref="Dense.DenseSymmetricEigen"/>), and the basis is
/// restarted with the l best Ritz vectors, which keeps the Lanczos relation B V = V H + Q R Eᵀ with
/// H diagonal on the kept part. Full reorthogonalization (<see cref="BlockKrylovBasis"/>) makes
/// H = VᵀBV to working precision. Ritz values ν map back to λ = σ + 1/ν (Ericsson &amp; Ruhe 1980);
/// the returned λ is the Rayleigh quotient uᵀAu of the Ritz vector u with the original A.</para>
/// <para><b>Convergence criterion</b> (true residual, original matrix, purified Ritz vectors): a
/// pair is converged when ‖A u − λ u‖₂ ≤ max(τ·|λ − ρ|, 8ε(‖A‖ + |λ|)), ‖u‖ = 1,
/// τ = <see cref="EigenOptions.Tolerance"/>, ρ = <see cref="EigenOptions.ToleranceReference"/> (σ by
/// default): with ρ = σ the transformed problem's relative criterion carried back to A, floored at the
/// rounding level of a computed residual (<see cref="EigenpairAssembler.Target"/>).
/// The Ritz vectors are purified by the free extra application of the operator that the Lanczos
/// relation provides (ARPACK's shift-invert post-processing), which makes the Krylov estimate over ν²
/// their exact-arithmetic residual; true residuals are computed only once that estimate is below
/// the target for all wanted pairs.</para>
/// <para><b>Multiplicity.</b> A block of size b captures eigenvalues of multiplicity up to b; with
/// b = 1 a second copy of an exactly repeated eigenvalue is only reached through rounding and may
/// be missed, which the inertia check (<see cref="EigenProblem.EigenvalueCounter"/>) detects.</para>
/// <para>Not thread-safe per call; one instance can be reused sequentially.</para>
/// </remarks>
public sealed class ThickRestartLanczos : IEigenSolver
{
    /// <summary>
    /// Floor of the default Krylov dimension max(2·nev, 20) + 2·b: ARPACK's ncv ≈ 2·nev rule with
    /// head-room for small nev, plus two blocks so that a restart always adds at least one full block
    /// (measured: with a smaller space block sizes ≥ 4 need many more restarts).
    /// </summary>
    private const int MinimumDefaultKrylovDimension = 20;

    /// <inheritdoc/>
    public EigenResult Solve(EigenProblem problem, EigenOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var a = problem.Matrix ?? throw new ArgumentException("Matrix is required.", nameof(problem));
        int n = a.Size, known = problem.KnownVectors.Count, b = options.BlockSize;
        if (problem.KnownValues.Count != known)
            throw new ArgumentException($"KnownValues has {problem.KnownValues.Count} entries but KnownVectors has {known}.", nameof(problem));
        int nev = options.Count - known;
        if (nev < 0)
            throw new ArgumentException($"Count ({options.Count}) includes the known pairs and must be at least their number ({known}).", nameof(options));
        int m = Math.Min(options.KrylovDimension ?? Math.Max(2 * nev, MinimumDefaultKrylovDimension) + 2 * b, n - known - b);
        if (nev > 0 && m < nev + b)
            throw new ArgumentException($"n = {n} is too small for Count = {options.Count} with BlockSize = {b} (need Count + BlockSize < n); use DenseEigenSolver.", nameof(options));

        var messages = new StringBuilder();
        if (problem.NormEstimate is double given && (!double.IsFinite(given) || given <= 0.0))
            throw new ArgumentException($"NormEstimate must be positive and finite, got {given}.", nameof(problem));
        int powerSteps = 0;
        double normA = problem.NormEstimate ?? PowerNormEstimator.Estimate(a, options.Seed, out powerSteps);
        var assembler = new EigenpairAssembler(a, normA, powerSteps);
        if (nev == 0)
            return assembler.Build(problem, options, EigenStatus.Converged, [], 0, 0, 0, messages);

        var solver = problem.ShiftedSolverFactory(options.Shift)
            ?? throw new ArgumentException("ShiftedSolverFactory returned null.", nameof(problem));
        if (solver.Size != n) throw new ArgumentException($"The shifted solver has size {solver.Size}, expected {n}.", nameof(problem));
        var shiftInvert = new ShiftInvertOperator(solver, options.Shift);
        DeflatedOperator? deflated = known > 0 ? new DeflatedOperator(shiftInvert, problem.KnownVectors, inputsDeflated: true) : null;
        IBlockLinearOperator op = deflated is null ? shiftInvert : deflated;

        var run = new LanczosIteration(op, n, m, b, nev, deflated is null ? null : deflated.Project, options.Seed);
        return run.Execute(shiftInvert, assembler, problem, options, messages);
    }
}
