using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Expressions.Blocks;
using Xunit.Abstractions;
using static FokkerPlanck.Core.Tests.Expressions.Blocks.BlockTestPoints;

namespace FokkerPlanck.Core.Tests.Expressions.Blocks;

/// <summary>
/// Every construct of the formula language on blocks against the scalar compiled delegate: the same
/// doubles (±0 aside, see <see cref="BlockTestPoints.SameValue"/>) for the exact steps, within stated
/// relative differences for the SIMD functions.
/// </summary>
public class BlockProgramTests(ITestOutputHelper output)
{
    /// <summary>Points per test (many blocks of every remainder class).</summary>
    private const int Points = 4096;

    /// <summary>Block lengths: 1, below, at and above the AVX-512 and AVX2 widths, and the full block.</summary>
    private static readonly int[] BlockLengths = [1, 3, 4, 5, 7, 8, 9, 13, 31, 100, 255, 256];

    [Theory]
    [InlineData("x + y")]
    [InlineData("x - y")]
    [InlineData("x * y")]
    [InlineData("x / y")]
    [InlineData("-x + 2")]
    [InlineData("2 - y")]
    [InlineData("y - 2.5")]
    [InlineData("3 / y + y / 3 + 0.7 * x")]
    [InlineData("pi * x")]
    [InlineData("min(x, y) + max(x, y)")]
    [InlineData("min(y, 0.5) - max(0.5, x)")]
    [InlineData("min(y, 0) + max(0, x)")]
    [InlineData("abs(x) + sqrt(y)")]
    [InlineData("sign(x)")]
    [InlineData("y^2 + x^3")]
    [InlineData("(x + y)^4")]
    [InlineData("y^-1")]
    [InlineData("2^-1 * x")]
    [InlineData("y^0 + x^1")]
    [InlineData("y^1.5")]
    [InlineData("(x - y)^0.5")]
    [InlineData("y^x")]
    [InlineData("2^y")]
    [InlineData("x^y^2")]
    [InlineData("(x < y) + 2 * (x <= y) + 4 * (x > y) + 8 * (x >= y) + 16 * (x == y) + 32 * (x != y)")]
    [InlineData("(x < 0.5) * 3 - (1 >= y)")]
    [InlineData("if(x < 0, y, 2 * y)")]
    [InlineData("if(x >= y, x^2, -y)")]
    [InlineData("if(x != 0.5, 1, 2)")]
    [InlineData("if(x == y, 1, 2)")]
    [InlineData("if(x - 0.5, y, -y)")]
    [InlineData("if(x, 1, 2)")]
    [InlineData("if(2 < 3, x, y) + if(0, x, y)")]
    [InlineData("abs((3 + y)^0) * x + -(if(1, 2, y))")]
    [InlineData("if(y < 0, if(x > 0, x * y, 1), min(x, 2))")]
    public void Evaluate_ExactConstruct_MatchesCompiledFormulaExactly(string text)
    {
        var f = Formula.Parse(text, ["x", "y"]);
        var rng = new Random(text.Length * 7919 + text[0]);
        double[] x = Random(rng, Points, 3.0, specialEvery: 9), y = Random(rng, Points, 3.0, specialEvery: 9);
        var expected = Scalar(f, x, y);
        var p = BlockProgram.Compile(f);
        foreach (int block in BlockLengths)
        {
            var actual = Vector(p, x, y, block);
            int bad = Enumerable.Range(0, Points).FirstOrDefault(i => !SameValue(actual[i], expected[i]), -1);
            Assert.True(bad < 0, bad < 0 ? "" : $"{text} at block {block}, (x, y) = ({x[bad]:R}, {y[bad]:R}): {actual[bad]:R} vs scalar {expected[bad]:R}\n{p}");
        }
    }

    /// <summary>
    /// The SIMD functions: max |v − s|/|s| over uniform and log-uniform (down to 1e-12 of the range)
    /// arguments must stay within the stated bound (also in the <see cref="BlockProgram"/> remarks).
    /// Measured (.NET 10.0.12, AVX-512): exp 4.2e-16, log 4.4e-16, sin/cos 2.2e-16, tanh 4.6e-16,
    /// sinh 8.2e-16, cosh 8.2e-16 (up to |u| = 710.4, just below overflow), integer powers by
    /// squaring 6.3e-16 (|n| ≤ 7) and 6.0e-15 (n = 64).
    /// </summary>
    [Theory]
    [InlineData("exp(y)", 700.0, 1e-15)]
    [InlineData("log(abs(y))", 1e300, 1e-15)]
    [InlineData("log(y)", 2.0, 1.5e-15)]
    [InlineData("sin(y)", 10.0, 1e-15)]
    [InlineData("cos(y)", 1e5, 1e-15)]
    [InlineData("tanh(y)", 20.0, 1e-15)]
    [InlineData("tanh(y)", 1.0, 1e-15)]
    [InlineData("sinh(y)", 710.4, 2e-15)]
    [InlineData("sinh(y)", 1.0, 1e-15)]
    [InlineData("cosh(y)", 710.4, 2e-15)]
    [InlineData("cosh(y)", 20.0, 1e-15)]
    [InlineData("y^5 + y^-3", 30.0, 2e-15)]
    [InlineData("y^64", 2.0, 2e-14)]
    [InlineData("y^-7", 20.0, 2e-15)]
    public void Evaluate_SimdFunction_WithinStatedRelativeDifference(string text, double range, double bound)
    {
        var f = Formula.Parse(text, ["x", "y"]);
        var rng = new Random(text.Length * 7919 + text[0] + (int)Math.Log2(range));
        double[] x = new double[Points * 4], y = Random(rng, Points * 4, range);
        var expected = Scalar(f, x, y);
        var p = BlockProgram.Compile(f);
        double worst = 0;
        foreach (int block in new[] { 256, 13, 1 })
        {
            var actual = Vector(p, x, y, block);
            worst = Math.Max(worst, Enumerable.Range(0, y.Length).Max(i => RelativeDifference(actual[i], expected[i])));
        }

        output.WriteLine($"{text} on ±{range}: max relative difference {worst:E2} (bound {bound:E1})");
        Assert.True(worst <= bound, $"{text}: {worst:E3} > {bound:E1}");
    }

