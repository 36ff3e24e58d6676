using System.Linq.Expressions;
using System.Reflection;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// Expression trees, for one vector width, of the steps that System.Runtime.Intrinsics has no
/// single method for: tanh, sinh, cosh, sign, powers, comparisons. Arguments must be variables
/// (they are read more than once).
/// </summary>
internal sealed class BlockFunctionEmitter(VectorApi api)
{
    /// <summary>
    /// Below this |u|, tanh and sinh come from the sinh Taylor series: the exp-based forms lose
    /// relative accuracy as u → 0 (tanh u = 1 − 2/(e^{2|u|} + 1) cancels; TensorPrimitives' forms
    /// measured 2.7e-5 relative error for tanh at |u| ≈ 1.5e-12).
    /// </summary>
    private const double SeriesLimit = 0.5;

    /// <summary>
    /// Above this |u|, sinh u and cosh u are e^|u|/2 to within rounding (e^{−2|u|} &lt; 2⁻⁵⁷) and are
    /// formed as (e^{|u|/2}/2)·e^{|u|/2}, which stays finite up to the true overflow at |u| ≈ 710.48
    /// (e^|u| itself overflows from 709.78).
    /// </summary>
    private const double LargeArgument = 20.0;

    /// <summary>tanh u rounds to ±1 beyond |u| ≈ 19.1 (2e^{−2|u|} &lt; 2⁻⁵⁴); capping the argument there keeps e^{2|u|} finite.</summary>
    private const double TanhSaturation = 20.0;

    // sinh u = u (1 + z/3! + z²/5! + … + z⁶/13!), z = u²: the first omitted term, u¹⁵/15!, is
    // below 5e-17 of sinh u for |u| < SeriesLimit.
    private static readonly double[] SinhCoefficients = [1.0 / 6.0, 1.0 / 120.0, 1.0 / 5040.0, 1.0 / 362880.0, 1.0 / 39916800.0, 1.0 / 6227020800.0];

    // cosh u = 1 + z/2! + z²/4! + … + z⁷/14!: the first omitted term, u¹⁶/16!, is below 1e-18 for |u| < SeriesLimit.
    private static readonly double[] CoshCoefficients = [1.0, 1.0 / 2.0, 1.0 / 24.0, 1.0 / 720.0, 1.0 / 40320.0, 1.0 / 3628800.0, 1.0 / 479001600.0, 1.0 / 87178291200.0];

    private static readonly MethodInfo ScalarPower = typeof(FunctionTable).GetMethod(nameof(FunctionTable.Power))!;

    /// <summary>
    /// tanh u = ±(e − 1)/(e + 1) with e = e^{2 min(|u|, 20)} (tanh is 1 in double beyond |u| ≈ 19),
    /// and sinh u / cosh u from their Taylor series for |u| &lt; 0.5: one exp, one division.
    /// </summary>
    public Expression Tanh(ParameterExpression u)
    {
        var a = Expression.Variable(api.VectorType, "a");
        var e = Expression.Variable(api.VectorType, "e");
        var z = Expression.Variable(api.VectorType, "z");
        var small = Expression.Variable(api.VectorType, "small");
        var one = api.Constant(1.0);
        var capped = api.Call("Min", a, api.Constant(TanhSaturation));
        return Expression.Block(api.VectorType, [a, e, z, small],
            Expression.Assign(a, api.Call("Abs", u)),
            Expression.Assign(e, api.Call("Exp", Expression.Add(capped, capped))),
            Expression.Assign(z, Expression.Multiply(u, u)),
            Expression.Assign(small, api.Call("LessThan", a, api.Constant(SeriesLimit))),
            api.Call("CopySign",
                Expression.Divide(
                    api.Call("ConditionalSelect", small, SinhSeries(u, z), Expression.Subtract(e, one)),
                    api.Call("ConditionalSelect", small, CoshSeries(z), Expression.Add(e, one))),
                u));
    }

    /// <summary>sinh u: the series for |u| &lt; 0.5, else ±(e − 1/e)/2 with e = e^|u| (see <see cref="LargeArgument"/>).</summary>
    public Expression Sinh(ParameterExpression u) => Hyperbolic(u, sinh: true);

    /// <summary>cosh u = (e + 1/e)/2 with e = e^|u| (see <see cref="LargeArgument"/>).</summary>
    public Expression Cosh(ParameterExpression u) => Hyperbolic(u, sinh: false);

    /// <summary>sign u: 1, −1, 0, NaN for NaN (<see cref="FunctionTable.Sign"/>).</summary>
    public Expression Sign(ParameterExpression u) =>
        api.Call("ConditionalSelect", api.Call("GreaterThan", u, api.Constant(0.0)), api.Constant(1.0),
            api.Call("ConditionalSelect", api.Call("LessThan", u, api.Constant(0.0)), api.Constant(-1.0),
                api.Call("ConditionalSelect", api.Call("Equals", u, u), api.Constant(0.0), u)));

