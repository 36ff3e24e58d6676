namespace FokkerPlanck.Core.Expressions;

/// <summary>Evaluates a <see cref="Node"/> tree by walking it (the reference semantics for the compiled delegate).</summary>
internal static class FormulaInterpreter
{
    /// <summary>The value of <paramref name="node"/> with the variables set to <paramref name="values"/> (indexed by <see cref="VariableNode.Index"/>).</summary>
    public static double Evaluate(Node node, ReadOnlySpan<double> values) => node switch
    {
        ConstantNode c => c.Value,
        VariableNode v => values[v.Index],
        NegationNode n => -Evaluate(n.Operand, values),
        BinaryNode b => FunctionTable.Apply(b.Operator, Evaluate(b.Left, values), Evaluate(b.Right, values)),
        FunctionNode f => FunctionTable.Apply(f.Function, Evaluate(f.Argument, values)),
        ConditionalNode c => Evaluate(c.Condition, values) != 0.0 ? Evaluate(c.WhenTrue, values) : Evaluate(c.WhenFalse, values),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "unknown node"),
    };
}
