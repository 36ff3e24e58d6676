using System.Runtime.CompilerServices;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Langevin.Random;

namespace FokkerPlanck.Core.Langevin.Propagation;

/// <summary>
/// One thread's worker: advances a chunk of particles through every step of the plan while the
/// chunk's data stay in the L1 cache (temporal blocking: the particles are independent, so nothing
/// forces the whole ensemble through step n before step n + 1). Owns a 64-byte aligned workspace of
/// eight blocks (x, y, ∂L/∂x, ∂L/∂y and two pairs of noise) and a gradient evaluator.
/// </summary>
internal sealed class ChunkWorker
{
    /// <summary>
    /// Particles per chunk, the block gradients' limit (<see cref="BlockGradient.MaxBlock"/> = 256): 8 blocks
    /// × 256 doubles = 16 KiB of workspace, inside a 32–48 KiB L1 with the evaluator's scratch.
    /// </summary>
    public const int ChunkSize = BlockGradient.MaxBlock;

    /// <summary>Steps between two contributions to the progress meter.</summary>
    private const int ProgressStride = 64;

    private const int Blocks = 8;
    private const int Alignment = 64;

    private readonly PropagationJob _job;
    private readonly IGradientEvaluator _evaluator;
    private readonly double[] _workspace;
    private readonly int _offset;

    /// <summary>A worker of <paramref name="job"/> with its own <paramref name="evaluator"/>.</summary>
    public ChunkWorker(PropagationJob job, IGradientEvaluator evaluator)
    {
        _job = job;
        _evaluator = evaluator;
        _workspace = GC.AllocateArray<double>(Blocks * ChunkSize + Alignment / sizeof(double), pinned: true);
        unsafe
        {
            fixed (double* p = _workspace) _offset = (int)((Alignment - (nint)p % Alignment) % Alignment / sizeof(double));
        }
    }

    /// <summary>Advances chunk <paramref name="chunk"/> (particles <c>[256·chunk, 256·chunk + 256)</c>) through the plan.</summary>
    public void Run(int chunk)
    {
        switch (SimdSupport.Preferred)
        {
            case SimdWidth.Vector512: Run<Lanes512>(chunk); break;
            case SimdWidth.Vector256: Run<Lanes256>(chunk); break;
            default: Run<Lane1>(chunk); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run<T>(int chunk)
        where T : struct, IDoubleLanes<T>
    {
        var (state, plan, walls) = (_job.State, _job.Plan, _job.Walls);
        int first = chunk * ChunkSize, n = Math.Min(ChunkSize, state.Count - first);
        Span<double> x = Block(0, n), y = Block(1, n), gx = Block(2, n), gy = Block(3, n);
        Span<double> xi = Block(4, n), eta = Block(5, n), xiNext = Block(6, n), etaNext = Block(7, n);
        state.X.AsSpan(first, n).CopyTo(x);
        state.Y.AsSpan(first, n).CopyTo(y);
        if (_job.Carry is { } carried)
        {
            GaussianNoise.FillUnchecked(_job.Seed, plan.FirstStep, first, xi, eta);
            carried.Apply(first, xi, eta);
        }
        int sinceReport = 0;
        for (int k = 0; k < plan.Count; k++)
        {
            _job.Cancellation.ThrowIfCancellationRequested();
            long step = plan.FirstStep + k;
            _evaluator.Gradient(x, y, gx, gy);
            if (_job.Averaged) GaussianNoise.FillUnchecked(_job.Seed, step + 1, first, xiNext, etaNext);
            else GaussianNoise.FillUnchecked(_job.Seed, step, first, xi, eta);
            Span<double> xn = _job.Averaged ? xiNext : default, en = _job.Averaged ? etaNext : default;
            double h = plan.Sizes[k], a = _job.Amplitudes[k];
            bool finite = _job.OneDimensional || ParticleUpdate.Advance<T>(x, gx, xi, xn, h, a, walls.XMin, walls.XMax);
            finite &= ParticleUpdate.Advance<T>(y, gy, eta, en, h, a, walls.YMin, walls.YMax);
            if (!finite) throw NonFinite(step, k, first, x, y, gx, gy);
            if (_job.Averaged)
            {
                Swap(ref xi, ref xiNext);
                Swap(ref eta, ref etaNext);
            }
            if (++sinceReport == ProgressStride)
            {
                _job.Meter.Add((long)sinceReport * n);
                sinceReport = 0;
            }
        }
        _job.Meter.Add((long)sinceReport * n);
        if (_job.Carry is { } carry)
        {
            GaussianNoise.FillUnchecked(_job.Seed, plan.FirstStep + plan.Count, first, xiNext, etaNext);
            carry.Record(first, xi, eta, xiNext, etaNext);
        }
        if (!_job.OneDimensional) x.CopyTo(state.X.AsSpan(first, n));
        y.CopyTo(state.Y.AsSpan(first, n));
    }

    private static void Swap(ref Span<double> a, ref Span<double> b)
    {
        var t = a;
        a = b;
        b = t;
    }

    private Span<double> Block(int index, int length) => _workspace.AsSpan(_offset + index * ChunkSize, length);

    /// <summary>The exception for a non-finite position after <paramref name="step"/>, naming the first such particle.</summary>
    private LangevinException NonFinite(long step, int k, int first, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> gx, ReadOnlySpan<double> gy)
    {
        int i = 0;
        while (i < y.Length - 1 && double.IsFinite(y[i]) && (_job.OneDimensional || double.IsFinite(x[i]))) i++;
        var plan = _job.Plan;
        string gradient = _job.OneDimensional
            ? $"∂L/∂y = {gy[i]:G6}"
            : $"(∂L/∂x, ∂L/∂y) = ({gx[i]:G6}, {gy[i]:G6})";
        string message =
            $"Langevin step {step} (step {k + 1} of {plan.Count} in this stretch, h = {plan.Sizes[k]:G6}, T = {plan.Temperatures[k]:G6}): " +
            $"particle {first + i} reached a non-finite position; its gradient before the step was {gradient}. " +
            "Either the landscape's gradient is not finite there, or the step is too large for the landscape's curvature and the update overflowed. " +
            "Use a smaller step (dt, or the learning rate for SGD), or check the landscape formulas inside the walls.";
        return new LangevinException(message, step, first + i);
    }
}
