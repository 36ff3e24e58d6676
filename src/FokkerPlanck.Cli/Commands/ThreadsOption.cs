using System.CommandLine;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// <c>--threads N</c>, one option shared by every command that computes: it caps every parallel stage of
/// the process (<see cref="Parallelism"/>). The numbers do not depend on it, to the bit: every parallel
/// sum is cut into pieces that do not depend on the thread count and added in a fixed order.
/// </summary>
internal static class ThreadsOption
{
    /// <summary>The option (one instance on every command, so <see cref="CliApp"/> reads it before the command runs).</summary>
    public static Option<int?> Instance { get; } = new("--threads") { Description = "Threads of every parallel stage (default: all cores)." };

    /// <summary>Applies the parsed value to the process (all cores when absent).</summary>
    /// <exception cref="UsageException">The value is below 1.</exception>
    public static void Apply(ParseResult parse)
    {
        int? threads = parse.GetValue(Instance);
        if (threads is < 1) throw new UsageException($"--threads must be ≥ 1, got {threads}.");
        Parallelism.SetThreads(threads);
    }
}
