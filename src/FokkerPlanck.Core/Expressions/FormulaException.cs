using System.Text;

namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// A formula could not be parsed: a syntax error, an unknown function or variable, or a wrong
/// number of arguments. <see cref="Exception.Message"/> names the offending character, its
/// 0-based position and what was expected; <see cref="Describe"/> adds the text with a caret line.
/// </summary>
/// <remarks>
/// Only parsing throws. Evaluating a formula outside its domain (<c>log(-1)</c>, <c>1/0</c>)
/// yields NaN or ±∞, which the caller checks on the grid.
/// </remarks>
public sealed class FormulaException : Exception
{
    /// <summary>Creates an exception for <paramref name="text"/> with an error at <paramref name="position"/>.</summary>
    /// <param name="message">What is wrong and what was expected, including the position.</param>
    /// <param name="text">The formula text.</param>
    /// <param name="position">The 0-based character index of the error (may equal the text length for "end of input").</param>
    public FormulaException(string message, string text, int position)
        : base(message)
    {
        Text = text;
        Position = position;
    }

    /// <summary>Creates an exception with a message only (for serializers and tools).</summary>
    public FormulaException()
        : this("invalid formula", string.Empty, 0)
    {
    }

    /// <summary>Creates an exception with a message only (for serializers and tools).</summary>
    /// <param name="message">The message.</param>
    public FormulaException(string message)
        : this(message, string.Empty, 0)
    {
    }

    /// <summary>Creates an exception wrapping <paramref name="innerException"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FormulaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Text = string.Empty;
    }

    /// <summary>The 0-based character index in <see cref="Text"/> where the error was found.</summary>
    public int Position { get; }

    /// <summary>The formula text that failed to parse.</summary>
    public string Text { get; } = string.Empty;

    /// <summary>
    /// The message followed by the formula text and a caret under the offending character, e.g.
    /// <code>
    /// unknown function 'tanhh' at position 7; expected one of exp, log, ...
    ///   20*(1+tanhh(y))
    ///          ^
    /// </code>
    /// </summary>
    /// <returns>A three-line description.</returns>
    public string Describe()
    {
        var builder = new StringBuilder(Message);
        builder.Append('\n').Append("  ").Append(Text).Append('\n');
        builder.Append(' ', 2 + Math.Clamp(Position, 0, Text.Length)).Append('^');
        return builder.ToString();
    }

    /// <summary>How a character (or the end of the text) is quoted in messages.</summary>
    internal static string Quote(string text, int position) =>
        position >= text.Length ? "end of input" : $"'{text[position]}'";
}
