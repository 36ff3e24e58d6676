namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// Simplifying constructors for <see cref="Node"/> trees, used by the differentiator so that
/// derivatives stay small.
/// </summary>
/// <remarks>
/// Rules: constant folding (only where the result is finite, so that no NaN or ∞ literal is
/// ever created), additive and multiplicative identities (<c>0 + e</c>, <c>e - 0</c>,
/// <c>1 * e</c>, <c>e / 1</c>, <c>e ^ 1</c>), annihilators (<c>0 * e = 0</c>, <c>e ^ 0 = 1</c>,
/// <c>0 / e = 0</c> — the usual symbolic convention, even though <c>0 * NaN</c> is NaN in
/// floating point), sign normalisation (<c>a + (-b) = a - b</c>, <c>--e = e</c>), constants
/// moved to the left of products and merged (also <c>(c1 * e) / c2 = (c1/c2) * e</c>), <c>e - e = 0</c>, <c>(p + q) - q = p</c>, and <c>if</c> with a constant
/// condition or equal branches reduced to one branch.
/// </remarks>
internal static class NodeAlgebra
{
    /// <summary>The constant 0.</summary>
    public static readonly ConstantNode Zero = new(0.0);

    /// <summary>The constant 1.</summary>
    public static readonly ConstantNode One = new(1.0);

    /// <summary>A constant node.</summary>
    public static Node Constant(double value) => new ConstantNode(value);

    /// <summary>Whether <paramref name="node"/> is the constant <paramref name="value"/>.</summary>
    public static bool IsConstant(Node node, double value) => node is ConstantNode c && c.Value == value;

    /// <summary><c>-a</c>, simplified.</summary>
    public static Node Negate(Node a) => a switch
    {
        ConstantNode c => Constant(-c.Value),
        NegationNode n => n.Operand,
        BinaryNode { Operator: BinaryOperator.Subtract } s => Subtract(s.Right, s.Left),
        BinaryNode { Operator: BinaryOperator.Multiply, Left: ConstantNode c } m => Multiply(Constant(-c.Value), m.Right),
        _ => new NegationNode(a),
    };

    /// <summary><c>a + b</c>, simplified.</summary>
    public static Node Add(Node a, Node b)
    {
        if (TryFold(BinaryOperator.Add, a, b, out var folded))
        {
            return folded;
        }

        if (IsConstant(a, 0.0))
        {
            return b;
        }

        if (IsConstant(b, 0.0))
        {
            return a;
        }

        return b switch
        {
            NegationNode n => Subtract(a, n.Operand),
            ConstantNode { Value: < 0 } c => Subtract(a, Constant(-c.Value)),
            _ => a is NegationNode m ? Subtract(b, m.Operand) : new BinaryNode(BinaryOperator.Add, a, b),
        };
    }

    /// <summary><c>a - b</c>, simplified.</summary>
    public static Node Subtract(Node a, Node b)
    {
        if (TryFold(BinaryOperator.Subtract, a, b, out var folded))
        {
            return folded;
        }

        if (IsConstant(b, 0.0))
        {
            return a;
        }

        if (IsConstant(a, 0.0))
        {
            return Negate(b);
        }

        if (a == b)
        {
            return Zero;
        }

        if (a is BinaryNode { Operator: BinaryOperator.Add } sum && (sum.Left == b || sum.Right == b))
        {
            return sum.Right == b ? sum.Left : sum.Right;
        }

        return b switch
        {
            NegationNode n => Add(a, n.Operand),
            ConstantNode { Value: < 0 } c => Add(a, Constant(-c.Value)),
            _ => new BinaryNode(BinaryOperator.Subtract, a, b),
        };
    }

