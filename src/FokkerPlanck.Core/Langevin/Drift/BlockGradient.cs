using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Expressions.Blocks;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Langevin.Drift;

/// <summary>
/// Vectorized block gradients of scenario landscapes: the formulas and their symbolic derivatives
/// compiled into <see cref="BlockProgram"/>s, evaluated a block of particles at a time with SIMD.
/// </summary>
/// <remarks>
/// <para>Valley–river <c>L = c(y) + ½ a(y) x²</c>: one program evaluates a, a′ and c′ (sharing
/// subexpressions such as tanh(y)), then one fused SIMD pass forms <c>∂L/∂x = a x</c> and
/// <c>∂L/∂y = c′ + ½ a′ x²</c> in the scalar order of operations. potential1d: <c>∂U/∂y</c>,
/// <c>∂L/∂x = 0</c>. potential2d: one program for <c>∂U/∂x</c> and <c>∂U/∂y</c>.</para>
/// <para>The formulas are parsed and differentiated exactly as <see cref="ScenarioLandscapeFactory"/>
/// does, so the only differences from <see cref="ScalarBlockGradient"/> over that landscape are the
/// few-ulp differences of the SIMD functions (see <see cref="BlockProgram"/>).</para>
/// </remarks>
public static class BlockGradient
{
    /// <summary>
    /// The most points per <see cref="IGradientEvaluator"/> call. 256 doubles are 2 KB per block, so
    /// x, y, gx, gy and the ~5–10 tape registers of a typical landscape (≈ 20–30 KB) stay in a 32–48 KB
    /// L1 data cache between the passes of a block, while each pass still runs over 32 AVX-512
    /// vectors, enough to hide the fixed cost of a call (dispatch, span checks, remainder handling).
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
            LandscapeKind.ValleyRiver => new ValleyRiverBlockGradient(Parse(spec.C!, ["y"], "landscape.c"), Parse(spec.A!, ["y"], "landscape.a")),
            LandscapeKind.Potential1D => new PotentialBlockGradient(Parse(spec.U!, ["y"], "landscape.U")),
            _ => new PotentialBlockGradient(Parse(spec.U!, ["x", "y"], "landscape.U")),
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

    private static Formula Parse(string text, string[] variables, string key)
    {
        try
        {
            return Formula.Parse(text, variables);
        }
        catch (FormulaException e)
        {
            throw new ScenarioException(key, e.Message, e);
        }
    }
}
