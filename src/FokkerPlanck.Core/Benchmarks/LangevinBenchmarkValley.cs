using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Langevin.Random;

namespace FokkerPlanck.Core.Benchmarks;

/// <summary>
/// A hand-vectorized gradient of the peer's valley, <c>L = c(y) + a(y)x²/2</c> with
/// <c>c = 0.5y⁴ − y² + 0.3y</c>, <c>a = 20(1 + 0.5 tanh y)</c>: <c>∂L/∂x = a x</c>,
/// <c>∂L/∂y = 2y³ − 2y + 0.3 + 5(1 − tanh² y) x²</c>, with <c>tanh|y| = (1 − e)/(1 + e)</c>,
/// <c>e = exp(−2|y|)</c> (absolute error ≈ 10⁻¹⁶), the exponential inlined (the runtime's
/// <c>Vector512.Exp</c> is a call, and measured slower). A stand-in for the benchmark only, until the general
/// vectorized <c>BlockGradient.Create(scenario)</c> is available; <see cref="CreateChecked"/> refuses a
/// landscape it does not reproduce.
/// </summary>
internal sealed class LangevinBenchmarkValley : IBlockGradient, IGradientEvaluator
{
    /// <summary>Agreement required with the scenario's compiled gradient, relative to max(1, |∂L|).</summary>
    public const double CheckTolerance = 1e-12;

    private const int CheckPoints = 64;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;
    private const double RoundingMagic = 6755399441055744.0; // 1.5·2⁵²: round to nearest integer, two's complement in the low bits
    private const double InverseLn2 = 1.4426950408889634;
    private const double Ln2High = 0.6931471526622772; // 28 trailing zero bits
    private const double Ln2Low = 2.7897668087737545e-08;

    /// <summary>1/n!, n = 0 … 13 (the JIT unrolls the constant-length Horner loop).</summary>
    private static readonly double[] ExpTaylor =
    [
        1.0, 1.0, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333, 0.001388888888888889, 0.0001984126984126984,
        2.48015873015873e-05, 2.7557319223985893e-06, 2.755731922398589e-07, 2.505210838544172e-08, 2.08767569878681e-09, 1.6059043836821613e-10,
    ];

    private LangevinBenchmarkValley()
    {
    }

    /// <inheritdoc/>
    public bool IsOneDimensional => false;

    /// <summary>The stand-in, after checking it against <paramref name="landscape"/> on a grid of the box.</summary>
    /// <exception cref="InvalidOperationException">The landscape is not the peer valley.</exception>
    public static LangevinBenchmarkValley CreateChecked(ILandscape landscape, double xMin, double xMax, double yMin, double yMax)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        var valley = new LangevinBenchmarkValley();
        var x = new double[CheckPoints];
        var y = new double[CheckPoints];
        var gx = new double[CheckPoints];
        var gy = new double[CheckPoints];
        for (int i = 0; i < CheckPoints; i++)
        {
            x[i] = xMin + (xMax - xMin) * (i % 8 + 0.5) / 8;
            y[i] = yMin + (yMax - yMin) * (i / 8 + 0.5) / 8;
        }
        valley.Gradient(x, y, gx, gy);
        for (int i = 0; i < CheckPoints; i++)
        {
            var (dx, dy) = landscape.Gradient(x[i], y[i]);
            if (Math.Abs(dx - gx[i]) > CheckTolerance * Math.Max(1, Math.Abs(dx)) || Math.Abs(dy - gy[i]) > CheckTolerance * Math.Max(1, Math.Abs(dy)))
                throw new InvalidOperationException($"The benchmark's valley gradient does not match the scenario's landscape ({landscape.Description}) at ({x[i]}, {y[i]}); bench langevin runs the peer valley only.");
        }
        return valley;
    }

    /// <inheritdoc/>
    public IGradientEvaluator CreateEvaluator() => this;

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy)
    {
        switch (SimdSupport.Preferred)
        {
            case SimdWidth.Vector512: Gradient<Lanes512>(x, y, gx, gy); break;
            case SimdWidth.Vector256: Gradient<Lanes256>(x, y, gx, gy); break;
            default: Gradient<Lane1>(x, y, gx, gy); break;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Gradient<T>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy)
        where T : struct, IDoubleLanes<T>
    {
        ref double rx = ref MemoryMarshal.GetReference(x), ry = ref MemoryMarshal.GetReference(y);
        ref double rgx = ref MemoryMarshal.GetReference(gx), rgy = ref MemoryMarshal.GetReference(gy);
        int n = y.Length, full = n - n % T.Count;
        for (int i = 0; i < full; i += T.Count) Point(T.Load(ref rx, i), T.Load(ref ry, i), ref rgx, ref rgy, i);
        for (int i = full; i < n; i++) Point(Lane1.Load(ref rx, i), Lane1.Load(ref ry, i), ref rgx, ref rgy, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Point<T>(T x, T y, ref double gx, ref double gy, int i)
        where T : struct, IDoubleLanes<T>
    {
        var sign = T.FromBits(SignBit);
        var e = ExpOfNonPositive(T.Create(-2.0) * T.And(y, T.FromBits(~SignBit)));
        var one = T.Create(1.0);
        var t = T.Xor((one - e) / (one + e), T.And(y, sign)); // tanh y, odd
        T.Store(T.Fma(T.Create(10.0), t, T.Create(20.0)) * x, ref gx, i);
        var river = T.Fma(T.Create(2.0) * y, T.Fma(y, y, T.Create(-1.0)), T.Create(0.3));
        var sech2 = T.Fma(t, T.Create(0.0) - t, one);
        T.Store(T.Fma(T.Create(5.0) * sech2, x * x, river), ref gy, i);
    }

    /// <summary>
    /// e^v for v ∈ [−5, 0] (here v = −2|y|): <c>v = k ln 2 + r</c>, |r| ≤ ½ ln 2 (Cody–Waite, ln 2 split so
    /// that k·Ln2High is exact), Taylor polynomial of e^r to r¹³ (remainder &lt; 10⁻¹⁷), times 2ᵏ through
    /// the exponent bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpOfNonPositive<T>(T v)
        where T : struct, IDoubleLanes<T>
    {
        var magic = T.Create(RoundingMagic);
        var shifted = T.Fma(v, T.Create(InverseLn2), magic);
        var k = shifted - magic;
        var r = T.Fma(k, T.Create(-Ln2High), v);
        r = T.Fma(k, T.Create(-Ln2Low), r);
        var p = T.Create(ExpTaylor[^1]);
        for (int j = ExpTaylor.Length - 2; j >= 0; j--) p = T.Fma(p, r, T.Create(ExpTaylor[j]));
        return T.AddBits(p, T.ShiftLeft(shifted, 52));
    }

    /// <inheritdoc/>
    public void Loss(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> loss)
    {
        for (int i = 0; i < y.Length; i++)
            loss[i] = 0.5 * Math.Pow(y[i], 4) - y[i] * y[i] + 0.3 * y[i] + 10 * (1 + 0.5 * Math.Tanh(y[i])) * x[i] * x[i];
    }
}
