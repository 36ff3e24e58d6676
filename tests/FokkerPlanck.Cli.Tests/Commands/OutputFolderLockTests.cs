using System.Diagnostics;
using System.Globalization;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// Every command that writes a results folder refuses one another running process is writing into
/// (one line, exit 1, the folder's files untouched), and takes over a lock its killed owner left.
/// </summary>
[Collection("console")]
public sealed class OutputFolderLockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-lockcli-").FullName;
    private readonly string _scenario;

    public OutputFolderLockTests()
    {
        _scenario = Path.Combine(_dir, "small.json");
        File.WriteAllText(_scenario, InProcessCli.SmallScenario);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Commands => ["run", "spectrum", "mpemba", "evolve", "langevin", "optimize-plateau", "sgd"];

    private string[] Args(string command, string outDir) => command switch
    {
        "run" => ["run", _scenario, "--grid", "24x48", "--no-verdict", "--no-langevin", "--sweep", "0", "--no-plots", "--out", outDir],
        "spectrum" => ["spectrum", _scenario, "--grid", "24x48", "--no-plots", "--out", outDir],
        "mpemba" => ["mpemba", _scenario, "--grid", "24x48", "--no-grid-study", "--sweep", "0", "--no-plots", "--out", outDir],
        "evolve" => ["evolve", _scenario, "--grid", "24x48", "--plateau-lr", "0.3", "--t-end", "1", "--no-plots", "--out", outDir],
        "langevin" => ["langevin", _scenario, "--grid", "24x48", "--particles", "1000", "--times", "0.05", "--no-plots", "--out", outDir],
        "optimize-plateau" => ["optimize-plateau", _scenario, "--grid", "24x48", "--durations", "0", "--shapes", "linear", "--no-plots", "--out", outDir],
        _ => ["sgd", _scenario, "--grid", "24x48", "--kappa", "100", "--particles", "1000", "--lr", "0.003", "--no-mpemba", "--no-plots", "--out", outDir],
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_IntoAFolderAnotherRunningProcessHolds_IsRefusedAndTouchesNothing(string command)
    {
        string outDir = Path.Combine(_dir, command);
        Directory.CreateDirectory(outDir);
        using var other = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            File.WriteAllText(Path.Combine(outDir, OutputLock.FileName), other.Id.ToString(CultureInfo.InvariantCulture));
            var (code, err) = InProcessCli.Run(Args(command, outDir));
            Assert.Equal(1, code);
            // the refusal is the last line (progress lines of the checks before it may precede it), and the only error
            Assert.Contains($"another run (process {other.Id}) is writing into", err.Trim().Split('\n')[^1]);
            Assert.Single(err.Split('\n'), line => line.StartsWith("error", StringComparison.Ordinal));
            Assert.Equal([OutputLock.FileName], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName));
        }
        finally
        {
            other.Kill();
            other.WaitForExit();
        }
    }

    [Fact]
    public void Command_AfterItsOwnerWasKilled_TakesTheLockOverAndReleasesIt()
    {
        string outDir = Path.Combine(_dir, "stale");
        Directory.CreateDirectory(outDir);
        using (var dead = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            dead.WaitForExit();
            File.WriteAllText(Path.Combine(outDir, OutputLock.FileName), dead.Id.ToString(CultureInfo.InvariantCulture));
        }
        var (code, err) = InProcessCli.Run(Args("spectrum", outDir));
        Assert.True(code == 0, err);
        Assert.False(File.Exists(Path.Combine(outDir, OutputLock.FileName)));
        Assert.True(File.Exists(Path.Combine(outDir, "spectrum.json")));
    }
}
