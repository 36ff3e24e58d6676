namespace FokkerPlanck.Core.Spectral;

/// <summary>
/// Computes a few eigenpairs of a real symmetric operator. Implementations never throw on
/// non-convergence; they report it in <see cref="EigenResult.Status"/>.
/// </summary>
public interface IEigenSolver
{
    /// <summary>Computes the eigenpairs of <paramref name="problem"/> nearest to <see cref="EigenOptions.Shift"/>.</summary>
    /// <param name="problem">The matrix, the shifted-solver factory, known eigenvectors and the optional inertia counter.</param>
    /// <param name="options">Count, shift, tolerance and iteration limits.</param>
    /// <returns>The eigenpairs in ascending order together with status and diagnostics.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid or inconsistent with the problem.</exception>
    EigenResult Solve(EigenProblem problem, EigenOptions options);
}
