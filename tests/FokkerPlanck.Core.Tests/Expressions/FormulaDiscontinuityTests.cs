using FokkerPlanck.Core.Expressions;

namespace FokkerPlanck.Core.Tests.Expressions;

public class FormulaDiscontinuityTests
{
    /// <summary>Bisection refines to 1e-13 of the interval; allow a little more.</summary>
    private const double LocationTolerance = 1e-11;

    private static readonly string[] XY = ["x", "y"];

    [Theory]
    [InlineData("if(y < 0.3, 1, 2)", new[] { 0.3 })]
    [InlineData("(y > -0.5) + (y > 0.5)", new[] { -0.5, 0.5 })]
    [InlineData("if(y^2 < 0.5, 0, 1)", new[] { -0.70710678118654752, 0.70710678118654752 })]
    [InlineData("sign(y - 0.2)", new[] { 0.2 })]
    [InlineData("if(y < 0, 1, 2) + x^2", new[] { 0.0 })]
    [InlineData("abs(y - 0.2)", new double[0])]
    [InlineData("min(y, 0.1) + max(y, 0.4)", new double[0])]
    [InlineData("0.5*y^4 - y^2 + 0.3*y", new double[0])]
    public void FindDiscontinuities_Formula_ReportsJumpLocations(string text, double[] expected)
    {
        var found = Formula.Parse(text, XY).FindDiscontinuities("y", -1.0, 1.0);
        AssertLocations(expected, found);
    }

    [Theory]
    [InlineData("abs(y - 0.2)", new[] { 0.2 })]
    [InlineData("min(y, 0.1) + max(y, 0.4)", new[] { 0.1, 0.4 })]
    [InlineData("if(y < 0.3, 1, 2) + abs(y + 0.6)", new[] { -0.6, 0.3 })]
    public void FindDiscontinuities_IncludeKinks_AlsoReportsKinks(string text, double[] expected)
    {
        var options = new DiscontinuitySearchOptions(IncludeKinks: true);
        AssertLocations(expected, Formula.Parse(text, XY).FindDiscontinuities("y", -1.0, 1.0, options));
    }

    [Fact]
    public void FindDiscontinuities_DerivativeOfKink_ReportsTheJump()
    {
        var force = Formula.Parse("abs(y - 0.2)", ["y"]).Differentiate("y");
        AssertLocations([0.2], force.FindDiscontinuities("y", -1.0, 1.0));
    }

    [Fact]
    public void FindDiscontinuities_OtherVariableFixed_UsesFixedValue()
    {
        var formula = Formula.Parse("if(y < x, 1, 0)", XY);
        var options = new DiscontinuitySearchOptions(FixedValues: [0.45, 0.0]);
        AssertLocations([0.45], formula.FindDiscontinuities("y", -1.0, 1.0, options));
        AssertLocations([], formula.FindDiscontinuities("x", 0.5, 1.0, options));
    }

    [Fact]
    public void FindDiscontinuities_JumpOnASamplePoint_ReportedOnce()
    {
        var options = new DiscontinuitySearchOptions(SampleCount: 4);
        AssertLocations([0.5], Formula.Parse("y >= 0.5", ["y"]).FindDiscontinuities("y", 0.0, 1.0, options));
    }

    [Fact]
    public void FindDiscontinuities_InvalidArguments_Throw()
    {
        var formula = Formula.Parse("y < 0", ["y"]);
        Assert.Throws<ArgumentException>(() => formula.FindDiscontinuities("x", 0, 1));
        Assert.Throws<ArgumentException>(() => formula.FindDiscontinuities("y", 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => formula.FindDiscontinuities("y", 0, 1, new DiscontinuitySearchOptions(SampleCount: 0)));
        Assert.Throws<ArgumentException>(() => formula.FindDiscontinuities("y", 0, 1, new DiscontinuitySearchOptions(FixedValues: [1.0, 2.0])));
    }

    [Theory]
    [InlineData("if(y < 0, 1, 2)", true)]
    [InlineData("y > 0", true)]
    [InlineData("abs(y)", true)]
    [InlineData("2 * max(y, 0)", true)]
    [InlineData("exp(sign(y))", true)]
    [InlineData("0.5*y^4 - y^2 + 0.3*y", false)]
    [InlineData("tanh(y) / (1 + y^2)", false)]
    public void IsPiecewise_Formula_DetectsPiecewiseParts(string text, bool expected)
    {
        Assert.Equal(expected, Formula.Parse(text, ["y"]).IsPiecewise);
    }

    private static void AssertLocations(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= LocationTolerance, $"expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
