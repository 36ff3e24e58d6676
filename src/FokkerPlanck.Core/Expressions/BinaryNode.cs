namespace FokkerPlanck.Core.Expressions;

/// <summary>An infix operator, a comparison, or one of the two-argument functions <c>min</c> and <c>max</c>.</summary>
/// <param name="Operator">The operation.</param>
/// <param name="Left">The left operand (first argument of <c>min</c>/<c>max</c>).</param>
/// <param name="Right">The right operand (second argument of <c>min</c>/<c>max</c>).</param>
public sealed record BinaryNode(BinaryOperator Operator, Node Left, Node Right) : Node;
