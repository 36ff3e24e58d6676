namespace FokkerPlanck.Core.Expressions;

/// <summary>A reference to one of the variables that the formula was parsed with.</summary>
/// <param name="Name">The variable name as written, e.g. <c>y</c>.</param>
/// <param name="Index">The position of the variable in <see cref="Formula.Variables"/>,
/// which is also its position in the value span passed to <see cref="Formula.Evaluate(ReadOnlySpan{double})"/>.</param>
public sealed record VariableNode(string Name, int Index) : Node;