    [Theory]
    [InlineData("if(y > 0, log(y), -1)", -1.0)]
    [InlineData("if(y <= 0, -1, sqrt(y) * log(y))", -1.0)]
    [InlineData("if(y < 0.125, 0, 1 / y)", 0.0)]
    [InlineData("if(y <= 0, 2, y^0.5 + log(y))", 2.0)]
    public void Evaluate_ConditionalWithNaNInBranchNotTaken_GivesTheOtherBranch(string text, double expectedAtNonPositive)
    {
        var p = BlockProgram.Compile(Formula.Parse(text, ["y"]));
        double[] y = Enumerable.Range(0, 37).Select(i => -i * 0.25).ToArray();
        var r = Vector(p, [], y, 37);
        Assert.All(r, v => Assert.Equal(expectedAtNonPositive, v));
    }

    [Fact]
    public void Compile_CurvatureAndDerivative_ShareOneTanh()
    {
        var a = Formula.Parse("20*(1 + 0.5*tanh(y))", ["y"]);
        var p = BlockProgram.Compile(a, a.Differentiate("y"));
        string listing = p.ToString();
        output.WriteLine(listing);
        Assert.Single(listing.Split('\n'), line => line.Contains("Tanh", StringComparison.Ordinal));
        Assert.Equal(2, p.OutputCount);
    }

    [Fact]
    public void Compile_LongSum_SharesTheSquare()
    {
        string text = string.Join(" + ", Enumerable.Range(1, 12).Select(k => $"{k}*exp(-{k}*y^2)"));
        var p = BlockProgram.Compile(Formula.Parse(text, ["y"]));
        Assert.Single(p.ToString().Split('\n'), line => line.Contains("Square", StringComparison.Ordinal));
        Assert.True(p.StepCount <= 12 * 5, $"{p.StepCount} steps:\n{p}");
    }

    [Fact]
    public void Evaluate_ConstantAndVariableFormulas_FillTheirOutputs()
    {
        var f = Formula.Parse("2 + 3", ["x", "y"]);
        var g = Formula.Parse("y", ["x", "y"]);
        var p = BlockProgram.Compile(f, g, f, g);
        double[] x = Enumerable.Range(0, 11).Select(i => i * 0.5).ToArray(), y = x.Select(v => -v).ToArray();
        double[] o0 = new double[11], o1 = new double[11], o2 = new double[11], o3 = new double[11];
        p.Evaluate(x, y, o0, o1, o2, o3);
        Assert.All(o0.Concat(o2), v => Assert.Equal(5.0, v));
        Assert.Equal(y, o1);
        Assert.Equal(y, o3);
    }

    [Fact]
    public void Evaluate_InPlace_OverwritesTheInput()
    {
        var p = BlockProgram.Compile(Formula.Parse("2*y + 1", ["y"]));
        double[] y = Enumerable.Range(0, 19).Select(i => (double)i).ToArray();
        p.Evaluate(y, default, y);
        Assert.Equal(Enumerable.Range(0, 19).Select(i => 2.0 * i + 1), y);
    }

    [Fact]
    public void Evaluate_EmptyBlock_DoesNothing()
    {
        var p = BlockProgram.Compile(Formula.Parse("x*y", ["x", "y"]));
        p.Evaluate([], [], []);
    }

    [Fact]
    public void Compile_InvalidFormulas_Throw()
    {
        var y = Formula.Parse("y", ["y"]);
        Assert.Throws<ArgumentException>(() => BlockProgram.Compile());
        Assert.Throws<ArgumentException>(() => BlockProgram.Compile(y, Formula.Parse("x", ["x", "y"])));
        Assert.Throws<ArgumentException>(() => BlockProgram.Compile(Formula.Parse("x + y + z", ["x", "y", "z"])));
        Assert.Throws<ArgumentException>(() => BlockProgram.Compile(y, y, y, y, y));
        Assert.Throws<ArgumentNullException>(() => BlockProgram.Compile(y, null!));
    }

    [Fact]
    public void Evaluate_InvalidLengths_Throw()
    {
        var p = BlockProgram.Compile(Formula.Parse("x * y", ["x", "y"]));
        var q = BlockProgram.Compile(Formula.Parse("y", ["y"]));
        Assert.Throws<ArgumentException>(() => p.Evaluate(new double[3], new double[2], new double[3]));
        Assert.Throws<ArgumentException>(() => p.Evaluate(new double[3], new double[3], new double[4]));
        Assert.Throws<ArgumentException>(() => p.Evaluate(new double[3], new double[3], new double[3], new double[3]));
        Assert.Throws<ArgumentException>(() => q.Evaluate(new double[3], new double[3], new double[3]));
    }
}
