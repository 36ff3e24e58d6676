namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// The concrete syntax tree produced by <see cref="FormulaGrammar"/>: names are still strings with
/// their source positions, so that <see cref="FormulaBinder"/> can report unknown names and wrong
/// argument counts at the right character.
/// </summary>
internal abstract record Syntax;

/// <summary>A numeric literal.</summary>
internal sealed record NumberSyntax(double Value) : Syntax;

/// <summary>A bare identifier (a variable or <c>pi</c>) starting at <paramref name="Position"/>.</summary>
internal sealed record NameSyntax(string Name, int Position) : Syntax;

/// <summary>A call <c>name(arguments)</c>; <paramref name="Position"/> is where the name starts.</summary>
internal sealed record CallSyntax(string Name, int Position, IReadOnlyList<Syntax> Arguments) : Syntax;

/// <summary>Unary minus (<paramref name="Negate"/> true) or plus.</summary>
internal sealed record UnarySyntax(bool Negate, Syntax Operand) : Syntax;

/// <summary>An infix operator or comparison.</summary>
internal sealed record BinarySyntax(BinaryOperator Operator, Syntax Left, Syntax Right) : Syntax;
