using System.Linq.Expressions;
using System.Reflection;

namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// Compiles a <see cref="Node"/> tree into a delegate with <see cref="System.Linq.Expressions"/>.
/// </summary>
/// <remarks>
/// The generated code is straight-line arithmetic on doubles plus calls to <see cref="Math"/>:
/// no boxing, no allocation per call. It matches <see cref="FormulaInterpreter"/> bit for bit:
/// small integer powers are expanded into products the same way as
/// <see cref="FunctionTable.Power"/>, and comparisons used as <c>if</c> conditions become
/// branches directly instead of a 1/0 value compared with zero.
/// </remarks>
internal static class ExpressionCompiler
{
    private static readonly MethodInfo PowMethod = MathMethod(nameof(Math.Pow), 2);
    private static readonly MethodInfo MinMethod = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MaxMethod = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo GeneralPowerMethod = typeof(FunctionTable).GetMethod(nameof(FunctionTable.Power))!;
    private static readonly MethodInfo SignMethod = typeof(FunctionTable).GetMethod(nameof(FunctionTable.Sign))!;
    private static readonly Expression ZeroConstant = Expression.Constant(0.0);
    private static readonly Expression OneConstant = Expression.Constant(1.0);

    /// <summary>Compiles to <c>Func&lt;double, double&gt;</c>.</summary>
    public static Func<double, double> CompileUnary(Node node)
    {
        var x = Expression.Parameter(typeof(double), "v0");
        return Expression.Lambda<Func<double, double>>(Build(node, i => x), x).Compile();
    }

    /// <summary>Compiles to <c>Func&lt;double, double, double&gt;</c>.</summary>
    public static Func<double, double, double> CompileBinary(Node node)
    {
        var x = Expression.Parameter(typeof(double), "v0");
        var y = Expression.Parameter(typeof(double), "v1");
        return Expression.Lambda<Func<double, double, double>>(Build(node, i => i == 0 ? x : y), x, y).Compile();
    }

    /// <summary>Compiles to <c>Func&lt;double[], double&gt;</c>, for any number of variables.</summary>
    public static Func<double[], double> CompileArray(Node node)
    {
        var values = Expression.Parameter(typeof(double[]), "values");
        return Expression.Lambda<Func<double[], double>>(
            Build(node, i => Expression.ArrayIndex(values, Expression.Constant(i))), values).Compile();
    }

    private static MethodInfo MathMethod(string name, int arity) =>
        typeof(Math).GetMethod(name, Enumerable.Repeat(typeof(double), arity).ToArray())!;

    private static Expression Build(Node node, Func<int, Expression> variable) => node switch
    {
        ConstantNode c => Expression.Constant(c.Value),
        VariableNode v => variable(v.Index),
        NegationNode n => Expression.Negate(Build(n.Operand, variable)),
        FunctionNode f => Expression.Call(FunctionMethod(f.Function), Build(f.Argument, variable)),
        ConditionalNode c => Expression.Condition(Condition(c.Condition, variable), Build(c.WhenTrue, variable), Build(c.WhenFalse, variable)),
        BinaryNode { Operator: BinaryOperator.Power, Right: ConstantNode e } b => Power(Build(b.Left, variable), e.Value),
        BinaryNode b => Binary(b.Operator, Build(b.Left, variable), Build(b.Right, variable)),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "unknown node"),
    };

    private static BinaryExpression Condition(Node condition, Func<int, Expression> variable) =>
        condition is BinaryNode b && FunctionTable.IsComparison(b.Operator)
            ? Compare(b.Operator, Build(b.Left, variable), Build(b.Right, variable))
            : Expression.NotEqual(Build(condition, variable), ZeroConstant);

    private static BinaryExpression Compare(BinaryOperator op, Expression a, Expression b) => op switch
    {
        BinaryOperator.Less => Expression.LessThan(a, b),
        BinaryOperator.LessOrEqual => Expression.LessThanOrEqual(a, b),
        BinaryOperator.Greater => Expression.GreaterThan(a, b),
        BinaryOperator.GreaterOrEqual => Expression.GreaterThanOrEqual(a, b),
        BinaryOperator.Equal => Expression.Equal(a, b),
        BinaryOperator.NotEqual => Expression.NotEqual(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a comparison"),
    };

    private static Expression Binary(BinaryOperator op, Expression a, Expression b) => op switch
    {
        BinaryOperator.Add => Expression.Add(a, b),
        BinaryOperator.Subtract => Expression.Subtract(a, b),
        BinaryOperator.Multiply => Expression.Multiply(a, b),
        BinaryOperator.Divide => Expression.Divide(a, b),
        BinaryOperator.Power => Expression.Call(GeneralPowerMethod, a, b),
        BinaryOperator.Min => Expression.Call(MinMethod, a, b),
        BinaryOperator.Max => Expression.Call(MaxMethod, a, b),
        _ => Expression.Condition(Compare(op, a, b), OneConstant, ZeroConstant),
    };

    /// <summary><c>a ^ e</c> for a constant exponent: the same expansion as <see cref="FunctionTable.Power"/>.</summary>
    private static Expression Power(Expression a, double exponent)
    {
        if (exponent is not (1.0 or 2.0 or 3.0 or 4.0 or -1.0))
        {
            return Expression.Call(PowMethod, a, Expression.Constant(exponent));
        }

        if (exponent == 1.0)
        {
            return a;
        }

        if (exponent == -1.0)
        {
            return Expression.Divide(OneConstant, a);
        }

        // A variable or constant base is used directly; any other base is evaluated once into a
        // local (a block local measurably slows the delegate, so it is only used when needed).
        bool simple = a is ParameterExpression or ConstantExpression;
        var t = simple ? a : Expression.Variable(typeof(double), "t");
        Expression product = exponent switch
        {
            2.0 => Expression.Multiply(t, t),
            3.0 => Expression.Multiply(Expression.Multiply(t, t), t),
            _ => Expression.Multiply(Expression.Multiply(t, t), Expression.Multiply(t, t)),
        };
        return simple ? product : Expression.Block(typeof(double), [(ParameterExpression)t], Expression.Assign(t, a), product);
    }

    private static MethodInfo FunctionMethod(MathFunction f) => f switch
    {
        MathFunction.Exp => MathMethod(nameof(Math.Exp), 1),
        MathFunction.Log => MathMethod(nameof(Math.Log), 1),
        MathFunction.Sqrt => MathMethod(nameof(Math.Sqrt), 1),
        MathFunction.Abs => MathMethod(nameof(Math.Abs), 1),
        MathFunction.Tanh => MathMethod(nameof(Math.Tanh), 1),
        MathFunction.Cosh => MathMethod(nameof(Math.Cosh), 1),
        MathFunction.Sinh => MathMethod(nameof(Math.Sinh), 1),
        MathFunction.Sin => MathMethod(nameof(Math.Sin), 1),
        MathFunction.Cos => MathMethod(nameof(Math.Cos), 1),
        MathFunction.Sign => SignMethod,
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, "unknown function"),
    };
}
