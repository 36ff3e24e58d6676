using System.Diagnostics;
using System.Globalization;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Reporting;

/// <summary>
/// Keeps two runs from writing into one output folder: a lock file holding the owner's process id, created
/// exclusively; a lock left by a process that no longer runs (killed) is taken over, together with the
/// temporary files its interrupted writes left (<see cref="AtomicFile.RemoveLeftovers"/>).
/// </summary>
public sealed class OutputLock : IDisposable
{
    /// <summary>The lock file's name in the folder.</summary>
    public const string FileName = ".fokkerplanck.lock";

    private readonly string _path;

    private OutputLock(string path) => _path = path;

    /// <summary>Takes the lock of <paramref name="directory"/> (creating the folder).</summary>
    /// <exception cref="IOException">Another running process holds it (the message names it and says what to do).</exception>
    public static OutputLock Acquire(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                // the folder is ours now: a temporary file in it belongs to a write that was cut short
                if (attempt > 0) AtomicFile.RemoveLeftovers(directory);
                return new OutputLock(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (Owner(path) is { } pid && pid != Environment.ProcessId && IsRunning(pid))
                    throw new IOException($"another run (process {pid}) is writing into {directory}; wait for it to finish or choose another --out.");
                File.Delete(path);
            }
        }
        throw new IOException($"cannot lock {directory} ({path} keeps reappearing); choose another --out.");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try { File.Delete(_path); }
        catch (IOException) { /* the folder went away: nothing left to unlock */ }
    }

    private static int? Owner(string path)
    {
        try { return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int pid) ? pid : null; }
        catch (IOException) { return null; }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