    /// <summary><c>a * b</c>, simplified.</summary>
    public static Node Multiply(Node a, Node b)
    {
        if (TryFold(BinaryOperator.Multiply, a, b, out var folded))
        {
            return folded;
        }

        if (b is ConstantNode && a is not ConstantNode)
        {
            (a, b) = (b, a);
        }

        if (a is ConstantNode c)
        {
            switch (c.Value)
            {
                case 0.0:
                    return Zero;
                case 1.0:
                    return b;
                case -1.0:
                    return Negate(b);
            }

            if (b is BinaryNode { Operator: BinaryOperator.Multiply, Left: ConstantNode inner } product
                && TryFold(BinaryOperator.Multiply, c, inner, out var merged))
            {
                return Multiply(merged, product.Right);
            }
        }

        if (a is NegationNode na)
        {
            return Negate(Multiply(na.Operand, b));
        }

        if (b is NegationNode nb)
        {
            return Negate(Multiply(a, nb.Operand));
        }

        return new BinaryNode(BinaryOperator.Multiply, a, b);
    }

    /// <summary><c>a / b</c>, simplified.</summary>
    public static Node Divide(Node a, Node b)
    {
        if (TryFold(BinaryOperator.Divide, a, b, out var folded))
        {
            return folded;
        }

        if (IsConstant(a, 0.0))
        {
            return Zero;
        }

        if (IsConstant(b, 1.0))
        {
            return a;
        }

        if (IsConstant(b, -1.0))
        {
            return Negate(a);
        }

        if (b is ConstantNode cb && a is BinaryNode { Operator: BinaryOperator.Multiply, Left: ConstantNode ca } product
            && TryFold(BinaryOperator.Divide, ca, cb, out var quotient))
        {
            return Multiply(quotient, product.Right);
        }

        return a == b ? One : new BinaryNode(BinaryOperator.Divide, a, b);
    }

    /// <summary><c>a ^ b</c>, simplified.</summary>
    public static Node Power(Node a, Node b)
    {
        if (TryFold(BinaryOperator.Power, a, b, out var folded))
        {
            return folded;
        }

        if (IsConstant(b, 0.0) || IsConstant(a, 1.0))
        {
            return One;
        }

        return IsConstant(b, 1.0) ? a : new BinaryNode(BinaryOperator.Power, a, b);
    }

    /// <summary>Any binary operation, dispatched to the simplifying constructor for arithmetic and folded for the rest.</summary>
    public static Node Binary(BinaryOperator op, Node a, Node b) => op switch
    {
        BinaryOperator.Add => Add(a, b),
        BinaryOperator.Subtract => Subtract(a, b),
        BinaryOperator.Multiply => Multiply(a, b),
        BinaryOperator.Divide => Divide(a, b),
        BinaryOperator.Power => Power(a, b),
        _ => TryFold(op, a, b, out var folded) ? folded : new BinaryNode(op, a, b),
    };

    /// <summary><c>f(a)</c>, folded when <paramref name="a"/> is a constant and the value is finite.</summary>
    public static Node Function(MathFunction f, Node a)
    {
        if (a is ConstantNode c)
        {
            double value = FunctionTable.Apply(f, c.Value);
            if (double.IsFinite(value))
            {
                return Constant(value);
            }
        }

        return new FunctionNode(f, a);
    }

    /// <summary><c>if(c, a, b)</c>, reduced when the condition is constant or both branches are equal.</summary>
    public static Node If(Node condition, Node whenTrue, Node whenFalse)
    {
        if (condition is ConstantNode c)
        {
            return c.Value != 0.0 ? whenTrue : whenFalse;
        }

        return whenTrue == whenFalse ? whenTrue : new ConditionalNode(condition, whenTrue, whenFalse);
    }

    private static bool TryFold(BinaryOperator op, Node a, Node b, out Node folded)
    {
        if (a is ConstantNode ca && b is ConstantNode cb)
        {
            double value = FunctionTable.Apply(op, ca.Value, cb.Value);
            if (double.IsFinite(value))
            {
                folded = Constant(value);
                return true;
            }
        }

        folded = Zero;
        return false;
    }
}
