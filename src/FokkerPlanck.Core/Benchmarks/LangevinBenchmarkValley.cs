using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Langevin.Drift;

namespace FokkerPlanck.Core.Benchmarks;

/// <summary>
/// A hand-vectorized gradient of the peer's valley, <c>L = c(y) + a(y)x²/2</c> with
/// <c>c = 0.5y⁴ − y² + 0.3y</c>, <c>a = 20(1 + 0.5 tanh y)</c>: <c>∂L/∂x = a x</c>,
/// <c>∂L/∂y = 2y³ − 2y + 0.3 + 5(1 − tanh² y) x²</c>, with <c>tanh|y| = (1 − e)/(1 + e)</c>,
/// <c>e = exp(−2|y|)</c> (absolute error ≈ 10⁻¹⁶). A stand-in for the benchmark only, until the general
/// vectorized <c>BlockGradient.Create(scenario)</c> is available; <see cref="CreateChecked"/> refuses a
/// landscape it does not reproduce.
/// </summary>
internal sealed class LangevinBenchmarkValley : IBlockGradient, IGradientEvaluator
{
    /// <summary>Agreement required with the scenario's compiled gradient, relative to max(1, |∂L|).</summary>
    public const double CheckTolerance = 1e-12;

    private const int CheckPoints = 64;

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
        int n = y.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref double rx = ref MemoryMarshal.GetReference(x), ry = ref MemoryMarshal.GetReference(y);
            ref double rgx = ref MemoryMarshal.GetReference(gx), rgy = ref MemoryMarshal.GetReference(gy);
            for (; i + 8 <= n; i += 8)
            {
                var xv = Vector512.LoadUnsafe(ref rx, (nuint)i);
                var yv = Vector512.LoadUnsafe(ref ry, (nuint)i);
                var e = Vector512.Exp(Vector512.Create(-2.0) * Vector512.Abs(yv));
                var t = Vector512.CopySign((Vector512<double>.One - e) / (Vector512<double>.One + e), yv);
                var a = Vector512.FusedMultiplyAdd(Vector512.Create(10.0), t, Vector512.Create(20.0));
                (a * xv).StoreUnsafe(ref rgx, (nuint)i);
                var river = Vector512.FusedMultiplyAdd(Vector512.Create(2.0) * yv, yv * yv - Vector512<double>.One, Vector512.Create(0.3));
                var sech2 = Vector512.FusedMultiplyAdd(-t, t, Vector512<double>.One);
                Vector512.FusedMultiplyAdd(Vector512.Create(5.0) * sech2, xv * xv, river).StoreUnsafe(ref rgy, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            double t = Math.Tanh(y[i]);
            gx[i] = (20 + 10 * t) * x[i];
            gy[i] = 2 * y[i] * (y[i] * y[i] - 1) + 0.3 + 5 * (1 - t * t) * x[i] * x[i];
        }
    }

    /// <inheritdoc/>
    public void Loss(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> loss)
    {
        for (int i = 0; i < y.Length; i++)
            loss[i] = 0.5 * Math.Pow(y[i], 4) - y[i] * y[i] + 0.3 * y[i] + 10 * (1 + 0.5 * Math.Tanh(y[i])) * x[i] * x[i];
    }
}
