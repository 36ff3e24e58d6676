namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Storage of the factor panels (one column-major <c>m × k</c> block per supernode), laid out
/// back to back in a few large uninitialized arrays: allocating once instead of one array per
/// supernode avoids tens of thousands of zeroed allocations and the garbage collections they cause.
/// </summary>
internal sealed class PanelStore
{
    /// <summary>Doubles per chunk (1 GiB): keeps every array well below the 2³¹-element limit.</summary>
    private const long ChunkLength = 1L << 27;

    private readonly double[][] _chunks;
    private readonly int[] _chunkOf;
    private readonly int[] _offset;

    /// <summary>Allocates room for the panels of <paramref name="s"/>.</summary>
    public PanelStore(SymbolicFactorization s)
    {
        int ns = s.SupernodeCount;
        _chunkOf = new int[ns];
        _offset = new int[ns];
        var lengths = new List<long>();
        long used = 0;
        for (int sn = 0; sn < ns; sn++)
        {
            long len = (long)s.FrontSize(sn) * s.Columns(sn);
            if (lengths.Count == 0 || used + len > Math.Max(ChunkLength, len))
            {
                if (lengths.Count > 0) lengths[^1] = used;
                lengths.Add(0);
                used = 0;
            }
            _chunkOf[sn] = lengths.Count - 1;
            _offset[sn] = (int)used;
            used += len;
        }
        if (lengths.Count > 0) lengths[^1] = used;
        _chunks = new double[lengths.Count][];
        for (int c = 0; c < lengths.Count; c++) _chunks[c] = GC.AllocateUninitializedArray<double>((int)lengths[c]);
    }

    /// <summary>The array holding the panel of supernode <paramref name="sn"/>.</summary>
    public double[] Array(int sn) => _chunks[_chunkOf[sn]];

    /// <summary>Offset of the panel of supernode <paramref name="sn"/> in <see cref="Array"/>.</summary>
    public int Offset(int sn) => _offset[sn];
}
