using System.Diagnostics;

namespace FokkerPlanck.Reporting.Tests;

/// <summary>Two runs never write into one folder; a lock left by a killed run does not block the next.</summary>
public sealed class OutputLockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-lock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Acquire_WhileAnotherLiveProcessHoldsIt_IsRefusedNamingThatProcess()
    {
        using var other = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            File.WriteAllText(Path.Combine(_dir, OutputLock.FileName), other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var e = Assert.Throws<IOException>(() => OutputLock.Acquire(_dir));
            Assert.Contains($"process {other.Id}", e.Message);
            Assert.Contains("--out", e.Message);
        }
        finally
        {
            other.Kill();
            other.WaitForExit();
        }
        using (OutputLock.Acquire(_dir)) Assert.True(File.Exists(Path.Combine(_dir, OutputLock.FileName)), "a dead owner's lock is taken over");
        Assert.False(File.Exists(Path.Combine(_dir, OutputLock.FileName)), "the lock goes with its owner");
    }

    [Fact]
    public void Acquire_AfterAKilledOwner_RemovesTheTemporaryFilesItsWritesLeft()
    {
        using var other = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        other.WaitForExit();
        File.WriteAllText(Path.Combine(_dir, OutputLock.FileName), other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string leftover = Path.Combine(_dir, ".report.html.0123456789ab.tmp"), result = Path.Combine(_dir, "run.json");
        File.WriteAllText(leftover, "<html");
        File.WriteAllText(result, "{}");
        using (OutputLock.Acquire(_dir))
        {
            Assert.False(File.Exists(leftover), "a dead writer's temporary file is removed");
            Assert.True(File.Exists(result), "results stay");
        }
    }
}
