using FokkerPlanck.Core.Expressions;

namespace FokkerPlanck.Core.Tests.Expressions;

public class FormulaDifferentiateTests
{
    /// <summary>Relative tolerance of the derivative against a central difference: the O(h²) truncation
    /// error with <see cref="RelativeStep"/> is about 1e-10 relative, rounding about ε/h ≈ 1e-11.</summary>
    private const double FiniteDifferenceTolerance = 1e-7;

    /// <summary>Step of the central difference relative to max(1, |point|).</summary>
    private const double RelativeStep = 1e-5;

    private static readonly string[] XY = ["x", "y"];

    /// <summary>Points away from every kink and jump of the formulas below (none has |x|, |y| near 0.2, 0.3, 1 crossings used).</summary>
    private static readonly (double X, double Y)[] Points =
        [(0.7, 1.3), (1.9, 0.45), (0.35, 2.6), (2.4, 1.7), (1.1, 0.8), (0.55, -0.65), (-0.9, 1.45)];

    [Theory]
    [InlineData("exp(2*x - y)")]
    [InlineData("log(x^2 + y^2)")]
    [InlineData("sqrt(x^2 + 2*y^2 + 1)")]
    [InlineData("abs(x - 0.2) * y")]
    [InlineData("tanh(2*x*y)")]
    [InlineData("cosh(x) + sinh(y)")]
    [InlineData("sin(3*x) * cos(y^2)")]
    [InlineData("sign(x - 0.2) * y^2")]
    [InlineData("min(x, y) + max(x^2, y)")]
    [InlineData("if(x < y, x*y, x - y)")]
    [InlineData("(x < 0.3) + 2*(y >= 0.3) * x")]
    [InlineData("0.5*y^4 - y^2 + 0.3*y + x^3")]
    [InlineData("20*(1 + 0.5*tanh(2*y))")]
    [InlineData("x / (1 + y^2)")]
    [InlineData("(x^2 + 1)^(y / 2)")]
    [InlineData("2^(x*y) + x^-2 + (y^2 + 1)^0.5")]
    [InlineData("-y^2 / -x")]
    [InlineData("exp(-(x^2 + y^2) / 2) * log(1 + abs(y))")]
    public void Differentiate_EveryFunction_MatchesCentralDifferenceAndCompiledMatchesInterpreted(string text)
    {
        var formula = Formula.Parse(text, XY);
        for (int v = 0; v < 2; v++)
        {
            var derivative = formula.Differentiate(XY[v]);
            foreach (var (x, y) in Points)
            {
                double[] at = [x, y];
                double h = RelativeStep * Math.Max(1.0, Math.Abs(at[v]));
                double[] plus = [.. at], minus = [.. at];
                plus[v] += h;
                minus[v] -= h;
                double expected = (formula.Evaluate(plus) - formula.Evaluate(minus)) / (2 * h);
                double actual = derivative.Evaluate(at);
                FormulaEvaluateTests.AssertClose(expected, actual, FiniteDifferenceTolerance);
                Assert.Equal(actual, derivative.CompileBinary()(x, y));
            }
        }
    }

    [Theory]
    [InlineData("0.5*y^4 - y^2 + 0.3*y", "2 * y^3 - 2 * y + 0.3")]
    [InlineData("3*y^2", "6 * y")]
    [InlineData("y", "1")]
    [InlineData("x", "0")]
    [InlineData("7 + x*y", "x")]
    [InlineData("y^3/3", "y^2")]
    [InlineData("abs(y - 0.2)", "sign(y - 0.2)")]
    [InlineData("if(y < 0, y^2, 2*y)", "if(y < 0, 2 * y, 2)")]
    [InlineData("if(y < 0, 1, 2) + x^2", "0")]
    [InlineData("max(y, 1)", "if(y >= 1, 1, 0)")]
    [InlineData("exp(2*y)", "2 * exp(2 * y)")]
    [InlineData("log(y)", "1 / y")]
    [InlineData("-y^2", "-2 * y")]
    [InlineData("cos(2*y)", "-2 * sin(2 * y)")]
    [InlineData("y/(1 + y)", "1 / (1 + y)^2")]
    public void Differentiate_SimpleFormula_GivesExactSimplifiedResult(string text, string expected)
    {
        var derivative = Formula.Parse(text, XY).Differentiate("y");
        Assert.Equal(expected, derivative.ToString());
        Assert.Equal(XY, derivative.Variables);
    }

    [Fact]
    public void Differentiate_SecondDerivativeOfQuartic_IsExact()
    {
        var second = Formula.Parse("0.5*y^4 - y^2 + 0.3*y", ["y"]).Differentiate("y").Differentiate("y");
        Assert.Equal("6 * y^2 - 2", second.ToString());
    }

    [Fact]
    public void Differentiate_UnknownVariable_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Formula.Parse("y", ["y"]).Differentiate("x"));
    }
}
