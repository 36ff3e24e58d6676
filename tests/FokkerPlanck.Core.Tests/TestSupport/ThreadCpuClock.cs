using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, ns
/// resolution), for timings on a shared machine: time spent descheduled does not count. Elsewhere it
/// falls back to the wall clock.
/// </summary>
internal static partial class ThreadCpuClock
{
    /// <summary>The Linux clock id of the calling thread's CPU time.</summary>
    private const int ThreadCpuTimeClock = 3;

    /// <summary>Whether the thread CPU clock is used (else the wall clock).</summary>
    public static bool IsThreadCpuTime => OperatingSystem.IsLinux();

    /// <summary>Nanoseconds on the clock (only differences are meaningful).</summary>
    public static double Nanoseconds()
    {
        if (!IsThreadCpuTime)
        {
            return Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency);
        }

        _ = ClockGetTime(ThreadCpuTimeClock, out var t);
        return t.Seconds * 1e9 + t.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
