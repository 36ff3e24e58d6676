using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// The loops behind <see cref="GaussianNoise"/> and <see cref="UniformStream"/>: one Philox block per
/// particle (<see cref="PhiloxLanes"/>), mapped to a pair of outputs, at a chosen lane width. A ragged
/// end is computed as a whole vector of the following particles and cut, so every particle goes
/// through the same arithmetic wherever a span starts or ends (a chunked run gives the same bits as
/// one long call).
/// </summary>
/// <remarks>
/// The loops are never inlined and always fully optimized: inlined into a caller that tiered compilation
/// later recompiles, the lane operations ran out of the inliner's budget and became calls (measured:
/// the normals went from 6 to 70 ns per pair after tier-up).
/// </remarks>
internal static class NoiseKernels
{
    /// <summary>
    /// Standard normal pairs (<see cref="BoxMuller"/>), in two passes: the uniforms into the outputs, then
    /// the transform in place. Measured 24 % faster than one fused loop, whose iterations (a Philox chain
    /// of ten dependent rounds, then a logarithm, division and square root in series) are too long for
    /// the out-of-order window to overlap; the bits are the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Normals(SimdWidth width, ulong key, ulong high, long first, Span<double> xi, Span<double> eta)
    {
        Run<UniformMap, double>(width, key, high, first, xi, eta);
        switch (width)
        {
            case SimdWidth.Vector512: TransformInPlace<Lanes512>(xi, eta); break;
            case SimdWidth.Vector256: TransformInPlace<Lanes256>(xi, eta); break;
            default: TransformInPlace<Lane1>(xi, eta); break;
        }
    }

    /// <summary>Box–Muller over uniform pairs in place: whole vectors, then the ragged end one by one (the same operations).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void TransformInPlace<T>(Span<double> u1, Span<double> u2)
        where T : struct, IDoubleLanes<T>
    {
        ref double r1 = ref MemoryMarshal.GetReference(u1);
        ref double r2 = ref MemoryMarshal.GetReference(u2);
        int n = u1.Length, full = n - n % T.Count;
        for (int i = 0; i < full; i += T.Count)
        {
            var (xi, eta) = BoxMuller.Transform(T.Load(ref r1, i), T.Load(ref r2, i));
            T.Store(xi, ref r1, i);
            T.Store(eta, ref r2, i);
        }
        for (int i = full; i < n; i++)
        {
            var (xi, eta) = BoxMuller.Transform(Lane1.Load(ref r1, i), Lane1.Load(ref r2, i));
            Lane1.Store(xi, ref r1, i);
            Lane1.Store(eta, ref r2, i);
        }
    }

    /// <summary>Uniform pairs on (0, 1) (<see cref="OpenUnit"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Uniforms(SimdWidth width, ulong key, ulong high, long first, Span<double> u, Span<double> v)
        => Run<UniformMap, double>(width, key, high, first, u, v);

    /// <summary>The raw blocks, packed <c>A = W0·2³² + W1</c>, <c>B = W2·2³² + W3</c> (tests and the stage timing).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Words(SimdWidth width, ulong key, ulong high, long first, Span<ulong> a, Span<ulong> b)
        => Run<WordMap, ulong>(width, key, high, first, a, b);

