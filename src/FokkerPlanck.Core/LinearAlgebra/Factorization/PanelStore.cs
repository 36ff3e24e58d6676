using System.Runtime.InteropServices;
using FokkerPlanck.Core.Memory;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Storage of the factor panels (one column-major <c>m × k</c> block per supernode), laid out back to
/// back in one block of native memory that starts out zero.
/// </summary>
/// <remarks>
/// <para>The factor is the largest thing the solver holds (528 MB at 1024² cells), and it is written
/// once and then streamed by every solve, so how its memory is obtained shows in the timings:</para>
/// <list type="bullet">
/// <item>It comes from <see cref="NativeMemory.AllocZeroed(nuint, nuint)"/> (calloc): a block this size
/// is a fresh anonymous mapping whose pages the kernel zero-fills on first touch, so it costs no
/// clearing pass, and the first factorization skips the clearing of its panels
/// (<see cref="IsPristine"/>).</item>
/// <item>On Linux the block is advised for transparent huge pages (<see cref="HugePages"/>).</item>
/// </list>
/// <para>The memory is released by <see cref="Dispose"/> or the finalizer; the factorizations keep the
/// store alive (<see cref="GC.KeepAlive"/>) while they use its pointers.</para>
/// </remarks>
internal sealed unsafe class PanelStore : IDisposable
{
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
        HugePages.Advise(_base, _bytes);
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
}
