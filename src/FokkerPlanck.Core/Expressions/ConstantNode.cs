namespace FokkerPlanck.Core.Expressions;

/// <summary>A numeric literal (or the constant <c>pi</c>).</summary>
/// <param name="Value">The value of the literal.</param>
public sealed record ConstantNode(double Value) : Node;
