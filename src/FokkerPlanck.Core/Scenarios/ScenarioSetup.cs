using System.Runtime.CompilerServices;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Scenarios;

/// <summary>A scenario made concrete: compiled landscape, grid, and the landscape sampled on it.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Landscape">Compiled landscape.</param>
/// <param name="Grid">Grid.</param>
/// <param name="Sampled">U on centres and faces.</param>
public sealed record ScenarioSetup(Scenario Scenario, ILandscape Landscape, TensorGrid Grid, DiscreteLandscape Sampled)
{
    /// <summary>Points at which c(y) and a(y) are checked along domain.y (finer than any default grid, so a sign change of a between cells is caught).</summary>
    public const int FormulaCheckSamples = 2048;

    /// <summary>The face flux of the scenario.</summary>
    public IFaceFlux Flux => FaceFluxCatalog.Get(Scenario.Problem.Flux);

    /// <summary>
    /// The operator <see cref="OperatorAt"/> made last for each sampled landscape, kept beside the setup rather
    /// than in it, so that the record's equality stays that of its members. An entry lives as long as its landscape.
    /// </summary>
    private static readonly ConditionalWeakTable<DiscreteLandscape, FokkerPlanckOperator> LastOperators = new();

    /// <summary>
    /// The operator at learning rate <paramref name="lr"/>. The one made last on this sampling is kept and
    /// handed out again for the same temperature and flux (an operator is immutable): the scenario check and
    /// the solve at the final LR share one (on a 1024² grid: two million face conductances and four arrays of 8 MB).
    /// </summary>
    public FokkerPlanckOperator OperatorAt(double lr)
    {
        double temperature = Scenario.TemperatureOf(lr);
        var flux = Flux;
        if (LastOperators.TryGetValue(Sampled, out var last) && last.Temperature.Equals(temperature) && last.Flux.Name == flux.Name) return last;
        var made = FokkerPlanckOperator.Create(Sampled, temperature, flux);
        LastOperators.AddOrUpdate(Sampled, made);
        return made;
    }

    /// <summary>
    /// Compiles, grids and samples a scenario, checking the formulas on the grid: finite everywhere
    /// and, for valley–river landscapes, <c>a(y) &gt; 0</c>.
    /// </summary>
    /// <exception cref="ScenarioException">A formula fails to parse or misbehaves on the grid.</exception>
    public static ScenarioSetup Create(Scenario scenario, int? nx = null, int? ny = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var landscape = ScenarioLandscapeFactory.Create(scenario);
        if (landscape is ValleyRiverLandscape vr)
        {
            var (ymin, ymax) = scenario.Problem.YRange;
            const int samples = FormulaCheckSamples;
            for (int s = 0; s <= samples; s++)
            {
                double y = ymin + (ymax - ymin) * s / samples;
                double c = vr.River.Value(y), a = vr.Curvature.Value(y);
                if (!double.IsFinite(c)) throw new ScenarioException("landscape.c", $"c(y) = {c} at y = {y:G6}; the formula must be finite on the whole domain.y.");
                if (!double.IsFinite(a)) throw new ScenarioException("landscape.a", $"a(y) = {a} at y = {y:G6}; the formula must be finite on the whole domain.y.");
                if (!(a > 0)) throw new ScenarioException("landscape.a", $"a(y) = {a:G6} ≤ 0 at y = {y:G6}; the valley curvature must be positive everywhere in domain.y.");
            }
        }
        TensorGrid grid;
        DiscreteLandscape sampled;
        string key = scenario.Problem.Landscape.Kind == LandscapeKind.ValleyRiver ? "landscape" : "landscape.U";
        try
        {
            grid = ScenarioGridBuilder.Build(scenario, landscape, nx, ny);
            sampled = DiscreteLandscape.Sample(grid, landscape);
        }
        catch (ArgumentException e) { throw new ScenarioException(key, e.Message, e); }
        return new ScenarioSetup(scenario, landscape, grid, sampled);
    }
}
