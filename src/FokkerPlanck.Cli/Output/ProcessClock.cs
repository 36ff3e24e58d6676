using System.Diagnostics;

namespace FokkerPlanck.Cli.Output;

/// <summary>Time since this process started (runtime start-up before <c>Main</c> included), for the start-up figure of spectrum.json.</summary>
internal static class ProcessClock
{
    /// <summary>Seconds since the process started (the operating system's start time, 10 ms resolution on Linux); 0 where it cannot be read.</summary>
    public static double SinceStart()
    {
        try
        {
            using var self = Process.GetCurrentProcess();
            return Math.Max(0, (DateTime.Now - self.StartTime).TotalSeconds);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }
}
