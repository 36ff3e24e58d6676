using System.Diagnostics;
using System.Globalization;
using FokkerPlanck.Core.Memory;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// The memory guard end to end: <c>--max-memory</c> refusals (one line, exit 1, no output folder), bad
/// sizes, and the estimate against the measured peak resident set of <c>spectrum</c> in a child process.
/// </summary>
[Collection("console")]
public sealed class MemoryGuardCommandTests : IDisposable
{
    /// <summary>The estimate must lie within this relative distance of the measured peak (issue 18).</summary>
    private const double PeakTolerance = 0.25;

    /// <summary>How often the child's VmHWM is read (it only grows, so the last read before exit is its peak up to then).</summary>
    private const int PollMilliseconds = 10;

    private readonly string _dir = Directory.CreateTempSubdirectory("fp-memguard-").FullName;
    private readonly string _scenario;

    public MemoryGuardCommandTests()
    {
        _scenario = Path.Combine(_dir, "small.json");
        File.WriteAllText(_scenario, InProcessCli.SmallScenario);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("spectrum")]
    [InlineData("mpemba")]
    [InlineData("evolve")]
    [InlineData("langevin")]
    [InlineData("run")]
    [InlineData("optimize-plateau")]
    [InlineData("sgd")]
    [InlineData("optimize", "--budget-steps", "100")]
    public void TinyLimit_RefusesInOneLine_WithoutOutputFolder(string command, params string[] extra)
    {
        string outDir = Path.Combine(_dir, "out-" + command);
        var (code, err) = InProcessCli.Run([command, _scenario, "--max-memory", "10M", "--out", outDir, .. extra]);
        Assert.Equal(1, code);
        string line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"not enough memory: {command} on the 48x96 grid needs about", line, StringComparison.Ordinal);
        Assert.Contains("10.0 MiB available (--max-memory)", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    /// <summary>
    /// A limit that holds one solve of the finest grid but not two: <c>mpemba</c> runs its solves one at a
    /// time, says so in one note, and finishes (on one core there is nothing to lower and no note).
    /// </summary>
    [Fact]
    public void LimitBetweenOneAndTwoSolves_RunsOneAtATime_WithANote()
    {
        var scenario = Core.Scenarios.ScenarioLoader.Load(_scenario);
        // the grid study's finest grid: 48×96 times √2, rounded as the study rounds
        var one = MemoryModel.ForGrid(68, 136).Spectrum(scenario.Mpemba.Modes, backwardLu: MemoryModel.NeedsBackwardLu(scenario));
        long limit = (one.TotalBytes + one.Concurrent(2).TotalBytes) / 2;
        string outDir = Path.Combine(_dir, "out-one-at-a-time");
        var (code, err) = InProcessCli.Run("mpemba", _scenario, "--max-memory", $"{limit >> 10}K", "--sweep", "2", "--no-plots", "--out", outDir);
        Assert.True(code == 0, err);
        bool note = err.Contains("note: mpemba: 1 solve at a time instead of", StringComparison.Ordinal);
        Assert.Equal(FokkerPlanck.Core.Numerics.Parallelism.Threads > 1, note);
        Assert.True(File.Exists(Path.Combine(outDir, "mpemba.json")));
    }

    [Fact]
    public void Refusal_NamesAGridThatFits()
    {
        string outDir = Path.Combine(_dir, "out");
        var (code, err) = InProcessCli.Run("spectrum", _scenario, "--grid", "512x512", "--max-memory", "150M", "--out", outDir);
        Assert.Equal(1, code);
        var m = System.Text.RegularExpressions.Regex.Match(err, @"a (\d+)x(\d+) grid fits \(about [^;]+; --grid \1x\2\)");
        Assert.True(m.Success, err);
        int nx = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), ny = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(MemoryModel.ForGrid(nx, ny).Spectrum(4).TotalBytes <= 150L << 20);
        Assert.InRange(nx, 64, 511);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-5G")]
    [InlineData("0")]
    [InlineData("12Q")]
    public void BadSize_ExitsOneNamingTheOption(string size)
    {
        var (code, err) = InProcessCli.Run("spectrum", _scenario, "--max-memory", size, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(1, code);
        Assert.Contains("--max-memory", Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8G", 8L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("100k", 102_400)]
    [InlineData("4096", 4096)]
    public void Sizes_ParseInBinaryUnits(string text, long bytes) => Assert.Equal(bytes, FokkerPlanck.Cli.Commands.MaxMemoryOption.Parse(text));

    /// <summary>The peer valley (docs/performance.md, "Memory") at 256² and 384²: the estimate within ±25 % of the child's VmHWM.</summary>
    [Theory]
    [InlineData(256)]
    [InlineData(384)]
    public void Estimate_IsWithinTolerance_OfTheMeasuredPeak(int cells)
    {
        if (!OperatingSystem.IsLinux()) return; // VmHWM is Linux's
        string scenario = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "data", "scenarios", "peer-valley.json");
        long peak = ChildPeak(["spectrum", Path.GetFullPath(scenario), "--grid", $"{cells}x{cells}", "--no-plots", "--out", Path.Combine(_dir, "peak")]);
        long estimate = MemoryModel.ForGrid(cells, cells).Spectrum(6).TotalBytes;
        double ratio = (double)estimate / peak;
        Assert.True(Math.Abs(ratio - 1) <= PeakTolerance, $"{cells}²: estimate {estimate >> 20} MiB, measured {peak >> 20} MiB (ratio {ratio:F2})");
    }

    /// <summary>Runs the CLI in a child process and returns its peak resident set (VmHWM), bytes.</summary>
    private static long ChildPeak(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fokkerplanck.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        long peak = 0;
        string status = $"/proc/{p.Id}/status";
        while (!p.HasExited)
        {
            try
            {
                foreach (string line in File.ReadLines(status))
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        peak = Math.Max(peak, 1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended between the check and the read
            }
            Thread.Sleep(PollMilliseconds);
        }
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"child exited {p.ExitCode}: {stderr.Result} {stdout.Result}");
        return peak;
    }
}
