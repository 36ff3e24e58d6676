using FokkerPlanck.Core.Numerics;
namespace FokkerPlanck.Core.LinearAlgebra.Ordering;

/// <summary>
/// The off-diagonal pattern of <c>P (A + Aᵀ) Pᵀ</c> split by column: for each permuted index k the
/// neighbours below it (<c>i &lt; k</c>, the "row k" entries of the lower factor's input) and
/// above it (<c>i &gt; k</c>, the column k entries).
/// </summary>
internal sealed class PermutedPattern
{
    private readonly int[] _lowerPtr, _lower, _upperPtr, _upper;

    private PermutedPattern(int[] lowerPtr, int[] lower, int[] upperPtr, int[] upper)
    {
        _lowerPtr = lowerPtr; _lower = lower; _upperPtr = upperPtr; _upper = upper;
    }

    /// <summary>Dimension.</summary>
    public int Size => _lowerPtr.Length - 1;

    /// <summary>Neighbours <c>i &lt; k</c> of permuted vertex <paramref name="k"/>.</summary>
    public ReadOnlySpan<int> Below(int k) => _lower.AsSpan(_lowerPtr[k], _lowerPtr[k + 1] - _lowerPtr[k]);

    /// <summary>Neighbours <c>i &gt; k</c> of permuted vertex <paramref name="k"/>.</summary>
    public ReadOnlySpan<int> Above(int k) => _upper.AsSpan(_upperPtr[k], _upperPtr[k + 1] - _upperPtr[k]);

    /// <summary>Permutes a symmetrized graph.</summary>
    public static PermutedPattern Create(AdjacencyGraph g, Permutation p)
    {
        int n = g.VertexCount;
        var inv = p.OldToNew.ToArray();
        var lc = new int[n + 1];
        var uc = new int[n + 1];
        int chunks = (n + ChunkVertices - 1) / ChunkVertices;
        // each vertex v owns row inv[v] of the permuted pattern: the counts and the fills write
        // disjoint slots, so vertex chunks run in parallel and the result does not depend on the schedule
        Parallel.For(0, chunks, Parallelism.Options, c =>
        {
            int v1 = Math.Min(n, (c + 1) * ChunkVertices);
            for (int v = c * ChunkVertices; v < v1; v++)
            {
                int nv = inv[v], below = 0, above = 0;
                foreach (int u in g.Of(v))
                {
                    if (inv[u] < nv) below++; else above++;
                }
                lc[nv + 1] = below;
                uc[nv + 1] = above;
            }
        });
        for (int k = 0; k < n; k++) { lc[k + 1] += lc[k]; uc[k + 1] += uc[k]; }
        var lower = new int[lc[n]];
        var upper = new int[uc[n]];
        Parallel.For(0, chunks, Parallelism.Options, c =>
        {
            int v1 = Math.Min(n, (c + 1) * ChunkVertices);
            for (int v = c * ChunkVertices; v < v1; v++)
            {
                int nv = inv[v], ln = lc[nv], un = uc[nv];
                foreach (int u in g.Of(v))
                {
                    int nu = inv[u];
                    if (nu < nv) lower[ln++] = nu; else upper[un++] = nu;
                }
            }
        });
        return new PermutedPattern(lc, lower, uc, upper);
    }

    /// <summary>Vertices per parallel work item.</summary>
    private const int ChunkVertices = 1 << 14;
}
