namespace FokkerPlanck.Core.Spectral;

/// <summary>
/// Thrown by <see cref="EigenSolverExtensions.SolveOrThrow"/> when an eigensolver does not report
/// <see cref="EigenStatus.Converged"/>. The solvers themselves never throw it.
/// </summary>
public sealed class ConvergenceException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public ConvergenceException() : base("The eigensolver did not converge.") { }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">Description of the failure.</param>
    public ConvergenceException(string message) : base(message) { }

    /// <summary>Creates an exception with the given message and inner exception.</summary>
    /// <param name="message">Description of the failure.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ConvergenceException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an exception carrying the full result of the failed run.</summary>
    /// <param name="result">The result whose status was not <see cref="EigenStatus.Converged"/>.</param>
    public ConvergenceException(EigenResult result)
        : base(FormatMessage(result)) => Result = result;

    /// <summary>The result of the failed run, when the exception was created from one.</summary>
    public EigenResult? Result { get; }

    private static string FormatMessage(EigenResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"Eigensolver finished with status {result.Status} after {result.Iterations} restart(s) and " +
               $"{result.OperatorApplications} operator application(s). {result.Messages}";
    }
}
