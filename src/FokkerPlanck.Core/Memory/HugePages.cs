using System.Runtime.InteropServices;

namespace FokkerPlanck.Core.Memory;

/// <summary>
/// Transparent-huge-page advice for the large, freshly allocated work arrays (factor panels, Krylov
/// basis) and, for the command-line program, the whole managed heap: 2 MiB pages cut first-touch page
/// faults by a factor of 512 and the TLB misses of the streaming kernels.
/// </summary>
/// <remarks>
/// Linux's default THP policy is "madvise": only regions advised with <c>madvise(MADV_HUGEPAGE)</c>
/// get huge pages, and only on pages not yet touched, so the advice must come right after the
/// allocation and before the first write. Measured on the 2-core benchmark machine: touching 556 MB
/// from two threads took 75–107 ms with the advice and 147–164 ms without; writing two fresh 8 MB
/// Krylov vectors cost 9–18 ms of page faults per Lanczos step at 1024². The advice is best effort:
/// on other systems, or where the kernel refuses, nothing changes but the speed.
/// </remarks>
public static unsafe class HugePages
{
    /// <summary>Size of a transparent huge page on x86-64 and arm64 Linux (the advice covers the whole pages inside a block).</summary>
    public const long PageBytes = 2L << 20;

    /// <summary><c>MADV_HUGEPAGE</c> from <c>&lt;sys/mman.h&gt;</c> (Linux).</summary>
    private const int MadviseHugePage = 14;

    /// <summary>Advises the whole huge pages inside [<paramref name="start"/>, start + <paramref name="bytes"/>).</summary>
    internal static void Advise(void* start, long bytes)
    {
        if (!OperatingSystem.IsLinux() || bytes < 2 * PageBytes) return;
        long first = ((long)start + PageBytes - 1) & ~(PageBytes - 1);
        long end = ((long)start + bytes) & ~(PageBytes - 1);
        if (end <= first) return;
        try
        {
            // advisory only: a refusal (old kernel, THP disabled) leaves ordinary pages
            _ = Madvise((nint)first, (nuint)(end - first), MadviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // no libc madvise on this system: ordinary pages
        }
    }

    /// <summary>
    /// A pinned array whose contents are unspecified (not cleared: the caller writes every entry before
    /// reading it), advised for huge pages before anything touches it.
    /// </summary>
    internal static double[] AllocateUninitialized(long length)
    {
        var array = GC.AllocateUninitializedArray<double>(checked((int)length), pinned: true);
        fixed (double* p = array) Advise(p, length * sizeof(double));
        return array;
    }

    /// <summary>
    /// Advises the managed heap's address range for huge pages, once at the start of a process, so that
    /// every large array the process allocates later (operators, landscapes, symbolic analyses, vectors)
    /// is backed by 2 MiB pages as it is first touched. Returns the bytes of the range advised (0 where
    /// nothing was: not Linux, no <c>/proc/self/maps</c>, or no range found).
    /// </summary>
    /// <remarks>
    /// <para>The garbage collector reserves one address range for all its regions when the runtime starts
    /// and commits pages inside it as the heap grows; the advice set on the reservation is inherited by the
    /// parts committed later. The range is found from <c>/proc/self/maps</c> as the run of contiguous
    /// anonymous mappings holding a pinned array (<see cref="AnonymousRunAround"/>). A part the collector
    /// gives back to the system and takes again loses the advice (it is mapped anew) and gets ordinary pages.</para>
    /// <para>Why: on the 2-core benchmark machine (a virtual machine) a page fault costs about 10 µs, and
    /// <c>spectrum</c> at 1024² took about 250 000 of them, most outside the two advised work arrays
    /// (docs/performance.md, "Issue 14, sixth pass").</para>
    /// </remarks>
    public static long AdviseManagedHeap()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(MapsPath)) return 0;
        var probe = GC.AllocateUninitializedArray<byte>(1, pinned: true);
        long at;
        fixed (byte* p = probe) at = (long)p;
        string[] maps;
        try { maps = File.ReadAllLines(MapsPath); }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
        GC.KeepAlive(probe); // its mapping was listed while it lived
        if (AnonymousRunAround(maps, at) is not var (start, end)) return 0;
        Advise((void*)start, end - start);
        return end - start;
    }

    private const string MapsPath = "/proc/self/maps";

    /// <summary>
    /// The run of address-contiguous anonymous mappings (no backing file: inode 0, and no name or an
    /// <c>[anon:…]</c> name) in the lines of a <c>/proc/PID/maps</c> file that holds <paramref name="address"/>;
    /// null when the address lies in no anonymous mapping.
    /// </summary>
    internal static (long Start, long End)? AnonymousRunAround(IReadOnlyList<string> mapsLines, long address)
    {
        ArgumentNullException.ThrowIfNull(mapsLines);
        var regions = new List<(long Start, long End, bool Anonymous)>(mapsLines.Count);
        foreach (string line in mapsLines)
            if (ParseMapsLine(line) is { } region) regions.Add(region);
        int hit = regions.FindIndex(r => r.Start <= address && address < r.End);
        if (hit < 0 || !regions[hit].Anonymous) return null;
        int first = hit, last = hit;
        while (first > 0 && regions[first - 1].Anonymous && regions[first - 1].End == regions[first].Start) first--;
        while (last < regions.Count - 1 && regions[last + 1].Anonymous && regions[last + 1].Start == regions[last].End) last++;
        return (regions[first].Start, regions[last].End);
    }

    /// <summary>One line of <c>/proc/PID/maps</c>: "start-end perms offset dev inode [name]"; null when it does not read so.</summary>
    private static (long Start, long End, bool Anonymous)? ParseMapsLine(string line)
    {
        string[] fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5) return null;
        int dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !long.TryParse(fields[0].AsSpan(0, dash), System.Globalization.NumberStyles.HexNumber, null, out long start)
            || !long.TryParse(fields[0].AsSpan(dash + 1), System.Globalization.NumberStyles.HexNumber, null, out long end)
            || end <= start)
            return null;
        string name = fields.Length > 5 ? fields[5].Trim() : "";
        bool anonymous = fields[4] == "0" && (name.Length == 0 || name.StartsWith("[anon:", StringComparison.Ordinal));
        return (start, end, anonymous);
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
