namespace FokkerPlanck.Cli;

/// <summary>Documented process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>Invalid input: scenario, options, files.</summary>
    public const int InvalidInput = 1;
    /// <summary>An iterative solver did not converge (results so far are written).</summary>
    public const int NotConverged = 2;
    /// <summary><c>check --strict</c> found warnings.</summary>
    public const int Warnings = 3;
    /// <summary>
    /// <c>check-samples</c>: the samples of some time are inconsistent with the Fokker–Planck solution at the
    /// chosen level. The same code as <see cref="Warnings"/>: 3 means "a check ran and failed".
    /// </summary>
    public const int Inconsistent = 3;
    /// <summary>Unexpected internal error (a bug: please report with the command line).</summary>
    public const int InternalError = 70;
}
