using FokkerPlanck.Core.Expressions;

namespace FokkerPlanck.Core.Tests.Expressions;

public class FormulaToStringTests
{
    private static readonly string[] XY = ["x", "y"];

    [Theory]
    [InlineData("0.5*y^4 - y^2 + 0.3*y")]
    [InlineData("20*(1 + 0.5*tanh(2*y))")]
    [InlineData("if(y < 0, 1, 2) + x^2")]
    [InlineData("x - (y - 1)")]
    [InlineData("x - y - 1")]
    [InlineData("x / (y * 2)")]
    [InlineData("x + (y + 1)")]
    [InlineData("(2^3)^2")]
    [InlineData("2^3^2")]
    [InlineData("(-2)^x")]
    [InlineData("2^-x")]
    [InlineData("-(x + y)")]
    [InlineData("-x^2")]
    [InlineData("(-x)^2")]
    [InlineData("--x")]
    [InlineData("x * -3")]
    [InlineData("(x < y) == (y < 1)")]
    [InlineData("x < (y < 1)")]
    [InlineData("1e-300 * x + 1.2345678901234567e20 + pi")]
    [InlineData("min(x, max(y, -1)) + sign(x) / abs(y)")]
    [InlineData("if(x != 0, exp(-x), log(1 + y^2))")]
    [InlineData("(x + 1) * (y - 1) / (x - y)")]
    [InlineData("(-0)^x + -0")]
    [InlineData("2^(x < 1) - x^(y^2)")]
    public void ToString_ParsedFormula_RoundTripsToSameTree(string text)
    {
        var formula = Formula.Parse(text, XY);
        string printed = formula.ToString();
        var reparsed = Formula.Parse(printed, XY);
        Assert.Equal(formula.Root, reparsed.Root);
        Assert.Equal(printed, reparsed.ToString());
    }

    [Theory]
    [InlineData("exp(-(x^2 + y^2) / 2) * log(1 + abs(y))")]
    [InlineData("(x^2 + 1)^(y / 2)")]
    [InlineData("min(x, y) + max(x^2, y) / sqrt(y)")]
    public void ToString_Derivative_RoundTripsToSameTree(string text)
    {
        foreach (string variable in XY)
        {
            var derivative = Formula.Parse(text, XY).Differentiate(variable);
            Assert.Equal(derivative.Root, Formula.Parse(derivative.ToString(), XY).Root);
        }
    }

    [Fact]
    public void ToString_Polynomial_UsesMinimalParentheses()
    {
        Assert.Equal("0.5 * y^4 - y^2 + 0.3 * y", Formula.Parse("((0.5*(y^4)) - (y^2)) + (0.3*y)", ["y"]).ToString());
    }
}
