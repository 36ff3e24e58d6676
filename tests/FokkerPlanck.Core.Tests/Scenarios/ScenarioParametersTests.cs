using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Tests.Scenarios;

/// <summary>The scenario key "parameters": named numbers the landscape formulas may use, which a sweep varies.</summary>
public class ScenarioParametersTests
{
    private const string WithParameters = """
        { "landscape": { "kind": "valley-river", "c": "B*y^2", "a": "A + 2*y" }, "parameters": { "A": 20, "B": 0.5 },
          "domain": { "x": [-1, 1], "y": [-2, 2] }, "final_lr": 0.2, "plateau_lr": { "min": 0.3, "max": 2.0, "points": 7 } }
        """;

    [Fact]
    public void Parameters_AreReadAndTheFormulasUseThem()
    {
        var s = ScenarioLoader.Parse(WithParameters);
        Assert.Equal(new Dictionary<string, double> { ["A"] = 20, ["B"] = 0.5 }, s.Problem.Landscape.Parameters);
        var landscape = (ValleyRiverLandscape)ScenarioLandscapeFactory.Create(s);
        // L(x, y) = c(y) + a(y) x²/2 at (1, 1): 0.5 + (20 + 2)/2
        Assert.Equal(0.5 + 11.0, landscape.Potential(1, 1), 12);
    }

    [Fact]
    public void WithParameters_ChangesOnlyTheNamedValues()
    {
        var s = ScenarioLoader.Parse(WithParameters).WithParameters(new Dictionary<string, double> { ["A"] = 40 });
        Assert.Equal(new Dictionary<string, double> { ["A"] = 40, ["B"] = 0.5 }, s.Problem.Landscape.Parameters);
        var landscape = (ValleyRiverLandscape)ScenarioLandscapeFactory.Create(s);
        Assert.Equal(0.5 + 21.0, landscape.Potential(1, 1), 12);
    }

    [Fact]
    public void WithParameters_UndeclaredName_Throws()
        => Assert.Throws<ArgumentException>(() => ScenarioLoader.Parse(WithParameters).WithParameters(new Dictionary<string, double> { ["C"] = 1 }));

    [Fact]
    public void Formula_UsingAnUndeclaredName_NamesTheKeyAndTheDeclaredParameters()
    {
        var s = ScenarioLoader.Parse(WithParameters.Replace("B*y^2", "D*y^2", StringComparison.Ordinal));
        var e = Assert.Throws<ScenarioException>(() => ScenarioLandscapeFactory.Create(s));
        Assert.Equal("landscape.c", e.Key);
        Assert.Contains("'D'", e.Message, StringComparison.Ordinal);
        Assert.Contains("A, B", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"A\": 20", "\"exp\": 20", "parameters.exp")]
    [InlineData("\"A\": 20", "\"y\": 20", "parameters.y")]
    [InlineData("\"A\": 20", "\"2A\": 20", "parameters.2A")]
    [InlineData("\"A\": 20", "\"A\": \"20\"", "parameters.A")]
    [InlineData("{ \"A\": 20, \"B\": 0.5 }", "[20]", "parameters")]
    public void BadParameters_NameTheKey(string find, string replace, string key)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(WithParameters.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Equal(key, e.Key);
    }
}