    /// <summary>
    /// uⁿ for a constant integer n by repeated squaring, unrolled (a few ulp from Math.Pow; n &lt; 0 as 1/u⁻ⁿ).
    /// </summary>
    public Expression PowerInteger(ParameterExpression u, int n)
    {
        var steps = new List<Expression>();
        var variables = new List<ParameterExpression>();
        Expression? result = null;
        Expression square = u;
        for (int e = Math.Abs(n); ; e >>= 1)
        {
            if ((e & 1) != 0) result = result is null ? square : Expression.Multiply(result, square);
            if (e >> 1 == 0) break;
            var next = Expression.Variable(api.VectorType);
            variables.Add(next);
            steps.Add(Expression.Assign(next, Expression.Multiply(square, square)));
            square = next;
        }

        steps.Add(n < 0 ? Expression.Divide(api.Constant(1.0), result!) : result!);
        return Expression.Block(api.VectorType, variables, steps);
    }

    /// <summary><c>a ^ b</c> lane by lane with <see cref="FunctionTable.Power"/> (bit for bit the scalar result; no vector pow exists).</summary>
    public Expression PowerLanes(ParameterExpression a, ParameterExpression b)
    {
        var r = Expression.Variable(api.VectorType, "r");
        var steps = new List<Expression> { Expression.Assign(r, api.Constant(0.0)) };
        for (int lane = 0; lane < api.Count; lane++)
        {
            steps.Add(Expression.Assign(r, api.WithElement(r, lane, Expression.Call(ScalarPower, api.GetElement(a, lane), api.GetElement(b, lane)))));
        }

        steps.Add(r);
        return Expression.Block(api.VectorType, [r], steps);
    }

    /// <summary>
    /// <c>(a cmp b) ? whenTrue : whenFalse</c> by a bitwise select on the comparison mask (IEEE: every
    /// comparison with NaN is false except ≠, which is the inverted ==).
    /// </summary>
    public Expression Select(BinaryOperator comparison, Expression a, Expression b, Expression whenTrue, Expression whenFalse) => comparison switch
    {
        BinaryOperator.Less => api.Call("ConditionalSelect", api.Call("LessThan", a, b), whenTrue, whenFalse),
        BinaryOperator.LessOrEqual => api.Call("ConditionalSelect", api.Call("LessThanOrEqual", a, b), whenTrue, whenFalse),
        BinaryOperator.Greater => api.Call("ConditionalSelect", api.Call("GreaterThan", a, b), whenTrue, whenFalse),
        BinaryOperator.GreaterOrEqual => api.Call("ConditionalSelect", api.Call("GreaterThanOrEqual", a, b), whenTrue, whenFalse),
        BinaryOperator.Equal => api.Call("ConditionalSelect", api.Call("Equals", a, b), whenTrue, whenFalse),
        BinaryOperator.NotEqual => api.Call("ConditionalSelect", api.Call("Equals", a, b), whenFalse, whenTrue),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "not a comparison"),
    };

    private BlockExpression Hyperbolic(ParameterExpression u, bool sinh)
    {
        var a = Expression.Variable(api.VectorType, "a");
        var large = Expression.Variable(api.VectorType, "large");
        var e = Expression.Variable(api.VectorType, "e");
        var half = api.Constant(0.5);
        var inverse = Expression.Divide(api.Constant(1.0), e);
        var moderate = Expression.Multiply(sinh ? Expression.Subtract(e, inverse) : Expression.Add(e, inverse), half);
        var big = api.Call("ConditionalSelect", large, Expression.Multiply(Expression.Multiply(e, half), e), moderate);
        var value = sinh
            ? api.Call("ConditionalSelect", api.Call("LessThan", a, api.Constant(SeriesLimit)), SinhSeries(u), api.Call("CopySign", big, u))
            : big;
        return Expression.Block(api.VectorType, [a, large, e],
            Expression.Assign(a, api.Call("Abs", u)),
            Expression.Assign(large, api.Call("GreaterThan", a, api.Constant(LargeArgument))),
            Expression.Assign(e, api.Call("Exp", api.Call("ConditionalSelect", large, Expression.Multiply(a, half), a))),
            value);
    }

    /// <summary>The sinh Taylor series u + u·z·(1/3! + z(1/5! + …)), z = u², in Horner form.</summary>
    private BlockExpression SinhSeries(ParameterExpression u)
    {
        var z = Expression.Variable(api.VectorType, "z");
        return Expression.Block(api.VectorType, [z], Expression.Assign(z, Expression.Multiply(u, u)), SinhSeries(u, z));
    }

    private BinaryExpression SinhSeries(ParameterExpression u, ParameterExpression z) =>
        Expression.Add(u, Expression.Multiply(Expression.Multiply(u, z), Horner(SinhCoefficients, z)));

    private Expression CoshSeries(ParameterExpression z) => Horner(CoshCoefficients, z);

    /// <summary>c₀ + z(c₁ + z(c₂ + …)).</summary>
    private Expression Horner(double[] coefficients, ParameterExpression z)
    {
        Expression p = api.Constant(coefficients[^1]);
        for (int k = coefficients.Length - 2; k >= 0; k--) p = Expression.Add(api.Constant(coefficients[k]), Expression.Multiply(z, p));
        return p;
    }
}
