using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// Comparisons and <c>if</c> on blocks: both branches are evaluated beforehand and the result is
/// picked with a bitwise select on the comparison mask, so a NaN or ∞ in the branch not taken never
/// reaches the result. IEEE comparisons as in C#: every comparison with NaN is false except ≠.
/// </summary>
internal static class BlockSelect
{
    /// <summary>d = (a cmp b) ? 1 : 0.</summary>
    public static void Compare(BinaryOperator comparison, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d)
    {
        var (op, swap, invert) = Normalize(comparison);
        ReadOnlySpan<double> l = swap ? b : a, r = swap ? a : b;
        ref double ls = ref MemoryMarshal.GetReference(l);
        ref double rs = ref MemoryMarshal.GetReference(r);
        ref double ds = ref MemoryMarshal.GetReference(d);
        double whenTrue = invert ? 0.0 : 1.0, whenFalse = invert ? 1.0 : 0.0;
        int i = 0, n = d.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            var t = Vector512.Create(whenTrue);
            var f = Vector512.Create(whenFalse);
            for (; i + Vector512<double>.Count <= n; i += Vector512<double>.Count)
            {
                var mask = Mask(op, Vector512.LoadUnsafe(ref ls, (nuint)i), Vector512.LoadUnsafe(ref rs, (nuint)i));
                Vector512.ConditionalSelect(mask, t, f).StoreUnsafe(ref ds, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var t = Vector256.Create(whenTrue);
            var f = Vector256.Create(whenFalse);
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var mask = Mask(op, Vector256.LoadUnsafe(ref ls, (nuint)i), Vector256.LoadUnsafe(ref rs, (nuint)i));
                Vector256.ConditionalSelect(mask, t, f).StoreUnsafe(ref ds, (nuint)i);
            }
        }

        for (; i < n; i++) d[i] = Holds(op, l[i], r[i]) ? whenTrue : whenFalse;
    }

    /// <summary>d = (a cmp b) ? t : f.</summary>
    public static void Select(BinaryOperator comparison, ReadOnlySpan<double> a, ReadOnlySpan<double> b,
        ReadOnlySpan<double> t, ReadOnlySpan<double> f, Span<double> d)
    {
        var (op, swap, invert) = Normalize(comparison);
        ReadOnlySpan<double> l = swap ? b : a, r = swap ? a : b;
        ReadOnlySpan<double> p = invert ? f : t, q = invert ? t : f;
        ref double ls = ref MemoryMarshal.GetReference(l);
        ref double rs = ref MemoryMarshal.GetReference(r);
        ref double ps = ref MemoryMarshal.GetReference(p);
        ref double qs = ref MemoryMarshal.GetReference(q);
        ref double ds = ref MemoryMarshal.GetReference(d);
        int i = 0, n = d.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<double>.Count <= n; i += Vector512<double>.Count)
            {
                var mask = Mask(op, Vector512.LoadUnsafe(ref ls, (nuint)i), Vector512.LoadUnsafe(ref rs, (nuint)i));
                Vector512.ConditionalSelect(mask, Vector512.LoadUnsafe(ref ps, (nuint)i), Vector512.LoadUnsafe(ref qs, (nuint)i))
                    .StoreUnsafe(ref ds, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var mask = Mask(op, Vector256.LoadUnsafe(ref ls, (nuint)i), Vector256.LoadUnsafe(ref rs, (nuint)i));
                Vector256.ConditionalSelect(mask, Vector256.LoadUnsafe(ref ps, (nuint)i), Vector256.LoadUnsafe(ref qs, (nuint)i))
                    .StoreUnsafe(ref ds, (nuint)i);
            }
        }

        for (; i < n; i++) d[i] = Holds(op, l[i], r[i]) ? p[i] : q[i];
    }

    /// <summary>
    /// The comparison as one of <c>&lt;</c>, <c>&lt;=</c>, <c>==</c> on possibly swapped sides, possibly
    /// inverted: <c>a &gt; b ⇔ b &lt; a</c>, <c>a &gt;= b ⇔ b &lt;= a</c>, <c>a != b ⇔ !(a == b)</c> (exact also for NaN).
    /// </summary>
    private static (BinaryOperator Op, bool Swap, bool Invert) Normalize(BinaryOperator comparison) => comparison switch
    {
        BinaryOperator.Less => (BinaryOperator.Less, false, false),
        BinaryOperator.LessOrEqual => (BinaryOperator.LessOrEqual, false, false),
        BinaryOperator.Greater => (BinaryOperator.Less, true, false),
        BinaryOperator.GreaterOrEqual => (BinaryOperator.LessOrEqual, true, false),
        BinaryOperator.Equal => (BinaryOperator.Equal, false, false),
        BinaryOperator.NotEqual => (BinaryOperator.Equal, false, true),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "not a comparison"),
    };

    private static Vector512<double> Mask(BinaryOperator op, Vector512<double> l, Vector512<double> r) => op switch
    {
        BinaryOperator.Less => Vector512.LessThan(l, r),
        BinaryOperator.LessOrEqual => Vector512.LessThanOrEqual(l, r),
        _ => Vector512.Equals(l, r),
    };

    private static Vector256<double> Mask(BinaryOperator op, Vector256<double> l, Vector256<double> r) => op switch
    {
        BinaryOperator.Less => Vector256.LessThan(l, r),
        BinaryOperator.LessOrEqual => Vector256.LessThanOrEqual(l, r),
        _ => Vector256.Equals(l, r),
    };

    private static bool Holds(BinaryOperator op, double l, double r) => op switch
    {
        BinaryOperator.Less => l < r,
        BinaryOperator.LessOrEqual => l <= r,
        _ => l == r,
    };
}
