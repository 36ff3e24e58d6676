using System.Globalization;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Memory;
using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Cli.Commands;

/// <summary>
/// The shared <c>--max-memory SIZE</c> option and the memory guard of the commands that factorize or
/// allocate big ensembles: the estimate (<see cref="MemoryModel"/>) is compared with the limit, or with
/// the memory available, before the expensive work starts.
/// </summary>
internal static class MaxMemoryOption
{
    private const string Name = "--max-memory";

    /// <summary>Binary unit suffixes: K, M, G, T (an optional "B" or "iB" after them).</summary>
    private static readonly (string Suffix, long Factor)[] Units = [("T", 1L << 40), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10)];

    /// <summary>Creates the option.</summary>
    public static System.CommandLine.Option<string?> Create() => new(Name)
    {
        Description = "Refuse to start when the estimated peak memory exceeds SIZE (e.g. 8G, 512M; binary units); default: the memory available (MemAvailable, or the cgroup limit if lower).",
    };

    /// <summary>Parses SIZE into bytes: a positive number with an optional K, M, G or T (binary units); null when absent.</summary>
    /// <exception cref="UsageException">The text is not a size.</exception>
    public static long? Parse(string? text)
    {
        if (text is null) return null;
        string t = text.Trim().ToUpperInvariant();
        if (t.EndsWith("IB", StringComparison.Ordinal)) t = t[..^2];
        else if (t.EndsWith('B')) t = t[..^1];
        long factor = 1;
        foreach (var (suffix, f) in Units)
        {
            if (!t.EndsWith(suffix, StringComparison.Ordinal)) continue;
            factor = f;
            t = t[..^1];
            break;
        }
        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double v) || !(v > 0) || v * factor >= long.MaxValue)
            throw new UsageException($"{Name}: '{text}' is not a memory size (a positive number with K, M, G or T, e.g. 8G or 512M).");
        return (long)(v * factor);
    }

    /// <summary>The bytes a command may use: <c>--max-memory</c> when given, else the memory available (null where neither is known).</summary>
    public static (long Bytes, string Source)? Available(string? maxMemoryText) => Parse(maxMemoryText) is long l ? (l, Name) : AvailableMemory.Read();

    /// <summary>
    /// Refuses (<see cref="MemoryLimitException"/>, one line) when <paramref name="estimate"/> on the scenario's
    /// grid, or <paramref name="nx"/> × <paramref name="ny"/> when given, exceeds <c>--max-memory</c> or the
    /// memory available; does nothing where neither is known.
    /// </summary>
    /// <param name="command">The command's name, for the message.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="nx">The <c>--grid</c> override along x, if any.</param>
    /// <param name="ny">The <c>--grid</c> override along y, if any.</param>
    /// <param name="maxMemoryText">The option's text, if given.</param>
    /// <param name="estimate">The command's estimate on a grid.</param>
    /// <param name="refinement">The finest grid the command solves on, relative to the given one (a grid study's refinement ratio).</param>
    /// <param name="gridSetting">How a user of this command asks for another grid (default <c>--grid NXxNY</c>).</param>
    /// <returns>The memory model of the grid checked (the given one times <paramref name="refinement"/>), whose symbolic analysis a solver on that grid can reuse; null where nothing was checked.</returns>
    public static MemoryModel? Enforce(string command, Scenario scenario, int? nx, int? ny, string? maxMemoryText, Func<MemoryModel, MemoryEstimate> estimate, double refinement = 1.0,
        Func<GridCells, string>? gridSetting = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        long? limit = Parse(maxMemoryText);
        var available = limit is long l ? (l, Name) : AvailableMemory.Read();
        if (available is not var (bytes, source)) return null;
        var cells = GridCells.Of(scenario.WithGrid(nx, ny));
        // rounded as the grid study rounds its grids
        int Finest(int c) => c == 1 ? 1 : (int)Math.Round(c * refinement);
        MemoryModel? checkedGrid = null;
        MemoryGuard.Enforce(command, cells, (x, y) =>
        {
            var model = MemoryModel.ForGrid(Finest(x), Finest(y));
            checkedGrid ??= model; // the first estimate is the one of the grid asked for
            return estimate(model);
        }, bytes, source, gridSetting);
        return checkedGrid;
    }

    /// <summary>
    /// The memory guard of a command that runs Mpemba studies: refuses (as <see cref="Enforce"/>) when one
    /// eigen-solve of the study's finest grid (<paramref name="scenario"/>'s grid times
    /// <paramref name="refinement"/>) exceeds the limit, and returns how many of the study's solves may run
    /// at once (<see cref="MpembaStudyOptions.ConcurrentSolves"/>).
    /// </summary>
    public static int EnforceStudy(string command, Scenario scenario, string? maxMemoryText, double refinement, Func<GridCells, string>? gridSetting = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        bool backwardLu = MemoryModel.NeedsBackwardLu(scenario);
        MemoryEstimate Solve(MemoryModel m) => m.Spectrum(scenario.Mpemba.Modes, backwardLu: backwardLu);
        var finest = Enforce(command, scenario, null, null, maxMemoryText, Solve, refinement, gridSetting);
        return ConcurrentSolves(command, finest, Solve, maxMemoryText);
    }

    /// <summary>
    /// How many of a study's independent solves may run at once (<see cref="MpembaStudyOptions.ConcurrentSolves"/>):
    /// the most, up to the threads, whose estimate on the finest grid (<paramref name="finest"/>, from
    /// <see cref="Enforce"/>) fits <c>--max-memory</c> or the memory available; 0 (one per thread) where
    /// neither is known. Fewer than the threads is said in one line on stderr.
    /// </summary>
    private static int ConcurrentSolves(string command, MemoryModel? finest, Func<MemoryModel, MemoryEstimate> estimate, string? maxMemoryText)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (finest is null || Available(maxMemoryText) is not var (bytes, source)) return 0;
        int threads = Parallelism.Threads;
        var one = estimate(finest);
        int fit = one.ConcurrentWithin(bytes, threads);
        if (fit < threads)
            CommandRunner.Note($"{command}: {fit} solve{(fit == 1 ? "" : "s")} at a time instead of {threads}, to stay within {MemoryEstimate.FormatBytes(bytes)} ({source}): "
                + $"{fit + 1} at once would need about {MemoryEstimate.FormatBytes(one.Concurrent(fit + 1).TotalBytes)}; the numbers are the same, only slower.");
        return fit;
    }
}
