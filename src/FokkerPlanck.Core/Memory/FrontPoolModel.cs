using FokkerPlanck.Core.LinearAlgebra.Factorization;

namespace FokkerPlanck.Core.Memory;

/// <summary>
/// The front and contribution-block memory of a numeric multifrontal factorization, predicted from
/// its symbolic analysis by replaying the order in which <see cref="MultifrontalFactorizer"/> rents and
/// returns its pooled buffers.
/// </summary>
/// <remarks>
/// The replay follows the supernodes in (post)order, as one thread would: an LDLᵀ front rents its
/// contribution block ((m−k)² doubles) and a packing workspace, extends its children's blocks into
/// itself and returns them; an LU front rents a full m² front and the workspace, then copies its
/// contribution block into a rented (m−k)² buffer (Liu, SIAM Review 34 (1992), §5: the stack of
/// waiting contribution blocks). The buffers come from an <see cref="System.Buffers.ArrayPool{T}"/>
/// with power-of-two buckets that keeps what is returned, so the memory held is, per bucket, the most
/// buffers rented at once times the longest length written (untouched tails of a rounded-up array are
/// never paged in). The parallel subtrees hold a few more blocks at once than the serial replay;
/// that is left to the calibration of <see cref="MemoryModel"/>.
/// </remarks>
internal static class FrontPoolModel
{
    /// <summary>Smallest bucket of the pool (<c>ArrayPool.Create</c>'s buckets are 16·2ⁱ elements).</summary>
    private const int SmallestBucket = 16;

    /// <summary>Bytes the pooled buffers of one factorization hold at their peak.</summary>
    /// <param name="s">The symbolic analysis.</param>
    /// <param name="symmetric">LDLᵀ (true) or LU.</param>
    public static long PeakBytes(SymbolicFactorization s, bool symmetric)
    {
        ArgumentNullException.ThrowIfNull(s);
        var ledger = new Ledger();
        int ns = s.SupernodeCount;
        var block = new long[ns];
        for (int sn = 0; sn < ns; sn++)
        {
            int k = s.Columns(sn), m = s.FrontSize(sn);
            long mb = m - k;
            long front = symmetric ? 0 : (long)m * m;
            bool small = symmetric && FrontalKernels.UseSmallFrontKernel && m <= FrontalKernels.SmallFrontRows;
            long work = small ? 0 : FrontalKernels.WorkspaceLength(m);
            if (symmetric && mb > 0) ledger.Rent(block[sn] = mb * mb);
            ledger.Rent(front);
            ledger.Rent(work);
            // the children's blocks go back once extended into this front, before its own block is copied out (LU)
            for (int c = s.ChildPointers[sn]; c < s.ChildPointers[sn + 1]; c++) ledger.Return(block[s.Children[c]]);
            ledger.Return(work);
            if (!symmetric && mb > 0) ledger.Rent(block[sn] = mb * mb);
            ledger.Return(front);
        }
        return ledger.HeldBytes();
    }

    /// <summary>Bucket index of a request of <paramref name="length"/> elements.</summary>
    private static int Bucket(long length)
    {
        int b = 0;
        for (long size = SmallestBucket; size < length; size <<= 1) b++;
        return b;
    }

    /// <summary>Counts, per pool bucket, the buffers rented at once and the longest request.</summary>
    private sealed class Ledger
    {
        /// <summary>Buckets tracked: 16·2⁴⁰ elements is beyond any front.</summary>
        private const int Buckets = 40;

        private readonly int[] _live = new int[Buckets];
        private readonly int[] _most = new int[Buckets];
        private readonly long[] _longest = new long[Buckets];

        public void Rent(long length)
        {
            if (length <= 0) return;
            int b = Bucket(length);
            _most[b] = Math.Max(_most[b], ++_live[b]);
            _longest[b] = Math.Max(_longest[b], length);
        }

        public void Return(long length)
        {
            if (length > 0) _live[Bucket(length)]--;
        }

        public long HeldBytes()
        {
            long total = 0;
            for (int b = 0; b < Buckets; b++) total += _most[b] * _longest[b] * sizeof(double);
            return total;
        }
    }
}
