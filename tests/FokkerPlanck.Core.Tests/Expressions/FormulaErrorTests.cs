using FokkerPlanck.Core.Expressions;

namespace FokkerPlanck.Core.Tests.Expressions;

public class FormulaErrorTests
{
    private static readonly string[] XY = ["x", "y"];

    [Theory]
    [InlineData("20*(1+tanhh(y))", 6, "unknown function 'tanhh' at position 6; expected one of exp, log, sqrt")]
    [InlineData("x + z", 4, "unknown variable 'z' at position 4; this formula may use x, y")]
    [InlineData("y 2", 2, "unexpected '2' at position 2; expected")]
    [InlineData("x*y)", 3, "unexpected ')' at position 3; expected")]
    [InlineData("(y + 1", 6, "unexpected end of input at position 6; expected")]
    [InlineData("((x)", 4, "unexpected end of input at position 4")]
    [InlineData("", 0, "unexpected end of input at position 0; expected a number, variable, function or '('")]
    [InlineData("   ", 3, "unexpected end of input at position 3; expected a number, variable, function or '('")]
    [InlineData("2 * )", 4, "unexpected ')' at position 4; expected a number, variable, function or '('")]
    [InlineData("if(y < 0, 1)", 0, "function 'if' at position 0 takes 3 arguments but was given 2")]
    [InlineData("1 + min(y)", 4, "function 'min' at position 4 takes 2 arguments but was given 1")]
    [InlineData("max(1, 2, y)", 0, "function 'max' at position 0 takes 2 arguments but was given 3")]
    [InlineData("exp()", 0, "function 'exp' at position 0 takes 1 argument but was given 0")]
    [InlineData("2 + exp", 7, "function 'exp' must be followed by '(' at position 7")]
    [InlineData("y(2)", 0, "'y' is a variable, not a function, at position 0")]
    [InlineData("x = y", 3, "unexpected ' ' at position 3; expected '='")]
    [InlineData("x $ y", 2, "unexpected '$' at position 2")]
    [InlineData("()", 1, "unexpected ')' at position 1; expected a number, variable, function or '('")]
    [InlineData("min(1,)", 6, "unexpected ')' at position 6; expected a number, variable, function or '('")]
    [InlineData("exp(y))", 6, "unexpected ')' at position 6; expected an operator or end of input")]
    [InlineData("2e", 1, "unexpected 'e' at position 1; expected an operator or end of input")]
    public void Parse_InvalidText_ThrowsWithPositionAndMessage(string text, int position, string messageStart)
    {
        var error = Assert.Throws<FormulaException>(() => Formula.Parse(text, XY));
        Assert.Equal(position, error.Position);
        Assert.Equal(text, error.Text);
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("y 2", "an operator")]
    [InlineData("y 2", "an operator or end of input")]
    [InlineData("(y + 1", "an operator or ')'")]
    [InlineData("exp(y", "an operator, ',' or ')'")]
    [InlineData("x*y)", "end of input")]
    public void Parse_SyntaxError_MessageListsWhatWasExpected(string text, string expectedFragment)
    {
        var error = Assert.Throws<FormulaException>(() => Formula.Parse(text, XY));
        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnknownFunction_PutsCaretUnderOffendingCharacter()
    {
        var error = Assert.Throws<FormulaException>(() => Formula.Parse("20*(1+tanhh(y))", ["y"]));
        string[] lines = error.Describe().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(error.Message, lines[0]);
        Assert.Equal("  20*(1+tanhh(y))", lines[1]);
        Assert.Equal(lines[1].IndexOf('t', StringComparison.Ordinal), lines[2].IndexOf('^', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("pi")]
    [InlineData("2y")]
    [InlineData("")]
    public void Parse_InvalidVariableName_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => Formula.Parse("1", [name]));
    }

    [Fact]
    public void Parse_RepeatedVariable_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Formula.Parse("x", ["x", "x"]));
    }

    [Fact]
    public void Parse_NoVariables_UnknownVariableMessageSaysSo()
    {
        var error = Assert.Throws<FormulaException>(() => Formula.Parse("1 + q", []));
        Assert.Contains("may use no variables", error.Message, StringComparison.Ordinal);
    }
}
