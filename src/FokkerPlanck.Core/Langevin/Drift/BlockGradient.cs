using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Expressions.Blocks;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Langevin.Drift;

/// <summary>
/// Vectorized block gradients of scenario landscapes: the formulas and their symbolic derivatives
/// compiled into <see cref="BlockProgram"/>s, evaluated a block of particles at a time with SIMD.
/// </summary>
/// <remarks>
/// <para>Valley–river <c>L = c(y) + ½ a(y) x²</c>: one program over (x, y) with the outputs
/// <c>∂L/∂x = a·x</c> and <c>∂L/∂y = c′ + ((½·a′)·x)·x</c>, the order of operations of
/// <see cref="Landscapes.ValleyRiverLandscape.Gradient"/>; a, a′ and c′ share their subexpressions
/// (tanh(y) once) and the whole combination is one fused SIMD pass per block. potential1d: one
/// program for <c>∂U/∂y</c> over y, <c>∂L/∂x = 0</c>. potential2d: one program for <c>∂U/∂x</c> and
/// <c>∂U/∂y</c>. The loss is a second program of the same kind.</para>
/// <para>The formulas are parsed and differentiated exactly as <see cref="ScenarioLandscapeFactory"/>
/// does, so the only differences from <see cref="ScalarBlockGradient"/> over that landscape are the
/// few-ulp differences of the SIMD functions (see <see cref="BlockProgram"/>).</para>
/// </remarks>
public static class BlockGradient
{
    /// <summary>
    /// The most points per <see cref="IGradientEvaluator"/> call. A Langevin step over a block reads
    /// and writes x, y, gx, gy and two normal deviates per particle: at 256 points that is
    /// 6 × 2 KB = 12 KB, which stays in a 32–48 KB L1 data cache between the gradient, the random
    /// numbers and the update, while one call still covers 32 AVX-512 vectors, enough to hide its
    /// fixed cost (argument checks, the delegate call, the padded remainder: 10–20 ns measured,
    /// &lt; 0.1 ns per point).
    /// </summary>
    public const int MaxBlock = 256;

    /// <summary>The vectorized gradient of a scenario's landscape.</summary>
    /// <param name="scenario">The scenario; its <see cref="ProblemSpec.Landscape"/> formulas are used.</param>
    /// <returns>An immutable block gradient; each thread calls <see cref="IBlockGradient.CreateEvaluator"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    /// <exception cref="ScenarioException">A formula does not parse; the message points at the character.</exception>
    public static IBlockGradient Create(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var spec = scenario.Problem.Landscape;
        return spec.Kind switch
        {
            LandscapeKind.ValleyRiver => ValleyRiver(Parse(spec.C!, ["y"], "landscape.c", spec), Parse(spec.A!, ["y"], "landscape.a", spec)),
            LandscapeKind.Potential1D => Potential(Parse(spec.U!, ["y"], "landscape.U", spec)),
            _ => Potential(Parse(spec.U!, ["x", "y"], "landscape.U", spec)),
        };
    }

    /// <summary>Checks one evaluator call: y has at most <see cref="MaxBlock"/> points and the other spans (x only in 2D) are at least as long.</summary>
    /// <returns>The number of points, <c>y.Length</c>.</returns>
    internal static int CheckBlock(bool oneDimensional, ReadOnlySpan<double> x, ReadOnlySpan<double> y, int outLength, int secondOutLength)
    {
        int xLength = x.Length, yLength = y.Length;
        if (yLength > MaxBlock)
        {
            throw new ArgumentException($"a block has at most {MaxBlock} points (BlockGradient.MaxBlock), got {yLength}", nameof(y));
        }

        if ((!oneDimensional && xLength < yLength) || outLength < yLength || secondOutLength < yLength)
        {
            throw new ArgumentException(
                $"x (2D only) and the outputs need at least y.Length = {yLength} entries; got x {xLength}, outputs {outLength} and {secondOutLength}", nameof(x));
        }

        return yLength;
    }

    /// <summary>gx = a·x, gy = c′ + ((½·a′)·x)·x and L = c + ((½·a)·x)·x over (x, y), from c(y), a(y).</summary>
    private static FormulaBlockGradient ValleyRiver(Formula river, Formula curvature)
    {
        var x = new VariableNode("x", 0);
        var c = OverXY(river.Root);
        var a = OverXY(curvature.Root);
        var dc = OverXY(river.Differentiate("y").Root);
        var da = OverXY(curvature.Differentiate("y").Root);
        Node HalfTimesXSquared(Node f) => Times(Times(Times(new ConstantNode(0.5), f), x), x);
        var gradient = BlockProgram.Compile([Times(a, x), new BinaryNode(BinaryOperator.Add, dc, HalfTimesXSquared(da))], 2);
        var loss = BlockProgram.Compile([new BinaryNode(BinaryOperator.Add, c, HalfTimesXSquared(a))], 2);
        return new FormulaBlockGradient(gradient, loss);
    }

    /// <summary>∂U/∂y over y, or ∂U/∂x and ∂U/∂y over (x, y); and U.</summary>
    private static FormulaBlockGradient Potential(Formula potential)
    {
        int variables = potential.Variables.Count;
        Node[] gradient = variables == 1
            ? [potential.Differentiate("y").Root]
            : [potential.Differentiate("x").Root, potential.Differentiate("y").Root];
        return new FormulaBlockGradient(BlockProgram.Compile(gradient, variables), BlockProgram.Compile([potential.Root], variables));
    }

    private static BinaryNode Times(Node a, Node b) => new(BinaryOperator.Multiply, a, b);

    /// <summary>A tree over (y) as a tree over (x, y): y becomes variable 1.</summary>
    private static Node OverXY(Node node) => node switch
    {
        VariableNode v => v with { Index = 1 },
        NegationNode n => n with { Operand = OverXY(n.Operand) },
        FunctionNode f => f with { Argument = OverXY(f.Argument) },
        BinaryNode b => b with { Left = OverXY(b.Left), Right = OverXY(b.Right) },
        ConditionalNode c => new ConditionalNode(OverXY(c.Condition), OverXY(c.WhenTrue), OverXY(c.WhenFalse)),
        _ => node,
    };

    private static Formula Parse(string text, string[] variables, string key, LandscapeSpec spec)
        => ScenarioLandscapeFactory.ParseOrThrow(text, variables, key, spec.Parameters);
}
