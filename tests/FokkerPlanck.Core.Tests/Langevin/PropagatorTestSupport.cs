using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Drift;

namespace FokkerPlanck.Core.Tests.Langevin;

/// <summary>Builds states and constant plans for the propagator tests.</summary>
internal static class PropagatorTestSupport
{
    /// <summary>A state of <paramref name="count"/> particles all at (x, y).</summary>
    public static ParticleState PointStart(int count, double x, double y)
    {
        var s = ParticleState.Allocate(count);
        Array.Fill(s.X, x);
        Array.Fill(s.Y, y);
        return s;
    }

    /// <summary><paramref name="steps"/> steps of size <paramref name="h"/> at temperature <paramref name="temperature"/>, continuing <paramref name="state"/>.</summary>
    public static StepPlan Constant(ParticleState state, int steps, double h, double temperature)
        => new(state.NextStep, Enumerable.Repeat(h, steps).ToArray(), Enumerable.Repeat(temperature, steps).ToArray());

    /// <summary>Advances through a constant plan.</summary>
    public static void Run(ParticleState state, LangevinMethod method, ILandscape landscape, Walls walls, int steps, double h, double temperature,
        ulong seed, int? threads = null)
        => EnsemblePropagator.Advance(state, Constant(state, steps, h, temperature), method, new ScalarBlockGradient(landscape), walls, seed,
            new PropagatorOptions { Threads = threads });

    /// <summary>A deep copy.</summary>
    public static ParticleState Copy(ParticleState s) => new((double[])s.X.Clone(), (double[])s.Y.Clone()) { NextStep = s.NextStep, Time = s.Time };
}
