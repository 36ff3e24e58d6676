namespace FokkerPlanck.Core.Spectral;

/// <summary>Convenience wrappers for callers that prefer exceptions to status values.</summary>
public static class EigenSolverExtensions
{
    /// <summary>
    /// Runs <paramref name="solver"/> and throws a <see cref="ConvergenceException"/> unless the result
    /// is <see cref="EigenStatus.Converged"/>.
    /// </summary>
    /// <param name="solver">The eigensolver.</param>
    /// <param name="problem">The eigenproblem.</param>
    /// <param name="options">The solver options.</param>
    /// <returns>The converged result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ConvergenceException">The solver did not converge; the exception carries the result.</exception>
    public static EigenResult SolveOrThrow(this IEigenSolver solver, EigenProblem problem, EigenOptions options)
    {
        ArgumentNullException.ThrowIfNull(solver);
        var result = solver.Solve(problem, options);
        return result.Status == EigenStatus.Converged ? result : throw new ConvergenceException(result);
    }
}
