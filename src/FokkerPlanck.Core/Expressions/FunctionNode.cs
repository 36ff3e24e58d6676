namespace FokkerPlanck.Core.Expressions;

/// <summary>A call of a one-argument function such as <c>exp(u)</c>.</summary>
/// <param name="Function">The function.</param>
/// <param name="Argument">The argument expression.</param>
public sealed record FunctionNode(MathFunction Function, Node Argument) : Node;
