using System.Globalization;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// The Pidgin grammar of the formula language, producing <see cref="Syntax"/>.
/// </summary>
/// <remarks>
/// Precedence, lowest first:
/// <code>
/// formula    = comparison end
/// comparison = additive { ("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=") additive }
/// additive   = term { ("+" | "-") term }
/// term       = unary { ("*" | "/") unary }
/// unary      = ("-" | "+") unary | power
/// power      = primary [ "^" unary ]          (right-associative; -y^2 = -(y^2), 2^-1 = 0.5)
/// primary    = number | name [ "(" [ comparison { "," comparison } ] ")" ] | "(" comparison ")"
/// number     = digits [ "." [digits] ] [ exponent ] | "." digits [ exponent ]
/// </code>
/// Whitespace is skipped after every token and at the start.
/// </remarks>
internal static class FormulaGrammar
{
    /// <summary>Label of the parsers that may start an operand, used in "expected ..." messages
    /// (which <see cref="SyntaxErrorDescriber"/> rebuilds from context; Pidgin supplies the position).</summary>
    internal const string OperandLabel = "a number, variable, function or '('";

    /// <summary>Label of the infix operators, used in "expected ..." messages.</summary>
    internal const string OperatorLabel = "an operator";

    private static Parser<char, T> Lexeme<T>(Parser<char, T> parser) => parser.Before(SkipWhitespaces);

    private static Parser<char, char> Symbol(char c) => Lexeme(Char(c));

    private static readonly Parser<char, string> Digits = Digit.AtLeastOnceString();

    private static readonly Parser<char, string> ExponentPart =
        Try(OneOf(Char('e'), Char('E'))
            .Then(OneOf(Char('+'), Char('-')).Optional(), (e, sign) => sign.HasValue ? $"e{sign.Value}" : "e")
            .Then(Digits, (prefix, digits) => prefix + digits));

    private static readonly Parser<char, string> Mantissa = OneOf(
        Digits.Then(Char('.').Then(Digit.ManyString()).Optional(), (whole, fraction) => fraction.HasValue && fraction.Value.Length > 0 ? $"{whole}.{fraction.Value}" : whole),
        Char('.').Then(Digits, (_, fraction) => $"0.{fraction}"));

    private static readonly Parser<char, Syntax> Number = Lexeme(
        Mantissa.Then(ExponentPart.Optional(), (m, e) => e.HasValue ? m + e.Value : m)
            .Select(s => (Syntax)new NumberSyntax(double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture))));

    private static readonly Parser<char, string> Identifier =
        Lexeme(Token(c => char.IsAsciiLetter(c) || c == '_')
            .Then(Token(c => char.IsAsciiLetterOrDigit(c) || c == '_').ManyString(), (first, rest) => first + rest));

    private static readonly Parser<char, Syntax> Comparison = Rec(() => ComparisonParser!);

    private static readonly Parser<char, Syntax> NameOrCall =
        Map((position, name) => (position, name), CurrentOffset, Identifier)
            .Then(
                Comparison.Separated(Symbol(',')).Between(Symbol('('), Symbol(')')).Optional(),
                (id, args) => args.HasValue
                    ? new CallSyntax(id.name, id.position, args.Value.ToList())
                    : (Syntax)new NameSyntax(id.name, id.position));

    private static readonly Parser<char, Syntax> Primary =
        OneOf(Number, NameOrCall, Comparison.Between(Symbol('('), Symbol(')')))
            .Labelled(OperandLabel);

    private static readonly Parser<char, Syntax> Unary = Rec(() => UnaryParser!);

    private static readonly Parser<char, Syntax> Power =
        Primary.Then(Symbol('^').Then(Unary).Optional(), (b, e) => e.HasValue ? new BinarySyntax(BinaryOperator.Power, b, e.Value) : b);

    private static readonly Parser<char, Syntax> UnaryParser = OneOf(
        Symbol('-').Then(Unary).Select(u => (Syntax)new UnarySyntax(true, u)),
        Symbol('+').Then(Unary).Select(u => (Syntax)new UnarySyntax(false, u)),
        Power);

    private static Parser<char, Syntax> LeftChain(Parser<char, Syntax> operand, Parser<char, BinaryOperator> op) =>
        operand.Then(
            op.Then(operand, (o, right) => (o, right)).Many(),
            (first, rest) => rest.Aggregate(first, (left, pair) => new BinarySyntax(pair.o, left, pair.right)));

    private static readonly Parser<char, BinaryOperator> MultiplicativeOperator = OneOf(
        Symbol('*').ThenReturn(BinaryOperator.Multiply),
        Symbol('/').ThenReturn(BinaryOperator.Divide)).Labelled(OperatorLabel);

    private static readonly Parser<char, BinaryOperator> AdditiveOperator = OneOf(
        Symbol('+').ThenReturn(BinaryOperator.Add),
        Symbol('-').ThenReturn(BinaryOperator.Subtract)).Labelled(OperatorLabel);

    private static readonly Parser<char, BinaryOperator> ComparisonOperator = Lexeme(OneOf(
        Char('<').Then(Char('=').Optional(), (_, eq) => eq.HasValue ? BinaryOperator.LessOrEqual : BinaryOperator.Less),
        Char('>').Then(Char('=').Optional(), (_, eq) => eq.HasValue ? BinaryOperator.GreaterOrEqual : BinaryOperator.Greater),
        Char('=').Then(Char('=')).ThenReturn(BinaryOperator.Equal),
        Char('!').Then(Char('=')).ThenReturn(BinaryOperator.NotEqual))).Labelled(OperatorLabel);

    private static readonly Parser<char, Syntax> Term = LeftChain(Unary, MultiplicativeOperator);

    private static readonly Parser<char, Syntax> Additive = LeftChain(Term, AdditiveOperator);

    private static readonly Parser<char, Syntax> ComparisonParser = LeftChain(Additive, ComparisonOperator);

    /// <summary>A whole formula: leading whitespace, one expression, end of input.</summary>
    public static readonly Parser<char, Syntax> Formula = SkipWhitespaces.Then(Comparison).Before(End);
}
