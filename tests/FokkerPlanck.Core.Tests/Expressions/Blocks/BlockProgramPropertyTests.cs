using System.Globalization;
using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Expressions.Blocks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FokkerPlanck.Core.Tests.Expressions.Blocks.BlockTestPoints;

namespace FokkerPlanck.Core.Tests.Expressions.Blocks;

/// <summary>
/// Random formulas built from the exact constructs (arithmetic, comparisons, <c>if</c>, min, max, abs,
/// sqrt, sign, powers with exponents the scalar code expands or passes to Math.Pow) on random blocks:
/// the program must give the scalar delegate's values at every point (±0 aside).
/// </summary>
public class BlockProgramPropertyTests
{
    /// <summary>Largest depth of a generated formula tree.</summary>
    private const int MaxDepth = 4;

    /// <summary>Exponents the scalar code and the program both treat exactly (expanded, or Math.Pow point by point).</summary>
    private static readonly string[] Exponents = ["2", "3", "4", "(-1)", "0", "1", "0.5", "1.5", "(-2.5)"];

    private static readonly string[] Constants = ["0", "1", "2", "0.5", "1.5", "3", "pi", "0.25"];

    [Property(Arbitrary = [typeof(RandomCases)], MaxTest = 300)]
    public bool Evaluate_RandomExactFormula_MatchesCompiledFormulaExactly(RandomCase c)
    {
        var f = Formula.Parse(c.Text, ["x", "y"]);
        var rng = new Random(c.Seed);
        double[] x = Random(rng, c.Points, 3.0, specialEvery: 13), y = Random(rng, c.Points, 3.0, specialEvery: 13);
        var expected = Scalar(f, x, y);
        var actual = Vector(BlockProgram.Compile(f), x, y, c.Block);
        for (int i = 0; i < c.Points; i++)
        {
            if (!SameValue(actual[i], expected[i]))
                throw new InvalidOperationException($"{c}: at ({x[i]:R}, {y[i]:R}) {actual[i]:R} vs scalar {expected[i]:R}");
        }

        return true;
    }

    /// <summary>A formula, the block length, the number of points and the seed of the points.</summary>
    public sealed record RandomCase(string Text, int Block, int Points, int Seed);

    /// <summary>The generator FsCheck uses for <see cref="RandomCase"/>.</summary>
    public static class RandomCases
    {
        /// <summary>A random tree (its shape from a seed), a block length 1…256 and up to 600 points.</summary>
        public static Arbitrary<RandomCase> Cases() =>
            (from shape in Gen.Choose(0, int.MaxValue)
             from block in Gen.Choose(1, Capacity)
             from points in Gen.Choose(1, 600)
             from seed in Gen.Choose(0, int.MaxValue)
             select new RandomCase(Build(new Random(shape), MaxDepth), block, points, seed)).ToArbitrary();

        private static string Build(Random r, int depth)
        {
            if (depth == 0 || r.Next(5) == 0)
            {
                return r.Next(3) switch { 0 => "x", 1 => "y", _ => Constants[r.Next(Constants.Length)] };
            }

            string A() => Build(r, depth - 1);
            return r.Next(12) switch
            {
                0 => $"-({A()})",
                1 => $"{new[] { "abs", "sqrt", "sign" }[r.Next(3)]}({A()})",
                2 or 3 => $"({A()} {"+-*/"[r.Next(4)]} {A()})",
                4 => $"{(r.Next(2) == 0 ? "min" : "max")}({A()}, {A()})",
                5 => $"({A()})^{Exponents[r.Next(Exponents.Length)]}",
                // A general exponent with a variable in it: a constant one could fold to an integer
                // that the program (not the scalar code) evaluates by squaring, a few ulp apart.
                6 => $"({A()})^({A()} + {(r.Next(2) == 0 ? "x" : "y")})",
                7 => $"({A()} {new[] { "<", "<=", ">", ">=", "==", "!=" }[r.Next(6)]} {A()})",
                8 or 9 => $"if({A()} {new[] { "<", "<=", ">", ">=", "==", "!=" }[r.Next(6)]} {A()}, {A()}, {A()})",
                10 => $"if({A()}, {A()}, {A()})",
                _ => $"({A()} * {(r.NextDouble() * 4 - 2).ToString("R", CultureInfo.InvariantCulture)})",
            };
        }
    }
}
