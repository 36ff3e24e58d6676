namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// Turns the <see cref="Syntax"/> tree into the public <see cref="Node"/> tree: resolves
/// variables, named constants, functions and <c>pi</c>, checks argument counts, and throws
/// <see cref="FormulaException"/> at the position of the first offending name.
/// </summary>
/// <remarks>
/// A minus applied directly to a literal is folded into the literal (<c>-2</c> becomes the
/// constant −2), so that printing a negative constant and parsing it back gives the same tree.
/// </remarks>
internal sealed class FormulaBinder(string text, IReadOnlyList<string> variables, IReadOnlyDictionary<string, double> constants)
{
    /// <summary>Binds <paramref name="syntax"/> and everything below it.</summary>
    public Node Bind(Syntax syntax) => syntax switch
    {
        NumberSyntax n => new ConstantNode(n.Value),
        NameSyntax n => BindName(n),
        CallSyntax c => BindCall(c),
        UnarySyntax { Negate: false } u => Bind(u.Operand),
        UnarySyntax u => Negate(Bind(u.Operand)),
        BinarySyntax b => new BinaryNode(b.Operator, Bind(b.Left), Bind(b.Right)),
        _ => throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "unknown syntax node"),
    };

    private static Node Negate(Node operand) =>
        operand is ConstantNode c ? new ConstantNode(-c.Value) : new NegationNode(operand);

    private Node BindName(NameSyntax name)
    {
        int index = IndexOf(name.Name);
        if (index >= 0)
        {
            return new VariableNode(name.Name, index);
        }

        if (name.Name == FunctionTable.Pi)
        {
            return new ConstantNode(Math.PI);
        }

        if (constants.TryGetValue(name.Name, out double value))
        {
            return new ConstantNode(value);
        }

        if (FunctionTable.Arity(name.Name) is not null)
        {
            throw Error(name.Position + name.Name.Length,
                $"function '{name.Name}' must be followed by '(' at position {name.Position + name.Name.Length}");
        }

        var names = variables.Concat(constants.Keys.Order(StringComparer.Ordinal)).ToArray();
        string allowed = names.Length == 0 ? "this formula may use no variables" : $"this formula may use {string.Join(", ", names)}";
        throw Error(name.Position, $"unknown variable '{name.Name}' at position {name.Position}; {allowed} (and the constant pi)");
    }

    private Node BindCall(CallSyntax call)
    {
        int? arity = FunctionTable.Arity(call.Name);
        if (arity is null)
        {
            string what = IndexOf(call.Name) >= 0 ? $"'{call.Name}' is a variable, not a function," : $"unknown function '{call.Name}'";
            throw Error(call.Position,
                $"{what} at position {call.Position}; expected one of {string.Join(", ", FunctionTable.AllNames)}");
        }

        if (call.Arguments.Count != arity)
        {
            string plural = arity == 1 ? "argument" : "arguments";
            throw Error(call.Position,
                $"function '{call.Name}' at position {call.Position} takes {arity} {plural} but was given {call.Arguments.Count}");
        }

        var args = call.Arguments.Select(Bind).ToArray();
        if (FunctionTable.Unary.TryGetValue(call.Name, out var function))
        {
            return new FunctionNode(function, args[0]);
        }

        if (FunctionTable.Binary.TryGetValue(call.Name, out var op))
        {
            return new BinaryNode(op, args[0], args[1]);
        }

        return new ConditionalNode(args[0], args[1], args[2]);
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < variables.Count; i++)
        {
            if (string.Equals(variables[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private FormulaException Error(int position, string message) => new(message, text, position);
}
