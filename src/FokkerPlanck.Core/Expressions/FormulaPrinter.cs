using System.Globalization;
using System.Text;

namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// Prints a <see cref="Node"/> tree as formula text with the fewest parentheses that make
/// <see cref="Formula.Parse"/> rebuild the same tree.
/// </summary>
/// <remarks>
/// Levels, lowest first: comparison (1), additive (2), multiplicative (3), unary minus (4),
/// power (5), primary (6). Left-associative operators parenthesise a right operand of their
/// own level; <c>^</c> parenthesises a base below primary level and an exponent below unary level.
/// Numbers use the round-trip format, so the printed text parses back to the same doubles.
/// </remarks>
internal static class FormulaPrinter
{
    private const int ComparisonLevel = 1;
    private const int AdditiveLevel = 2;
    private const int MultiplicativeLevel = 3;
    private const int UnaryLevel = 4;
    private const int PowerLevel = 5;
    private const int PrimaryLevel = 6;

    /// <summary>Formula text for <paramref name="node"/>.</summary>
    public static string Print(Node node)
    {
        var builder = new StringBuilder();
        Write(builder, node, ComparisonLevel);
        return builder.ToString();
    }

    private static int Level(Node node) => node switch
    {
        ConstantNode c => double.IsNaN(c.Value) ? MultiplicativeLevel : double.IsNegative(c.Value) ? UnaryLevel : PrimaryLevel,
        NegationNode => UnaryLevel,
        BinaryNode b => b.Operator switch
        {
            BinaryOperator.Add or BinaryOperator.Subtract => AdditiveLevel,
            BinaryOperator.Multiply or BinaryOperator.Divide => MultiplicativeLevel,
            BinaryOperator.Power => PowerLevel,
            BinaryOperator.Min or BinaryOperator.Max => PrimaryLevel,
            _ => ComparisonLevel,
        },
        _ => PrimaryLevel,
    };

    private static void Write(StringBuilder builder, Node node, int minimumLevel)
    {
        bool parenthesise = Level(node) < minimumLevel;
        if (parenthesise)
        {
            builder.Append('(');
        }

        switch (node)
        {
            case ConstantNode c:
                builder.Append(FormatNumber(c.Value));
                break;
            case VariableNode v:
                builder.Append(v.Name);
                break;
            case NegationNode n:
                builder.Append('-');
                Write(builder, n.Operand, n.Operand is ConstantNode or NegationNode ? PrimaryLevel : UnaryLevel);
                break;
            case BinaryNode { Operator: BinaryOperator.Min or BinaryOperator.Max } b:
                WriteCall(builder, FunctionTable.Symbol(b.Operator), b.Left, b.Right);
                break;
            case BinaryNode { Operator: BinaryOperator.Power } b:
                Write(builder, b.Left, PrimaryLevel);
                builder.Append('^');
                Write(builder, b.Right, UnaryLevel);
                break;
            case BinaryNode b:
                int level = Level(b);
                Write(builder, b.Left, level);
                builder.Append(' ').Append(FunctionTable.Symbol(b.Operator)).Append(' ');
                Write(builder, b.Right, level + 1);
                break;
            case FunctionNode f:
                WriteCall(builder, FunctionTable.NameOf(f.Function), f.Argument);
                break;
            case ConditionalNode c:
                WriteCall(builder, FunctionTable.If, c.Condition, c.WhenTrue, c.WhenFalse);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node, "unknown node");
        }

        if (parenthesise)
        {
            builder.Append(')');
        }
    }

    private static void WriteCall(StringBuilder builder, string name, params Node[] arguments)
    {
        builder.Append(name).Append('(');
        for (int i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(builder, arguments[i], ComparisonLevel);
        }

        builder.Append(')');
    }

    /// <summary>Round-trip text of a double; ±∞ and NaN (which only hand-built trees contain) as expressions that evaluate to them.</summary>
    private static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "1e999",
        double.NegativeInfinity => "-1e999",
        double.NaN => "0/0",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
