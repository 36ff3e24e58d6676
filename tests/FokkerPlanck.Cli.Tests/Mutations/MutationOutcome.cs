namespace FokkerPlanck.Cli.Tests.Mutations;

/// <summary>
/// The rule every mutation is held to: the command either runs normally (exit 0, or 3 for a check that
/// ran and failed), or exits 1 with exactly one <c>error:</c> line that names the key, the line and
/// column or the file, and writes no output folder; never a stack trace, an internal type name or exit 70.
/// </summary>
internal static class MutationOutcome
{
    /// <summary>What a user must never see: stack frames, .NET and internal type names, the internal-error text.</summary>
    private static readonly string[] Forbidden =
        ["   at ", "Exception", "System.", "NullReference", "FokkerPlanck.Core", "FokkerPlanck.Cli", "internal error", "(Parameter '", "Actual value was"];

    /// <summary>Set to a file path to get one line per mutation (command, class, name, outcome) appended there: the battery's tally.</summary>
    private const string LogVariable = "FOKKERPLANCK_MUTATION_LOG";

    private static readonly Lock LogLock = new();

    /// <summary>Runs the command on the mutation and asserts the rule; returns "runs" or "refused".</summary>
    /// <param name="command">The command's name, for the tally.</param>
    /// <param name="mutation">The input.</param>
    /// <param name="args">The full command line.</param>
    /// <param name="outDir">The command's <c>--out</c> folder, or null when it has none.</param>
    public static string Check(string command, Mutation mutation, string[] args, string? outDir)
    {
        var (code, err) = InProcessCli.Run(args);
        string context = $"{command} / {mutation.Name}: exit {code}; stderr:\n{err}";
        foreach (string f in Forbidden) Assert.False(err.Contains(f, StringComparison.Ordinal), $"'{f}' in {context}");
        string outcome;
        if (code is ExitCodes.Ok or ExitCodes.Inconsistent)
        {
            outcome = "runs";
        }
        else
        {
            Assert.True(code == ExitCodes.InvalidInput, context);
            var errors = err.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 1, $"not exactly one error line: {context}");
            Assert.True(mutation.Names.Any(n => errors[0].Contains(n, StringComparison.Ordinal)),
                $"the error names none of [{string.Join(", ", mutation.Names)}]: {context}");
            if (outDir is not null) Assert.False(Directory.Exists(outDir), $"the output folder was created: {context}");
            outcome = "refused";
        }
        if (Environment.GetEnvironmentVariable(LogVariable) is { Length: > 0 } log)
            lock (LogLock) File.AppendAllText(log, $"{command}\t{mutation.Class}\t{mutation.Name}\t{outcome}\n");
        return outcome;
    }
}