    private static void Run<TMap, T>(SimdWidth width, ulong key, ulong high, long first, Span<T> a, Span<T> b)
        where TMap : IPairMap<T>
        where T : unmanaged
    {
        switch (width)
        {
            case SimdWidth.Vector512: Run512<TMap, T>(key, high, first, a, b); break;
            case SimdWidth.Vector256: Run256<TMap, T>(key, high, first, a, b); break;
            default:
                for (int i = 0; i < a.Length; i++)
                {
                    var (p, q) = PhiloxLanes.Block(first + i, high, key);
                    (a[i], b[i]) = TMap.Map(p, q);
                }
                break;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Run512<TMap, T>(ulong key, ulong high, long first, Span<T> a, Span<T> b)
        where TMap : IPairMap<T>
        where T : unmanaged
    {
        const int lanes = 8;
        var keys = PhiloxLanes.Schedule512(key);
        var sequence = Vector512.CreateSequence(0UL, 1UL);
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        int n = a.Length, i = 0;
        for (; i + lanes <= n; i += lanes)
        {
            var (p, q) = PhiloxLanes.Block(Vector512.Create((ulong)(first + i)) + sequence, high, in keys);
            var (x, y) = TMap.Map(p, q);
            x.StoreUnsafe(ref ra, (nuint)i);
            y.StoreUnsafe(ref rb, (nuint)i);
        }
        if (i < n)
        {
            Span<T> tail = stackalloc T[2 * lanes];
            var (p, q) = PhiloxLanes.Block(Vector512.Create((ulong)(first + i)) + sequence, high, in keys);
            var (x, y) = TMap.Map(p, q);
            x.StoreUnsafe(ref MemoryMarshal.GetReference(tail));
            y.StoreUnsafe(ref MemoryMarshal.GetReference(tail), lanes);
            tail[..(n - i)].CopyTo(a[i..]);
            tail.Slice(lanes, n - i).CopyTo(b[i..]);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Run256<TMap, T>(ulong key, ulong high, long first, Span<T> a, Span<T> b)
        where TMap : IPairMap<T>
        where T : unmanaged
    {
        const int lanes = 4;
        var keys = PhiloxLanes.Schedule256(key);
        var sequence = Vector256.CreateSequence(0UL, 1UL);
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        int n = a.Length, i = 0;
        for (; i + lanes <= n; i += lanes)
        {
            var (p, q) = PhiloxLanes.Block(Vector256.Create((ulong)(first + i)) + sequence, high, in keys);
            var (x, y) = TMap.Map(p, q);
            x.StoreUnsafe(ref ra, (nuint)i);
            y.StoreUnsafe(ref rb, (nuint)i);
        }
        if (i < n)
        {
            Span<T> tail = stackalloc T[2 * lanes];
            var (p, q) = PhiloxLanes.Block(Vector256.Create((ulong)(first + i)) + sequence, high, in keys);
            var (x, y) = TMap.Map(p, q);
            x.StoreUnsafe(ref MemoryMarshal.GetReference(tail));
            y.StoreUnsafe(ref MemoryMarshal.GetReference(tail), lanes);
            tail[..(n - i)].CopyTo(a[i..]);
            tail.Slice(lanes, n - i).CopyTo(b[i..]);
        }
    }

    /// <summary>What a block becomes: a pair of outputs per particle, at each width.</summary>
    private interface IPairMap<T>
        where T : unmanaged
    {
        static abstract (T, T) Map(ulong a, ulong b);

        static abstract (Vector512<T>, Vector512<T>) Map(Vector512<ulong> a, Vector512<ulong> b);

        static abstract (Vector256<T>, Vector256<T>) Map(Vector256<ulong> a, Vector256<ulong> b);
    }

    private readonly struct WordMap : IPairMap<ulong>
    {
        public static (ulong, ulong) Map(ulong a, ulong b) => (a, b);

        public static (Vector512<ulong>, Vector512<ulong>) Map(Vector512<ulong> a, Vector512<ulong> b) => (a, b);

        public static (Vector256<ulong>, Vector256<ulong>) Map(Vector256<ulong> a, Vector256<ulong> b) => (a, b);
    }

    private readonly struct UniformMap : IPairMap<double>
    {
        public static (double, double) Map(ulong a, ulong b) => (OpenUnit.From(Scalar(a)).V, OpenUnit.From(Scalar(b)).V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector512<double>, Vector512<double>) Map(Vector512<ulong> a, Vector512<ulong> b)
            => (OpenUnit.From(new Lanes512(a.AsDouble())).V, OpenUnit.From(new Lanes512(b.AsDouble())).V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector256<double>, Vector256<double>) Map(Vector256<ulong> a, Vector256<ulong> b)
            => (OpenUnit.From(new Lanes256(a.AsDouble())).V, OpenUnit.From(new Lanes256(b.AsDouble())).V);
    }

    private static Lane1 Scalar(ulong bits) => new(BitConverter.UInt64BitsToDouble(bits));
}
