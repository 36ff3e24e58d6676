namespace FokkerPlanck.Core.LinearAlgebra.Ordering;

/// <summary>
/// A permutation of <c>{0, …, n−1}</c> used as a symmetric reordering <c>P A Pᵀ</c>.
/// </summary>
/// <remarks>
/// <see cref="NewToOld"/>[k] is the original index placed at position k of the reordered
/// matrix; <see cref="OldToNew"/> is its inverse. Both views are validated once at construction.
/// </remarks>
public sealed class Permutation
{
    private readonly int[] _newToOld;
    private readonly int[] _oldToNew;

    private Permutation(int[] newToOld, int[] oldToNew)
    {
        _newToOld = newToOld;
        _oldToNew = oldToNew;
    }

    /// <summary>Length n of the permutation.</summary>
    public int Size => _newToOld.Length;

    /// <summary>New position → original index.</summary>
    public ReadOnlySpan<int> NewToOld => _newToOld;

    /// <summary>Original index → new position.</summary>
    public ReadOnlySpan<int> OldToNew => _oldToNew;

    /// <summary>The new-to-old array itself, for parallel loops (spans cannot be captured); callers must not write to it.</summary>
    internal int[] NewToOldArray => _newToOld;

    /// <summary>The old-to-new array itself, for parallel loops (spans cannot be captured); callers must not write to it.</summary>
    internal int[] OldToNewArray => _oldToNew;

    /// <summary>True when the permutation is the identity.</summary>
    public bool IsIdentity
    {
        get
        {
            for (int k = 0; k < _newToOld.Length; k++)
                if (_newToOld[k] != k) return false;
            return true;
        }
    }

    /// <summary>The identity permutation of length <paramref name="size"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public static Permutation Identity(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var p = new int[size];
        for (int k = 0; k < size; k++) p[k] = k;
        return new Permutation(p, (int[])p.Clone());
    }

    /// <summary>Creates a permutation from its new → old map (copied).</summary>
    /// <exception cref="ArgumentException">The array is not a permutation of <c>0…n−1</c>.</exception>
    public static Permutation FromNewToOld(ReadOnlySpan<int> newToOld)
    {
        var p = newToOld.ToArray();
        var inv = new int[p.Length];
        inv.AsSpan().Fill(-1);
        for (int k = 0; k < p.Length; k++)
        {
            int old = p[k];
            if ((uint)old >= (uint)p.Length)
                throw new ArgumentException($"Entry {k} = {old} lies outside [0, {p.Length}).", nameof(newToOld));
            if (inv[old] >= 0)
                throw new ArgumentException($"Index {old} appears twice (positions {inv[old]} and {k}).", nameof(newToOld));
            inv[old] = k;
        }
        return new Permutation(p, inv);
    }

    /// <summary>
    /// Returns the permutation that first applies this one and then reorders the result by
    /// <paramref name="then"/>: <c>result.NewToOld[k] = NewToOld[then.NewToOld[k]]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes differ.</exception>
    public Permutation Then(Permutation then)
    {
        ArgumentNullException.ThrowIfNull(then);
        if (then.Size != Size) throw new ArgumentException($"Sizes differ: {Size} and {then.Size}.", nameof(then));
        var p = new int[Size];
        var inv = new int[Size];
        for (int k = 0; k < Size; k++)
        {
            p[k] = _newToOld[then._newToOld[k]];
            inv[p[k]] = k;
        }
        return new Permutation(p, inv);
    }
}
