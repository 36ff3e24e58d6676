using FokkerPlanck.Core.Memory;

namespace FokkerPlanck.Core.Tests.Memory;

/// <summary>
/// The managed heap's huge-page advice: the address range it picks out of a <c>/proc/PID/maps</c> file,
/// and, on Linux with transparent huge pages, the advice as the kernel records it (the <c>hg</c> flag of
/// the mapping that holds a large array allocated afterwards).
/// </summary>
public sealed class HugePagesTests
{
    private static readonly string[] Maps =
    [
        "55d0a0000000-55d0a0021000 r--p 00000000 08:01 1234    /usr/bin/dotnet",
        "7f0000000000-7f0000200000 rw-p 00000000 00:00 0 ",
        "7f0000200000-7f0010000000 ---p 00000000 00:00 0",
        "7f0010000000-7f0010400000 rw-p 00000000 00:00 0    [anon:GC]",
        "7f0010400000-7f0010500000 r-xp 00000000 08:01 99      /usr/lib/libc.so.6",
        "7f0010500000-7f0010600000 rw-p 00000000 00:00 0 ",
        "7f0010700000-7f0010800000 rw-p 00000000 00:00 0 ",
        "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0       [stack]",
    ];

    [Theory]
    // inside the three contiguous anonymous mappings (unnamed, unnamed, [anon:…]): the whole run
    [InlineData(0x7f0000000000L, 0x7f0000000000L, 0x7f0010400000L)]
    [InlineData(0x7f0005000000L, 0x7f0000000000L, 0x7f0010400000L)]
    [InlineData(0x7f00103fffffL, 0x7f0000000000L, 0x7f0010400000L)]
    // a file mapping ends the run before it, a gap the run after it
    [InlineData(0x7f0010500000L, 0x7f0010500000L, 0x7f0010600000L)]
    [InlineData(0x7f0010780000L, 0x7f0010700000L, 0x7f0010800000L)]
    public void AnonymousRunAround_IsTheContiguousRunOfAnonymousMappings(long address, long start, long end)
        => Assert.Equal((start, end), HugePages.AnonymousRunAround(Maps, address));

    [Theory]
    [InlineData(0x55d0a0000100L)] // the executable's file mapping
    [InlineData(0x7f0010400000L)] // libc
    [InlineData(0x7f0010600000L)] // the gap between two anonymous mappings
    [InlineData(0x7ffd00000100L)] // the stack: named, not advised
    [InlineData(0x10L)]            // below every mapping
    public void AnonymousRunAround_IsNullOutsideAnonymousMappings(long address)
        => Assert.Null(HugePages.AnonymousRunAround(Maps, address));

    [Fact]
    public void AnonymousRunAround_SkipsLinesThatAreNotMappings()
    {
        string[] lines = ["", "garbage", "zz-10 rw-p 0 00:00 0", "7f0000000000-7f0000200000 rw-p 00000000 00:00 0"];
        Assert.Equal((0x7f0000000000L, 0x7f0000200000L), HugePages.AnonymousRunAround(lines, 0x7f0000000010L));
    }

    /// <summary>
    /// After the advice, the mapping that holds a 16 MiB array allocated from the managed heap carries
    /// the kernel's <c>hg</c> (MADV_HUGEPAGE) flag in <c>/proc/self/smaps</c>. Runs only on Linux kernels
    /// with transparent huge pages (elsewhere the advice is a documented no-op).
    /// </summary>
    [Fact]
    public unsafe void AdviseManagedHeap_MarksTheHeapForHugePages()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/sys/kernel/mm/transparent_hugepage")) return;
        long advised = HugePages.AdviseManagedHeap();
        Assert.True(advised >= 2 * HugePages.PageBytes, $"advised {advised} bytes");
        var array = GC.AllocateUninitializedArray<double>(2 << 20, pinned: true);
        long at;
        fixed (double* p = array) at = (long)p;
        string? flags = VmFlagsAt(at);
        GC.KeepAlive(array);
        Assert.NotNull(flags);
        Assert.Contains("hg", flags!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The <c>VmFlags</c> of the mapping holding <paramref name="address"/> in <c>/proc/self/smaps</c>.</summary>
    private static string? VmFlagsAt(long address)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash
                && long.TryParse(line.AsSpan(0, dash), System.Globalization.NumberStyles.HexNumber, null, out long start)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), System.Globalization.NumberStyles.HexNumber, null, out long end))
                inside = start <= address && address < end;
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
                return line["VmFlags:".Length..];
        }
        return null;
    }
}
