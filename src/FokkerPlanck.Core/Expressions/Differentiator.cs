using static FokkerPlanck.Core.Expressions.NodeAlgebra;

namespace FokkerPlanck.Core.Expressions;

/// <summary>Symbolic differentiation of a <see cref="Node"/> tree with respect to one variable.</summary>
/// <remarks>
/// Rules (u, v sub-expressions, primes are derivatives):
/// <list type="bullet">
/// <item>sum, difference, product and quotient rules; <c>(u^c)' = c u^(c-1) u'</c> for constant c,
/// <c>(c^v)' = c^v ln(c) v'</c> for constant c, and in general
/// <c>(u^v)' = u^v (v' ln u + v u'/u)</c>;</item>
/// <item>chain rule for every function: exp, log (<c>u'/u</c>), sqrt (<c>u'/(2 sqrt u)</c>),
/// tanh (<c>(1 - tanh² u) u'</c>), cosh, sinh, sin, cos, and <c>abs' = sign(u) u'</c>;</item>
/// <item>comparisons and <c>sign</c> are piecewise constant, so their derivative is 0 (the jump
/// itself is not a distribution here; use <see cref="Formula.FindDiscontinuities"/>);</item>
/// <item><c>if(c, a, b)' = if(c, a', b')</c>; <c>min(a, b)' = if(a &lt;= b, a', b')</c>,
/// <c>max(a, b)' = if(a &gt;= b, a', b')</c>.</item>
/// </list>
/// Every node is rebuilt through <see cref="NodeAlgebra"/>, so zeros and ones vanish as they appear.
/// </remarks>
internal static class Differentiator
{
    /// <summary>d<paramref name="node"/>/d(variable number <paramref name="index"/>).</summary>
    public static Node Differentiate(Node node, int index) => node switch
    {
        ConstantNode => Zero,
        VariableNode v => v.Index == index ? One : Zero,
        NegationNode n => Negate(Differentiate(n.Operand, index)),
        FunctionNode { Function: MathFunction.Log } f => Divide(Differentiate(f.Argument, index), f.Argument),
        FunctionNode { Function: MathFunction.Sqrt } f => Divide(Differentiate(f.Argument, index), Multiply(Constant(2.0), f)),
        FunctionNode f => Multiply(Outer(f), Differentiate(f.Argument, index)),
        ConditionalNode c => If(c.Condition, Differentiate(c.WhenTrue, index), Differentiate(c.WhenFalse, index)),
        BinaryNode b => Binary(b, index),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "unknown node"),
    };

    /// <summary>f'(u) for <c>f(u)</c>, before the chain-rule factor u'.</summary>
    private static Node Outer(FunctionNode f)
    {
        var u = f.Argument;
        return f.Function switch
        {
            MathFunction.Exp => f,
            MathFunction.Log => Divide(One, u),
            MathFunction.Sqrt => Divide(One, Multiply(Constant(2.0), f)),
            MathFunction.Abs => Function(MathFunction.Sign, u),
            MathFunction.Tanh => Subtract(One, Power(f, Constant(2.0))),
            MathFunction.Cosh => Function(MathFunction.Sinh, u),
            MathFunction.Sinh => Function(MathFunction.Cosh, u),
            MathFunction.Sin => Function(MathFunction.Cos, u),
            MathFunction.Cos => Negate(Function(MathFunction.Sin, u)),
            MathFunction.Sign => Zero,
            _ => throw new ArgumentOutOfRangeException(nameof(f), f.Function, "unknown function"),
        };
    }

    private static Node Binary(BinaryNode b, int index)
    {
        Node u = b.Left, v = b.Right;
        if (FunctionTable.IsComparison(b.Operator))
        {
            return Zero;
        }

        Node du = Differentiate(u, index), dv = Differentiate(v, index);
        return b.Operator switch
        {
            BinaryOperator.Add => Add(du, dv),
            BinaryOperator.Subtract => Subtract(du, dv),
            BinaryOperator.Multiply => Add(Multiply(du, v), Multiply(u, dv)),
            BinaryOperator.Divide => IsConstant(dv, 0.0)
                ? Divide(du, v)
                : Divide(Subtract(Multiply(du, v), Multiply(u, dv)), Power(v, Constant(2.0))),
            BinaryOperator.Power => PowerRule(b, du, dv),
            BinaryOperator.Min => If(new BinaryNode(BinaryOperator.LessOrEqual, u, v), du, dv),
            BinaryOperator.Max => If(new BinaryNode(BinaryOperator.GreaterOrEqual, u, v), du, dv),
            _ => throw new ArgumentOutOfRangeException(nameof(b), b.Operator, "unknown operator"),
        };
    }

    private static Node PowerRule(BinaryNode b, Node du, Node dv)
    {
        Node u = b.Left, v = b.Right;
        if (IsConstant(dv, 0.0))
        {
            // Power rule; v does not depend on the variable.
            return Multiply(Multiply(v, Power(u, Subtract(v, One))), du);
        }

        if (IsConstant(du, 0.0))
        {
            // Exponential rule; u does not depend on the variable.
            return Multiply(Multiply(b, Function(MathFunction.Log, u)), dv);
        }

        return Multiply(b, Add(Multiply(dv, Function(MathFunction.Log, u)), Divide(Multiply(v, du), u)));
    }
}
