using System.Runtime.InteropServices;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Storage of the factor panels (one column-major <c>m × k</c> block per supernode), laid out back to
/// back in one block of native memory that starts out zero.
/// </summary>
/// <remarks>
/// <para>The factor is the largest thing the solver holds (556 MB at 1024² cells), and it is written
/// once and then streamed by every solve, so how its memory is obtained shows in the timings:</para>
/// <list type="bullet">
/// <item>It comes from <see cref="NativeMemory.AllocZeroed(nuint, nuint)"/> (calloc): a block this size
/// is a fresh anonymous mapping whose pages the kernel zero-fills on first touch, so it costs no
/// clearing pass, and the first factorization skips the clearing of its panels
/// (<see cref="IsPristine"/>).</item>
/// <item>On Linux the block is advised for transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>),
/// which the default "madvise" policy requires: 2 MiB pages cut the first-touch page faults by a
/// factor of 512 and the TLB misses of the streaming solves. Measured on the 2-core benchmark
/// machine: touching 556 MB from two threads took 75–107 ms with the advice and 147–164 ms
/// without. Where the advice is refused or unavailable nothing changes but the speed.</item>
/// </list>
/// <para>The memory is released by <see cref="Dispose"/> or the finalizer; the factorizations keep the
/// store alive (<see cref="GC.KeepAlive"/>) while they use its pointers.</para>
/// </remarks>
internal sealed unsafe class PanelStore : IDisposable
{
    /// <summary>Size of a transparent huge page on x86-64 and arm64 Linux (the advice is applied to whole pages inside the block).</summary>
    private const long HugePageBytes = 2L << 20;

    /// <summary><c>MADV_HUGEPAGE</c> from <c>&lt;sys/mman.h&gt;</c> (Linux).</summary>
    private const int MadviseHugePage = 14;

    private readonly long[] _offset;
    private readonly long _bytes;
    private double* _base;

    /// <summary>Allocates room for the panels of <paramref name="s"/>.</summary>
    public PanelStore(SymbolicFactorization s)
    {
        int ns = s.SupernodeCount;
        _offset = new long[ns];
        long used = 0;
        for (int sn = 0; sn < ns; sn++)
        {
            _offset[sn] = used;
            used += (long)s.FrontSize(sn) * s.Columns(sn);
        }
        Length = used;
        _bytes = Math.Max(used, 1) * sizeof(double);
        _base = (double*)NativeMemory.AllocZeroed((nuint)Math.Max(used, 1), sizeof(double));
        GC.AddMemoryPressure(_bytes);
        AdviseHugePages(_base, _bytes);
        IsPristine = true;
    }

    /// <summary>Total number of doubles stored.</summary>
    public long Length { get; }

    /// <summary>True until the first factorization writes the store: every entry is still zero.</summary>
    public bool IsPristine { get; private set; }

    /// <summary>Marks the store as written (called when a factorization starts).</summary>
    public void MarkWritten() => IsPristine = false;

    /// <summary>The panel of supernode <paramref name="sn"/> (m × k, column-major, leading dimension m).</summary>
    public double* Panel(int sn)
    {
        ObjectDisposedException.ThrowIf(_base == null, this);
        return _base + _offset[sn];
    }

    /// <summary>Releases the native memory.</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the native memory if <see cref="Dispose"/> was not called.</summary>
    ~PanelStore() => Free();

    private void Free()
    {
        if (_base == null) return;
        NativeMemory.Free(_base);
        _base = null;
        GC.RemoveMemoryPressure(_bytes);
    }

    private static void AdviseHugePages(double* start, long bytes)
    {
        if (!OperatingSystem.IsLinux() || bytes < 2 * HugePageBytes) return;
        long first = ((long)start + HugePageBytes - 1) & ~(HugePageBytes - 1);
        long end = ((long)start + bytes) & ~(HugePageBytes - 1);
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

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
