namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// Folds the constant parts of a tree before it is lowered to a tape, with the scalar semantics:
/// a node whose operands are all constants becomes its value from <see cref="FormulaInterpreter"/>
/// (bit for bit what the compiled delegate computes at run time), <c>u^0</c> becomes 1 (as
/// <c>Math.Pow(u, 0) = 1</c> for every u, NaN included), and <c>if</c> with a constant condition
/// becomes the branch it takes. After folding, an operation has at least one non-constant operand.
/// </summary>
internal static class BlockConstantFolder
{
    /// <summary>The folded tree.</summary>
    public static Node Fold(Node node)
    {
        var folded = node switch
        {
            NegationNode n => n with { Operand = Fold(n.Operand) },
            FunctionNode f => f with { Argument = Fold(f.Argument) },
            BinaryNode b => b with { Left = Fold(b.Left), Right = Fold(b.Right) },
            ConditionalNode c => FoldConditional(c),
            _ => node,
        };
        return folded switch
        {
            BinaryNode { Operator: BinaryOperator.Power, Right: ConstantNode { Value: 0.0 } } => new ConstantNode(1.0),
            _ when HasOnlyConstantOperands(folded) => new ConstantNode(FormulaInterpreter.Evaluate(folded, [])),
            _ => folded,
        };
    }

    private static Node FoldConditional(ConditionalNode c)
    {
        var condition = Fold(c.Condition);
        return condition is ConstantNode k
            ? Fold(k.Value != 0.0 ? c.WhenTrue : c.WhenFalse)
            : new ConditionalNode(condition, Fold(c.WhenTrue), Fold(c.WhenFalse));
    }

    private static bool HasOnlyConstantOperands(Node node) => node switch
    {
        NegationNode { Operand: ConstantNode } => true,
        FunctionNode { Argument: ConstantNode } => true,
        BinaryNode { Left: ConstantNode, Right: ConstantNode } => true,
        _ => false,
    };
}
