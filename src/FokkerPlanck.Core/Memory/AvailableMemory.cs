using System.Globalization;

namespace FokkerPlanck.Core.Memory;

/// <summary>
/// The memory this process may still use: <c>MemAvailable</c> of <c>/proc/meminfo</c> (the kernel's
/// estimate of what can be allocated without swapping), or the room left under the cgroup's limit
/// when that is lower (a container's limit is enforced by the OOM killer whatever the host has free).
/// </summary>
public static class AvailableMemory
{
    private const string MemInfo = "/proc/meminfo";
    private const string CgroupV2Limit = "/sys/fs/cgroup/memory.max";
    private const string CgroupV2Usage = "/sys/fs/cgroup/memory.current";
    private const string CgroupV1Limit = "/sys/fs/cgroup/memory/memory.limit_in_bytes";
    private const string CgroupV1Usage = "/sys/fs/cgroup/memory/memory.usage_in_bytes";

    /// <summary>Bytes available and where the figure comes from, or null where neither source can be read (not Linux).</summary>
    public static (long Bytes, string Source)? Read()
    {
        long? meminfo = ReadMemAvailable();
        long? cgroup = RoomUnder(CgroupV2Limit, CgroupV2Usage) ?? RoomUnder(CgroupV1Limit, CgroupV1Usage);
        if (cgroup is long c && (meminfo is null || c < meminfo)) return (c, "under the cgroup memory limit");
        return meminfo is long m ? (m, "MemAvailable") : null;
    }

    /// <summary>MemAvailable in bytes, or null.</summary>
    private static long? ReadMemAvailable()
    {
        try
        {
            foreach (string line in File.ReadLines(MemInfo))
            {
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal)) continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // "MemAvailable:   23456789 kB"
                return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kb) ? kb * 1024 : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // not Linux, or /proc not mounted
        }
        return null;
    }

    /// <summary>Limit minus usage of a cgroup, or null when there is no finite limit.</summary>
    private static long? RoomUnder(string limitFile, string usageFile)
    {
        try
        {
            if (!File.Exists(limitFile) || !File.Exists(usageFile)) return null;
            string limit = File.ReadAllText(limitFile).Trim(), usage = File.ReadAllText(usageFile).Trim();
            if (!long.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out long l)
                || !long.TryParse(usage, NumberStyles.None, CultureInfo.InvariantCulture, out long u)) return null; // "max": no limit
            // cgroup v1 writes a huge page-rounded number for "no limit"
            return l >= long.MaxValue / 2 ? null : Math.Max(0, l - u);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
