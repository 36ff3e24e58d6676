namespace FokkerPlanck.Core.Expressions;

/// <summary>Unary minus, <c>-operand</c>.</summary>
/// <param name="Operand">The negated expression.</param>
public sealed record NegationNode(Node Operand) : Node;
