using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Cli;

/// <summary>
/// Runs a command body and maps domain exceptions to one-line messages and exit codes
/// (no stack traces for user errors).
/// </summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code or the mapped one.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ScenarioException e)
        {
            Error($"invalid scenario: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Core.Sweeps.SweepException e)
        {
            Error($"invalid sweep: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (FormulaException e)
        {
            Error($"invalid formula: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Core.Schedules.ScheduleException e)
        {
            Error($"invalid schedule: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Core.IO.SampleFileException e)
        {
            Error($"invalid samples: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Core.Memory.MemoryLimitException e)
        {
            Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (UsageException e)
        {
            Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Core.Spectral.ConvergenceException e)
        {
            Error($"did not converge: {e.Message}");
            return ExitCodes.NotConverged;
        }
        catch (Core.LinearAlgebra.Factorization.FactorizationException e)
        {
            Error($"numerical failure: {e.Message} (the operator is singular at the shift; try a finer grid or a different final LR).");
            return ExitCodes.NotConverged;
        }
        catch (ArgumentException e)
        {
            Error(UserMessage(e));
            return ExitCodes.InvalidInput;
        }
        catch (IOException e)
        {
            Error($"I/O error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (UnauthorizedAccessException e)
        {
            Error($"I/O error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            Error("cancelled; results written so far are kept.");
            return ExitCodes.NotConverged;
        }
#pragma warning disable CA1031 // last-resort handler: report a bug without a stack trace unless asked for one
        catch (Exception e)
#pragma warning restore CA1031
        {
            Error($"internal error ({e.GetType().Name}): {e.Message}. Please report it with the command line; set FOKKERPLANCK_DEBUG=1 for the stack trace.");
            if (Environment.GetEnvironmentVariable("FOKKERPLANCK_DEBUG") == "1") Console.Error.WriteLine(e);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// The message of an argument exception without what .NET appends for programmers: the
    /// " (Parameter 'name')" suffix and an out-of-range exception's "Actual value was …" line.
    /// </summary>
    internal static string UserMessage(ArgumentException e)
    {
        string message = e.Message;
        if (e.ParamName is not null)
        {
            int k = message.IndexOf($" (Parameter '{e.ParamName}')", StringComparison.Ordinal);
            if (k > 0) message = message[..k];
        }
        return message;
    }

    /// <summary>Prints an error as one line on stderr (never wrapped; red label on a terminal).</summary>
    public static void Error(string message) => Line("error", "31", message);

    /// <summary>Prints a warning as one line on stderr.</summary>
    public static void Warning(string message) => Line("warning", "33", message);

    /// <summary>Prints a note (a setting the command chose for the user) as one line on stderr.</summary>
    public static void Note(string message) => Line("note", "36", message);

    private static void Line(string label, string colour, string message)
    {
        string flat = message.ReplaceLineEndings(" ");
        Console.Error.WriteLine(Console.IsErrorRedirected ? $"{label}: {flat}" : $"\u001b[{colour}m{label}:\u001b[0m {flat}");
    }
}

/// <summary>A command-line usage problem (bad option value), reported with exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
