using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Scenarios;
using Spectre.Console;

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
        catch (FormulaException e)
        {
            Error($"invalid formula: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (UsageException e)
        {
            Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (ArgumentException e)
        {
            Error(e.Message);
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

    /// <summary>Prints an error line to stderr.</summary>
    public static void Error(string message)
    {
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        err.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
    }
}

/// <summary>A command-line usage problem (bad option value), reported with exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
