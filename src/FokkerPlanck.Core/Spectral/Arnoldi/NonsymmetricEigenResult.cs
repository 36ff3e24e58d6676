using System.Numerics;

namespace FokkerPlanck.Core.Spectral.Arnoldi;

/// <summary>An eigenvector of a real matrix: real, or <c>Re + i·Im</c> for a complex eigenvalue.</summary>
/// <param name="Re">Real part.</param>
/// <param name="Im">Imaginary part; null for a real eigenvalue.</param>
public sealed record EigenVector(double[] Re, double[]? Im)
{
    /// <summary>True when the vector (and its eigenvalue) is real.</summary>
    public bool IsReal => Im is null;
}

/// <summary>Eigenpairs of a non-symmetric operator.</summary>
public sealed record NonsymmetricEigenResult
{
    /// <summary>Converged, or why not; non-convergence is a value, never an exception.</summary>
    public required EigenStatus Status { get; init; }

    /// <summary>The eigenvalues, ordered by the selection (a complex pair as two consecutive entries, + then −).</summary>
    public required IReadOnlyList<Complex> Values { get; init; }

    /// <summary>The eigenvectors, unit 2-norm; a complex pair's second entry is the conjugate of the first.</summary>
    public required IReadOnlyList<EigenVector> Vectors { get; init; }

    /// <summary>True residuals <c>‖A x − θx‖/‖x‖</c>, computed with the operator after convergence.</summary>
    public required IReadOnlyList<double> Residuals { get; init; }

    /// <summary>Restarts taken.</summary>
    public int Restarts { get; init; }

    /// <summary>Operator applications.</summary>
    public long OperatorApplications { get; init; }

    /// <summary>What went wrong, when something did.</summary>
    public string Messages { get; init; } = string.Empty;
}
