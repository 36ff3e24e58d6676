namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// <c>if(condition, whenTrue, whenFalse)</c>: <paramref name="WhenTrue"/> where the condition is
/// non-zero (NaN counts as non-zero, as in C#'s <c>c != 0</c>), otherwise <paramref name="WhenFalse"/>.
/// </summary>
/// <param name="Condition">The condition, usually a comparison with value 1 or 0.</param>
/// <param name="WhenTrue">The value where the condition is non-zero.</param>
/// <param name="WhenFalse">The value where the condition is zero.</param>
public sealed record ConditionalNode(Node Condition, Node WhenTrue, Node WhenFalse) : Node;
