using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.Tests.TestSupport;
using FokkerPlanck.Core.TimeStepping;

namespace FokkerPlanck.Core.Tests.TimeStepping;

/// <summary>Small problems shared by the time-stepping tests.</summary>
internal static class TimeSteppingFixtures
{
    /// <summary>The peer valley on a small clustered grid with the Scharfetter–Gummel flux.</summary>
    public static GeneratorFamily SmallValley(int nx = 16, int ny = 24)
        => new(DiscreteLandscape.Sample(new TensorGrid(Axis.Clustered(-1, 1, nx, 0.0, 1.5), Axis.Uniform(-2.5, 2.5, ny)), TestLandscapes.PeerValley()));

    /// <summary>The 1D harmonic well U = k y²/2 on [−half, half] with <paramref name="cells"/> uniform cells.</summary>
    public static GeneratorFamily Harmonic1D(double k, double half, int cells)
        => new(DiscreteLandscape.Sample(TensorGrid.OneDimensional(Axis.Uniform(-half, half, cells)), TestLandscapes.Harmonic1D(k)));

    /// <summary>Equilibrium cell masses at temperature T (κ = 1: T = η).</summary>
    public static double[] Equilibrium(GeneratorFamily family, double temperature)
        => [.. family.OperatorAt(temperature).LogEquilibrium.ToArray().Select(Math.Exp)];

    /// <summary>A schedule from its spec, bound to (η_h, η_c).</summary>
    public static ILearningRateSchedule Schedule(string spec, double plateau, double final) => ScheduleCatalog.Parse(spec).Bind(plateau, final);

    /// <summary>Runs to <paramref name="end"/> and returns the states at <paramref name="times"/>.</summary>
    public static (List<double[]> States, IntegrationStatistics Stats) Run(GeneratorFamily family, IntegratorOptions options, ILearningRateSchedule schedule,
        double[] initial, double end, double[] times)
    {
        var recorder = new Recorder();
        using var integrator = new TimeIntegrator(family, TimeIntegrator.AnalyzeGrid(family.Landscape.Grid), options);
        var stats = integrator.Run(schedule, 1.0, initial, end, times, [recorder]);
        return (recorder.States, stats);
    }

    /// <summary>Keeps a copy of every observed state.</summary>
    public sealed class Recorder : IStepObserver
    {
        public List<double[]> States { get; } = [];

        public List<double> Times { get; } = [];

        public void Observe(double t, ReadOnlySpan<double> masses)
        {
            Times.Add(t);
            States.Add(masses.ToArray());
        }
    }

    public static double L1(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Sum();
}
