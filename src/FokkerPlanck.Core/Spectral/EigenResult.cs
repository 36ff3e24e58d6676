namespace FokkerPlanck.Core.Spectral;

/// <summary>Eigenpairs and diagnostics of an eigensolver run.</summary>
/// <remarks>
/// <see cref="Values"/>, <see cref="Vectors"/> and <see cref="Residuals"/> are index-aligned and
/// sorted by ascending eigenvalue; known (deflated) pairs are included. Each vector is a separate
/// array of length n with unit 2-norm; its sign is arbitrary.
/// </remarks>
public sealed record EigenResult
{
    /// <summary>Outcome of the run.</summary>
    public required EigenStatus Status { get; init; }

    /// <summary>Eigenvalues in ascending order.</summary>
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>Unit-norm eigenvectors; <c>Vectors[j]</c> belongs to <c>Values[j]</c>.</summary>
    public required IReadOnlyList<double[]> Vectors { get; init; }

    /// <summary>True residual norms ‖A u_j − λ_j u_j‖₂ (absolute, unit-norm u_j).</summary>
    public required IReadOnlyList<double> Residuals { get; init; }

    /// <summary>The matrix-norm estimate ‖A‖ used in the relative convergence criterion.</summary>
    public double NormEstimate { get; init; }

    /// <summary>Number of thick restarts (outer iterations) performed.</summary>
    public int Iterations { get; init; }

    /// <summary>Number of vectors the spectral-transformation operator was applied to (one per column of a block).</summary>
    public long OperatorApplications { get; init; }

    /// <summary>Number of calls to the operator; a block call counts once (a factor streamed once).</summary>
    public long OperatorCalls { get; init; }

    /// <summary>Number of products with the matrix A (true residuals and the norm estimate).</summary>
    public long MatrixApplications { get; init; }

    /// <summary>
    /// Result of the inertia check: the number of eigenvalues in the computed range that the
    /// solver did not return; null when no <see cref="EigenProblem.EigenvalueCounter"/> was given.
    /// </summary>
    public int? MissedEigenvalues { get; init; }

    /// <summary>Seed of the start-vector generator (for reproducibility).</summary>
    public ulong Seed { get; init; }

    /// <summary>Human-readable diagnostics (reasons for non-convergence, breakdowns, the inertia check).</summary>
    public string Messages { get; init; } = string.Empty;
}
