using System.Text;
using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Spectral.Lanczos;

/// <summary>
/// Evaluates candidate eigenvectors against the original matrix (Rayleigh quotient and true
/// residual), merges the known pairs, sorts, and runs the optional inertia check.
/// </summary>
internal sealed class EigenpairAssembler
{
    /// <summary>
    /// The inertia check counts eigenvalues in [min − δ, max + δ) with
    /// δ = InertiaMarginFactor · τ · max(|λ|, ‖A‖): a computed eigenvalue is accurate to about its
    /// residual τ·scale (Bauer–Fike / Weyl, G&amp;VL 4th ed. Thm 8.1.13), so this margin keeps the
    /// found ones inside the window while staying far below any resolvable gap.
    /// </summary>
    private const double InertiaMarginFactor = 10.0;

    /// <summary>Unit round-off of IEEE double precision, 2⁻⁵².</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly ILinearOperator _a;
    private readonly double _normA;
    private readonly double[] _work;

    public EigenpairAssembler(ILinearOperator a, double normA, long matrixApplications = 0)
    {
        MatrixApplications = matrixApplications;
        _a = a;
        _normA = normA;
        _work = new double[a.Size];
    }

    /// <summary>Products with A performed so far.</summary>
    public long MatrixApplications { get; private set; }

    /// <summary>Scale of the normwise criterion for eigenvalue λ: max(|λ|, ‖A‖) (dense reference, inertia margins).</summary>
    public double Scale(double lambda) => Math.Max(Math.Abs(lambda), _normA);

    /// <summary>
    /// Residual a shift-invert pair (λ, u) must reach: <c>max(τ·|λ − ρ|, RoundoffFactor·ε·(‖A‖ + |λ|))</c>,
    /// ρ the <paramref name="reference"/> point (the shift σ unless <see cref="EigenOptions.ToleranceReference"/> is set).
    /// With ρ = σ the first term is the transformed problem's relative criterion ‖(A − σI)⁻¹u − νu‖ ≤ τ|ν|
    /// (ARPACK's, Lehoucq, Sorensen &amp; Yang 1998, §4.6) carried back to A; the second is the level
    /// rounding leaves in a computed residual (each entry of Au − λu carries an error of about
    /// ε·(|A||u| + |λ||u|), Higham, <i>Accuracy and Stability</i>, 2nd ed., §3.5), below which no
    /// vector can be shown to be better.
    /// </summary>
    public double Target(double lambda, double reference, double tolerance)
        => Math.Max(tolerance * Math.Abs(lambda - reference), RoundoffFactor * MachineEpsilon * (_normA + Math.Abs(lambda)));

    /// <summary>
    /// Multiple of ε·(‖A‖ + |λ|) accepted as the rounding floor of a residual: the computed residual of an exact
    /// eigenvector of a 5-point operator measures about 1–2 ε‖A‖ (the SciPy/ARPACK peer's at 1024² is 1.05 ε‖A‖),
    /// and the backward error of the shift-invert solve adds as much again.
    /// </summary>
    public const double RoundoffFactor = 8.0;

    /// <summary>
    /// <see cref="Evaluate"/> for several vectors: with a CSR matrix in three parallel sweeps, the first
    /// loading each matrix row once for all vectors (<see cref="RayleighResiduals"/>), else one by one.
    /// </summary>
    public (double[] Lambda, double[] Residual) EvaluateAll(IReadOnlyList<double[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (_a is CsrMatrix csr)
        {
            MatrixApplications += vectors.Count;
            return RayleighResiduals.Compute(csr, vectors);
        }
        var lambda = new double[vectors.Count];
        var residual = new double[vectors.Count];
        for (int j = 0; j < vectors.Count; j++) (lambda[j], residual[j]) = Evaluate(vectors[j]);
        return (lambda, residual);
    }

    /// <summary>
    /// Rayleigh quotient λ = uᵀAu of the unit vector u (normalized here) and the true residual ‖A u − λ u‖.
    /// </summary>
    public (double Lambda, double Residual) Evaluate(double[] u)
    {
        VectorOps.Scale(u, 1.0 / VectorOps.Norm(u));
        _a.Apply(u, _work);
        MatrixApplications++;
        double lambda = VectorOps.Dot(u, _work);
        VectorOps.AddScaled(_work, -lambda, u);
        return (lambda, VectorOps.Norm(_work));
    }

    /// <summary>
    /// Builds the result: known pairs (residual evaluated with their given eigenvalue) plus the
    /// computed ones, ascending; the inertia check may demote a converged status.
    /// </summary>
    public EigenResult Build(EigenProblem problem, EigenOptions options, EigenStatus status,
        List<(double Lambda, double[] Vector, double Residual)> computed, int restarts,
        long opApplications, long opCalls, StringBuilder messages)
    {
        var pairs = new List<(double Lambda, double[] Vector, double Residual)>(computed);
        for (int i = 0; i < problem.KnownVectors.Count; i++)
        {
            var u = (double[])problem.KnownVectors[i].Clone();
            VectorOps.Scale(u, 1.0 / VectorOps.Norm(u));
            double lambda = problem.KnownValues[i];
            _a.Apply(u, _work);
            MatrixApplications++;
            VectorOps.AddScaled(_work, -lambda, u);
            pairs.Add((lambda, u, VectorOps.Norm(_work)));
        }
        pairs.Sort((x, y) => x.Lambda.CompareTo(y.Lambda));

        int? missed = null;
        if (problem.EigenvalueCounter is { } counter && pairs.Count > 0 && status != EigenStatus.NumericalIssue)
        {
            double lo = Math.Min(options.Shift, pairs[0].Lambda);
            double hi = Math.Max(options.Shift, pairs[^1].Lambda);
            lo -= InertiaMarginFactor * options.Tolerance * Scale(lo);
            hi += InertiaMarginFactor * options.Tolerance * Scale(hi);
            int inWindow = counter(hi) - counter(lo); // each call may cost a factorization: call once
            missed = inWindow - pairs.Count;
            if (missed != 0)
            {
                messages.Append($"Inertia check: {inWindow} eigenvalue(s) in [{lo:G6}, {hi:G6}) but {pairs.Count} returned (missed {missed}). ");
                if (status == EigenStatus.Converged) status = EigenStatus.NotConverged;
            }
        }

        return new EigenResult
        {
            Status = status,
            Values = pairs.ConvertAll(p => p.Lambda),
            Vectors = pairs.ConvertAll(p => p.Vector),
            Residuals = pairs.ConvertAll(p => p.Residual),
            NormEstimate = _normA,
            Iterations = restarts,
            OperatorApplications = opApplications,
            OperatorCalls = opCalls,
            MatrixApplications = MatrixApplications,
            MissedEigenvalues = missed,
            Seed = options.Seed,
            Messages = messages.ToString().TrimEnd(),
        };
    }
}
