using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Expressions.Blocks;

namespace FokkerPlanck.Core.Langevin.Drift;

/// <summary>
/// The vectorized gradient of the valley–river loss <c>L = c(y) + ½ a(y) x²</c>: a, a′, c′ from one
/// shared <see cref="BlockProgram"/>, then <c>gx = a x</c>, <c>gy = c′ + ½ a′ x²</c> in one fused pass.
/// </summary>
internal sealed class ValleyRiverBlockGradient : IBlockGradient
{
    /// <summary>Outputs of <see cref="_gradient"/>: a, a′, c′.</summary>
    private const int CurvatureOut = 0, CurvatureSlopeOut = 1, RiverSlopeOut = 2;

    /// <summary>Outputs of <see cref="_loss"/>: c, a.</summary>
    private const int RiverOut = 0, LossCurvatureOut = 1;

    private readonly BlockProgram _gradient;
    private readonly BlockProgram _loss;

    /// <summary>Compiles a, a′, c′ and c, a from the formulas c(y), a(y).</summary>
    public ValleyRiverBlockGradient(Formula river, Formula curvature)
    {
        _gradient = BlockProgram.Compile(curvature, curvature.Differentiate("y"), river.Differentiate("y"));
        _loss = BlockProgram.Compile(river, curvature);
    }

    /// <inheritdoc/>
    public bool IsOneDimensional => false;

    /// <inheritdoc/>
    public IGradientEvaluator CreateEvaluator() => new Evaluator(this);

    /// <summary>gx = a·x and gy = c′ + ((½·a′)·x)·x, the operation order of <c>ValleyRiverLandscape.Gradient</c>.</summary>
    private static void Combine(ReadOnlySpan<double> x, ReadOnlySpan<double> a, ReadOnlySpan<double> da, ReadOnlySpan<double> dc,
        Span<double> gx, Span<double> gy)
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double s = ref MemoryMarshal.GetReference(a);
        ref double ds = ref MemoryMarshal.GetReference(da);
        ref double cs = ref MemoryMarshal.GetReference(dc);
        ref double gxs = ref MemoryMarshal.GetReference(gx);
        ref double gys = ref MemoryMarshal.GetReference(gy);
        int i = 0, n = a.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            var half = Vector512.Create(0.5);
            for (; i + Vector512<double>.Count <= n; i += Vector512<double>.Count)
            {
                var xv = Vector512.LoadUnsafe(ref xs, (nuint)i);
                (Vector512.LoadUnsafe(ref s, (nuint)i) * xv).StoreUnsafe(ref gxs, (nuint)i);
                (Vector512.LoadUnsafe(ref cs, (nuint)i) + half * Vector512.LoadUnsafe(ref ds, (nuint)i) * xv * xv).StoreUnsafe(ref gys, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var half = Vector256.Create(0.5);
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var xv = Vector256.LoadUnsafe(ref xs, (nuint)i);
                (Vector256.LoadUnsafe(ref s, (nuint)i) * xv).StoreUnsafe(ref gxs, (nuint)i);
                (Vector256.LoadUnsafe(ref cs, (nuint)i) + half * Vector256.LoadUnsafe(ref ds, (nuint)i) * xv * xv).StoreUnsafe(ref gys, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            gx[i] = a[i] * x[i];
            gy[i] = dc[i] + 0.5 * da[i] * x[i] * x[i];
        }
    }

    /// <summary>loss = c + ((½·a)·x)·x, the operation order of <c>ValleyRiverLandscape.Potential</c>.</summary>
    private static void CombineLoss(ReadOnlySpan<double> x, ReadOnlySpan<double> c, ReadOnlySpan<double> a, Span<double> loss)
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double cs = ref MemoryMarshal.GetReference(c);
        ref double s = ref MemoryMarshal.GetReference(a);
        ref double ls = ref MemoryMarshal.GetReference(loss);
        int i = 0, n = c.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            var half = Vector512.Create(0.5);
            for (; i + Vector512<double>.Count <= n; i += Vector512<double>.Count)
            {
                var xv = Vector512.LoadUnsafe(ref xs, (nuint)i);
                (Vector512.LoadUnsafe(ref cs, (nuint)i) + half * Vector512.LoadUnsafe(ref s, (nuint)i) * xv * xv).StoreUnsafe(ref ls, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var half = Vector256.Create(0.5);
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var xv = Vector256.LoadUnsafe(ref xs, (nuint)i);
                (Vector256.LoadUnsafe(ref cs, (nuint)i) + half * Vector256.LoadUnsafe(ref s, (nuint)i) * xv * xv).StoreUnsafe(ref ls, (nuint)i);
            }
        }

        for (; i < n; i++) loss[i] = c[i] + 0.5 * a[i] * x[i] * x[i];
    }

    /// <summary>One thread's registers for both programs.</summary>
    private sealed class Evaluator(ValleyRiverBlockGradient owner) : IGradientEvaluator
    {
        private readonly BlockRegisters _gradient = owner._gradient.CreateRegisters(BlockGradient.MaxBlock);
        private readonly BlockRegisters _loss = owner._loss.CreateRegisters(BlockGradient.MaxBlock);

        public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy)
        {
            int n = BlockGradient.CheckBlock(false, x, y, gx.Length, gy.Length);
            var p = owner._gradient;
            p.Run(_gradient, y);
            Combine(x[..n], p.Output(_gradient, CurvatureOut), p.Output(_gradient, CurvatureSlopeOut), p.Output(_gradient, RiverSlopeOut), gx[..n], gy[..n]);
        }

        public void Loss(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> loss)
        {
            int n = BlockGradient.CheckBlock(false, x, y, loss.Length, loss.Length);
            var p = owner._loss;
            p.Run(_loss, y);
            CombineLoss(x[..n], p.Output(_loss, RiverOut), p.Output(_loss, LossCurvatureOut), loss[..n]);
        }
    }
}
