namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// Says what was expected at the position of a syntax error, from the text before it.
/// </summary>
/// <remarks>
/// Pidgin reports the position of a failure reliably, but its list of expected tokens only
/// covers the last alternative tried (optional operators after a complete operand are dropped),
/// so the list is rebuilt here from the grammar's shape: after a complete operand come an
/// operator, then ',' or ')' inside a call, ')' inside a group, or the end of the text; after an
/// operator, '(' or ',' comes an operand; after a lone '=' or '!' comes '='.
/// </remarks>
internal static class SyntaxErrorDescriber
{
    /// <summary>The message for a syntax error in <paramref name="text"/> at <paramref name="position"/>.</summary>
    public static string Describe(string text, int position)
    {
        string unexpected = FormulaException.Quote(text, position);
        return $"unexpected {unexpected} at position {position}; expected {Expected(text, position)}";
    }

    private static string Expected(string text, int position)
    {
        var openCalls = new Stack<bool>();
        char previous = '\0';
        char beforePrevious = '\0';
        for (int i = 0; i < position; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c == '(')
            {
                openCalls.Push(char.IsAsciiLetterOrDigit(previous) || previous == '_');
            }
            else if (c == ')' && openCalls.Count > 0)
            {
                openCalls.Pop();
            }

            beforePrevious = previous;
            previous = c;
        }

        if (previous is '=' or '!' && beforePrevious is not ('<' or '>' or '=' or '!'))
        {
            return "'='";
        }

        bool afterOperand = char.IsAsciiLetterOrDigit(previous) || previous is '_' or '.' or ')';
        if (!afterOperand)
        {
            return FormulaGrammar.OperandLabel;
        }

        string closing = openCalls.Count == 0 ? "or end of input" : openCalls.Peek() ? ", ',' or ')'" : "or ')'";
        return $"{FormulaGrammar.OperatorLabel} {closing}".Replace(" ,", ",", StringComparison.Ordinal);
    }
}
