using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Benchmarks;

/// <summary>What <see cref="LangevinBenchmark"/> propagates: a landscape's gradient in its box at one temperature, from one point.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Gradient">The block gradient under test.</param>
/// <param name="GradientKind">Which implementation <paramref name="Gradient"/> is.</param>
/// <param name="Walls">The reflecting box.</param>
/// <param name="Temperature">T (the scenario's final temperature; the peer's case temperature).</param>
/// <param name="StartX">Every particle's initial x.</param>
/// <param name="StartY">Every particle's initial y.</param>
public sealed record LangevinBenchmarkCase(string Name, IBlockGradient Gradient, string GradientKind, Walls Walls, double Temperature, double StartX, double StartY)
{
    /// <summary>
    /// The peer's start: 0.3 of each half-width from the box centre (<c>em_ref.py</c>: <c>x = 0.3·Lx/2</c>,
    /// <c>y = 0.3·Ly/2</c>), i.e. (0.3, 0.75) in the valley's box.
    /// </summary>
    public const double PeerStartFraction = 0.3;

    /// <summary>
    /// The benchmark of a two-dimensional scenario (the peer's is <c>data/scenarios/peer-valley.json</c>) at
    /// its final temperature, with the scenario's vectorized gradient (<see cref="BlockGradient.Create"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The scenario is one-dimensional.</exception>
    /// <exception cref="ScenarioException">A formula does not parse.</exception>
    public static LangevinBenchmarkCase FromScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Problem.XRange is not { } xr) throw new ArgumentException("bench langevin needs a two-dimensional scenario (the peer valley).", nameof(scenario));
        var yr = scenario.Problem.YRange;
        var walls = new Walls(xr.Min, xr.Max, yr.Min, yr.Max);
        var gradient = BlockGradient.Create(scenario);
        const string kind = "BlockGradient (compiled SIMD programs of the scenario's formulas)";
        double cx = 0.5 * (walls.XMin + walls.XMax), cy = 0.5 * (walls.YMin + walls.YMax);
        return new LangevinBenchmarkCase(scenario.Name, gradient, kind, walls, scenario.FinalTemperature,
            cx + PeerStartFraction * 0.5 * (walls.XMax - walls.XMin), cy + PeerStartFraction * 0.5 * (walls.YMax - walls.YMin));
    }
}
