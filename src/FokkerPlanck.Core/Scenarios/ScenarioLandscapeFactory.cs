using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Scenarios;

/// <summary>Turns the formulas of a scenario into a compiled landscape with symbolic gradients.</summary>
public static class ScenarioLandscapeFactory
{
    /// <summary>x positions at which a 2D formula is scanned for jumps along y (and vice versa): jumps along lines x = const / y = const are found wherever they cross.</summary>
    private const int JumpScanLines = 5;

    /// <summary>Builds the landscape.</summary>
    /// <exception cref="ScenarioException">A formula does not parse; the message points at the character.</exception>
    public static ILandscape Create(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var spec = scenario.Problem.Landscape;
        return spec.Kind switch
        {
            LandscapeKind.ValleyRiver => new ValleyRiverLandscape(Field1D(spec.C!, "landscape.c", spec.Parameters), Field1D(spec.A!, "landscape.a", spec.Parameters)),
            LandscapeKind.Potential1D => new PotentialLandscape1D(Field1D(spec.U!, "landscape.U", spec.Parameters)),
            _ => new PotentialLandscape2D(Field2D(spec.U!, "landscape.U", scenario.Problem)),
        };
    }

    /// <summary>Compiles a formula in y.</summary>
    /// <param name="text">The formula.</param>
    /// <param name="key">Scenario key named in errors.</param>
    /// <param name="parameters">Named constants the formula may use (null for none).</param>
    public static ScalarField1D Field1D(string text, string key, IReadOnlyDictionary<string, double>? parameters = null)
    {
        var f = ParseOrThrow(text, ["y"], key, parameters);
        var d = f.Differentiate("y");
        return new ScalarField1D(text, f.CompileUnary(), d.CompileUnary(), (lo, hi) => f.FindDiscontinuities("y", lo, hi));
    }

    private static ScalarField2D Field2D(string text, string key, ProblemSpec problem)
    {
        var f = ParseOrThrow(text, ["x", "y"], key, problem.Landscape.Parameters);
        var dx = f.Differentiate("x");
        var dy = f.Differentiate("y");
        var (xmin, xmax) = problem.XRange ?? (0.0, 0.0);
        var (ymin, ymax) = problem.YRange;
        IReadOnlyList<double> Jumps(string variable, double lo, double hi)
        {
            bool alongX = variable == "x";
            var found = new SortedSet<double>();
            for (int s = 0; s < JumpScanLines; s++)
            {
                double other = alongX ? ymin + (ymax - ymin) * (s + 0.5) / JumpScanLines : xmin + (xmax - xmin) * (s + 0.5) / JumpScanLines;
                double[] fixedValues = alongX ? [0.0, other] : [other, 0.0];
                foreach (double p in f.FindDiscontinuities(variable, lo, hi, new DiscontinuitySearchOptions(FixedValues: fixedValues))) found.Add(p);
            }
            return [.. found];
        }
        return new ScalarField2D(text, f.CompileBinary(), dx.CompileBinary(), dy.CompileBinary(),
            (lo, hi) => Jumps("x", lo, hi), (lo, hi) => Jumps("y", lo, hi));
    }

    /// <summary>Parses a scenario formula; a <see cref="FormulaException"/> or a bad parameter name becomes a <see cref="ScenarioException"/> naming <paramref name="key"/>.</summary>
    internal static Formula ParseOrThrow(string text, string[] variables, string key, IReadOnlyDictionary<string, double>? parameters)
    {
        try { return Formula.Parse(text, variables, parameters); }
        catch (ArgumentException e) { throw new ScenarioException("parameters", e.Message, e); }
        catch (FormulaException e) { throw new ScenarioException(key, e.Message, e); }
    }
}
