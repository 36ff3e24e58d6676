using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FokkerPlanck.Core.Benchmarks;

namespace FokkerPlanck.Cli.Bench;

/// <summary>
/// Runs one benchmark size in a fresh copy of this program (<c>bench --single N</c>) so that the
/// process-wide peak resident set belongs to that size alone; the child prints one JSON line.
/// </summary>
internal static class ChildProcessRunner
{
    /// <summary>Prefix of the child's result line on stdout.</summary>
    public const string ResultMarker = "BENCH-RESULT ";

    /// <summary>Serializer settings shared by child and parent (snake_case, NaN allowed).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private const string AppHostName = "fokkerplanck";
    private const string MuxerName = "dotnet";

    /// <summary>Runs the child and parses its result.</summary>
    /// <exception cref="InvalidOperationException">The child failed or printed no result.</exception>
    public static SpectrumBenchmarkResult Run(string caseName, int cellsPerAxis, int modes, double tolerance, bool extras, int? blockSize)
    {
        var args = new List<string>
        {
            "bench", "--single", cellsPerAxis.ToString(CultureInfo.InvariantCulture), "--case", caseName,
            "--modes", modes.ToString(CultureInfo.InvariantCulture), "--tolerance", tolerance.ToString("R", CultureInfo.InvariantCulture),
        };
        if (!extras) args.Add("--skip-extras");
        if (blockSize is { } b)
        {
            args.Add("--block-size");
            args.Add(b.ToString(CultureInfo.InvariantCulture));
        }
        return Run<SpectrumBenchmarkResult>(args, cellsPerAxis);
    }

    /// <summary>Runs this program with <paramref name="arguments"/> (a <c>--single</c> measurement) and parses the result line it prints.</summary>
    /// <typeparam name="T">The result record the child emits.</typeparam>
    /// <exception cref="InvalidOperationException">The child failed or printed no result.</exception>
    public static T Run<T>(IEnumerable<string> arguments, int cellsPerAxis)
    {
        var psi = StartInfo();
        foreach (string a in arguments) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {psi.FileName}");
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        string? line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        if (p.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"benchmark child for N = {cellsPerAxis} failed (exit {p.ExitCode}): {err.Result.Trim()} {output.Trim()}");
        return JsonSerializer.Deserialize<T>(line[ResultMarker.Length..], Json)
               ?? throw new InvalidOperationException("benchmark child printed an empty result");
    }

    /// <summary>
    /// Runs this program with <paramref name="arguments"/> as a user would and returns its exit code, the
    /// wall seconds from process start to exit (measured here) and its standard error.
    /// </summary>
    public static (int ExitCode, double WallSeconds, string Error) RunTimed(IEnumerable<string> arguments)
    {
        var psi = StartInfo();
        foreach (string a in arguments) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {psi.FileName}");
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        double wall = sw.Elapsed.TotalSeconds;
        return (p.ExitCode, wall, err.Result);
    }

    /// <summary>Prints the result line (child side).</summary>
    /// <typeparam name="T">The result record.</typeparam>
    public static void Emit<T>(T result)
        => Console.Out.WriteLine(ResultMarker + JsonSerializer.Serialize(result, Json));

    /// <summary>How to re-invoke this program: its app host directly, or the muxer with this assembly.</summary>
    private static ProcessStartInfo StartInfo()
    {
        string? self = Environment.ProcessPath;
        string dll = typeof(ChildProcessRunner).Assembly.Location;
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (self is not null && Path.GetFileNameWithoutExtension(self) == AppHostName)
        {
            psi.FileName = self;
            return psi;
        }
        psi.FileName = self is not null && Path.GetFileNameWithoutExtension(self) == MuxerName
            ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? MuxerName;
        psi.ArgumentList.Add(dll);
        return psi;
    }
}
