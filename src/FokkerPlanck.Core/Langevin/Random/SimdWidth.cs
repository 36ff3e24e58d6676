using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>Which kernel generates the random numbers: particles per step of the loop (64-bit lanes).</summary>
internal enum SimdWidth
{
    /// <summary>One particle at a time through <see cref="Philox4x32.Block(PhiloxWords, ulong)"/> and <see cref="Math"/>.</summary>
    Scalar = 1,

    /// <summary>Four particles per <see cref="Vector256{T}"/> (AVX2: <c>vpmuludq</c>).</summary>
    Vector256 = 4,

    /// <summary>Eight particles per <see cref="Vector512{T}"/> (AVX-512F).</summary>
    Vector512 = 8,
}

/// <summary>The widest kernel this machine runs natively.</summary>
internal static class SimdSupport
{
    /// <summary>AVX-512F if present, else AVX2, else scalar.</summary>
    public static SimdWidth Preferred { get; } =
        Avx512F.IsSupported && Vector512.IsHardwareAccelerated ? SimdWidth.Vector512
        : Avx2.IsSupported && Vector256.IsHardwareAccelerated ? SimdWidth.Vector256
        : SimdWidth.Scalar;

    /// <summary>Whether <paramref name="width"/> runs on this machine (tests ask for each width).</summary>
    public static bool IsSupported(SimdWidth width) => width switch
    {
        SimdWidth.Vector512 => Avx512F.IsSupported && Vector512.IsHardwareAccelerated,
        SimdWidth.Vector256 => Avx2.IsSupported && Vector256.IsHardwareAccelerated,
        _ => true,
    };
}
