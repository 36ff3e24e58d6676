using FokkerPlanck.Core.Expressions;

namespace FokkerPlanck.Core.Tests.Expressions;

public class FormulaEvaluateTests
{
    /// <summary>Relative tolerance against hand-written C#: a few ulp, as both sides may round differently (e.g. Math.Pow vs products).</summary>
    private const double RelativeTolerance = 1e-14;

    private static readonly string[] XY = ["x", "y"];

    /// <summary>Formula text → the same expression written by hand in C#.</summary>
    private static readonly Dictionary<string, Func<double, double, double>> HandWritten = new()
    {
        ["0.5*y^4 - y^2 + 0.3*y"] = (x, y) => (0.5 * Math.Pow(y, 4)) - (y * y) + (0.3 * y),
        ["20*(1 + 0.5*tanh(2*y))"] = (x, y) => 20 * (1 + (0.5 * Math.Tanh(2 * y))),
        ["if(y < 0, 1, 2) + x^2"] = (x, y) => (y < 0 ? 1 : 2) + (x * x),
        ["1 + 2 * 3"] = (x, y) => 7,
        ["(1 + 2) * 3"] = (x, y) => 9,
        ["x - y - 1"] = (x, y) => x - y - 1,
        ["x / y / 2"] = (x, y) => x / y / 2,
        ["2^3^2"] = (x, y) => 512,
        ["-y^2"] = (x, y) => -(y * y),
        ["-2^2"] = (x, y) => -4,
        ["2^-1"] = (x, y) => 0.5,
        ["--x"] = (x, y) => x,
        ["+x - -y"] = (x, y) => x + y,
        ["x*-y"] = (x, y) => -x * y,
        ["1e-3 * x + .5 + 2.5E+1"] = (x, y) => (1e-3 * x) + 0.5 + 25,
        ["2. * x + 3.e1 + 0.25e-1"] = (x, y) => (2.0 * x) + 30 + 0.025,
        ["pi * x"] = (x, y) => Math.PI * x,
        ["exp(x) + log(y^2 + 1) + sqrt(abs(x))"] = (x, y) => Math.Exp(x) + Math.Log((y * y) + 1) + Math.Sqrt(Math.Abs(x)),
        ["cosh(x) - sinh(y) + sin(x*y) * cos(y)"] = (x, y) => Math.Cosh(x) - Math.Sinh(y) + (Math.Sin(x * y) * Math.Cos(y)),
        ["min(x, y) + 2*max(x, y)"] = (x, y) => Math.Min(x, y) + (2 * Math.Max(x, y)),
        ["sign(x - y)"] = (x, y) => Math.Sign(x - y),
        ["(x < y) + (x <= y) + (x > y) + (x >= y) + (x == y) + (x != y)"] = (x, y) =>
            (x < y ? 1 : 0) + (x <= y ? 1 : 0) + (x > y ? 1 : 0) + (x >= y ? 1 : 0) + (x == y ? 1 : 0) + (x != y ? 1 : 0),
        ["x + 1 < y * 2"] = (x, y) => x + 1 < y * 2 ? 1 : 0,
        ["if(x > 0, if(y > 0, 1, 2), 3 + y)"] = (x, y) => x > 0 ? (y > 0 ? 1 : 2) : 3 + y,
        ["if(x, y, 7)"] = (x, y) => x != 0 ? y : 7,
        ["  x\t*\n( y +1 ) "] = (x, y) => x * (y + 1),
        ["x^0.5 * y^3 + x^-2"] = (x, y) => (Math.Pow(x, 0.5) * y * y * y) + (1 / (x * x)),
    };

    public static TheoryData<string> Formulas => new(HandWritten.Keys);

    public static TheoryData<double, double> Points => new()
    {
        { 0.7, -1.3 }, { 2.0, 0.25 }, { -0.4, 0.0 }, { 1.5, 1.5 }, { 3.1, -2.2 },
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Evaluate_KnownFormula_MatchesHandWrittenCSharp(string text)
    {
        var formula = Formula.Parse(text, XY);
        var expected = HandWritten[text];
        foreach (var row in Points)
        {
            double x = (double)row[0], y = (double)row[1];
            AssertClose(expected(x, y), formula.Evaluate(x, y));
        }
    }

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Compile_KnownFormula_EqualsInterpreterBitForBit(string text)
    {
        var formula = Formula.Parse(text, XY);
        var compiled = formula.CompileBinary();
        foreach (var row in Points)
        {
            double x = (double)row[0], y = (double)row[1];
            Assert.Equal(formula.Evaluate(x, y), compiled(x, y));
        }
    }

    [Theory]
    [InlineData("log(y)", -1.0)]
    [InlineData("sqrt(y)", -4.0)]
    [InlineData("1/y", 0.0)]
    [InlineData("log(y)", 0.0)]
    public void Evaluate_OutsideDomain_ReturnsNonFiniteWithoutThrowing(string text, double y)
    {
        var formula = Formula.Parse(text, ["y"]);
        Assert.False(double.IsFinite(formula.Evaluate(y)));
        Assert.Equal(formula.Evaluate(y), formula.CompileUnary()(y));
    }

    [Fact]
    public void Evaluate_SpanOfWrongLength_Throws()
    {
        var formula = Formula.Parse("x + y", XY);
        Assert.Throws<ArgumentException>(() => formula.Evaluate(1.0));
    }

    [Fact]
    public void Evaluate_NoVariables_ConstantFormula()
    {
        var formula = Formula.Parse("2*pi", []);
        Assert.Equal(2 * Math.PI, formula.Evaluate([]));
        Assert.Equal(2 * Math.PI, Assert.IsType<Func<double[], double>>(formula.Compile())([]));
    }

    [Fact]
    public void Compile_CalledTwice_ReturnsCachedDelegate()
    {
        var formula = Formula.Parse("y^2", ["y"]);
        Assert.Same(formula.Compile(), formula.Compile());
        Assert.Throws<InvalidOperationException>(() => formula.CompileBinary());
    }

    [Fact]
    public void Compile_ThreeVariables_GivesArrayDelegate()
    {
        var formula = Formula.Parse("a + 2*b + 3*c", ["a", "b", "c"]);
        var f = Assert.IsType<Func<double[], double>>(formula.Compile());
        Assert.Equal(14.0, f([1.0, 2.0, 3.0]));
    }

    [Fact]
    public void CompiledDelegate_ManyCalls_AllocatesNothing()
    {
        var f = Formula.Parse("0.5*y^4 - y^2 + if(x < 0, exp(x), tanh(y))", XY).CompileBinary();
        double sum = f(0.1, 0.2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            sum += f(i * 1e-4, -i * 1e-4);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(double.IsFinite(sum));
    }

    [Fact]
    public void EvaluateMany_TwoVariables_MatchesPointwiseEvaluate()
    {
        var formula = Formula.Parse("x^2 + sin(y)", XY);
        double[] xs = [0.0, 1.0, -2.0], ys = [0.5, -0.5, 3.0];
        var result = new double[3];
        formula.EvaluateMany(xs, ys, result);
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.Equal(formula.Evaluate(xs[i], ys[i]), result[i]);
        }

        var single = Formula.Parse("y^3", ["y"]);
        single.EvaluateMany(xs, result);
        Assert.Equal(-8.0, result[2]);
    }

    internal static void AssertClose(double expected, double actual, double relativeTolerance = RelativeTolerance)
    {
        if (expected.Equals(actual))
        {
            return; // also covers matching infinities and NaN
        }

        double scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= relativeTolerance * scale, $"expected {expected:R}, got {actual:R}");
    }
}
