namespace FokkerPlanck.Core.Expressions;

/// <summary>Names, arities and values of the built-in functions and constants.</summary>
internal static class FunctionTable
{
    /// <summary>Name of the conditional function <c>if(c, a, b)</c>.</summary>
    public const string If = "if";

    /// <summary>Name of the constant π.</summary>
    public const string Pi = "pi";

    /// <summary>The one-argument functions by name.</summary>
    public static readonly IReadOnlyDictionary<string, MathFunction> Unary = new Dictionary<string, MathFunction>(StringComparer.Ordinal)
    {
        ["exp"] = MathFunction.Exp,
        ["log"] = MathFunction.Log,
        ["sqrt"] = MathFunction.Sqrt,
        ["abs"] = MathFunction.Abs,
        ["tanh"] = MathFunction.Tanh,
        ["cosh"] = MathFunction.Cosh,
        ["sinh"] = MathFunction.Sinh,
        ["sin"] = MathFunction.Sin,
        ["cos"] = MathFunction.Cos,
        ["sign"] = MathFunction.Sign,
    };

    /// <summary>The two-argument functions by name.</summary>
    public static readonly IReadOnlyDictionary<string, BinaryOperator> Binary = new Dictionary<string, BinaryOperator>(StringComparer.Ordinal)
    {
        ["min"] = BinaryOperator.Min,
        ["max"] = BinaryOperator.Max,
    };

    /// <summary>All function names, in the order used by error messages.</summary>
    public static readonly IReadOnlyList<string> AllNames =
        ["exp", "log", "sqrt", "abs", "tanh", "cosh", "sinh", "sin", "cos", "sign", "min", "max", If];

    /// <summary>Whether <paramref name="name"/> is reserved (a function or constant) and so cannot name a variable.</summary>
    public static bool IsReserved(string name) => name == Pi || AllNames.Contains(name);

    /// <summary>The number of arguments that the function <paramref name="name"/> takes, or null if it is unknown.</summary>
    public static int? Arity(string name) =>
        Unary.ContainsKey(name) ? 1 : Binary.ContainsKey(name) ? 2 : name == If ? 3 : null;

    /// <summary>The lower-case name of a one-argument function.</summary>
    public static string NameOf(MathFunction function) => function switch
    {
        MathFunction.Exp => "exp",
        MathFunction.Log => "log",
        MathFunction.Sqrt => "sqrt",
        MathFunction.Abs => "abs",
        MathFunction.Tanh => "tanh",
        MathFunction.Cosh => "cosh",
        MathFunction.Sinh => "sinh",
        MathFunction.Sin => "sin",
        MathFunction.Cos => "cos",
        MathFunction.Sign => "sign",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "unknown function"),
    };

    /// <summary>Evaluates a one-argument function.</summary>
    public static double Apply(MathFunction function, double u) => function switch
    {
        MathFunction.Exp => Math.Exp(u),
        MathFunction.Log => Math.Log(u),
        MathFunction.Sqrt => Math.Sqrt(u),
        MathFunction.Abs => Math.Abs(u),
        MathFunction.Tanh => Math.Tanh(u),
        MathFunction.Cosh => Math.Cosh(u),
        MathFunction.Sinh => Math.Sinh(u),
        MathFunction.Sin => Math.Sin(u),
        MathFunction.Cos => Math.Cos(u),
        MathFunction.Sign => Sign(u),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "unknown function"),
    };

    /// <summary>Sign of <paramref name="u"/> as a double: −1, 0 or 1, and NaN for NaN (unlike <see cref="Math.Sign(double)"/>, which throws).</summary>
    public static double Sign(double u) => u > 0 ? 1.0 : u < 0 ? -1.0 : u == 0 ? 0.0 : double.NaN;

    /// <summary>Evaluates a binary operation, comparison or <c>min</c>/<c>max</c>.</summary>
    public static double Apply(BinaryOperator op, double a, double b) => op switch
    {
        BinaryOperator.Add => a + b,
        BinaryOperator.Subtract => a - b,
        BinaryOperator.Multiply => a * b,
        BinaryOperator.Divide => a / b,
        BinaryOperator.Power => Power(a, b),
        BinaryOperator.Less => a < b ? 1.0 : 0.0,
        BinaryOperator.LessOrEqual => a <= b ? 1.0 : 0.0,
        BinaryOperator.Greater => a > b ? 1.0 : 0.0,
        BinaryOperator.GreaterOrEqual => a >= b ? 1.0 : 0.0,
        BinaryOperator.Equal => a == b ? 1.0 : 0.0,
        BinaryOperator.NotEqual => a != b ? 1.0 : 0.0,
        BinaryOperator.Min => Math.Min(a, b),
        BinaryOperator.Max => Math.Max(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator"),
    };

    /// <summary>
    /// <c>a ^ b</c>. Small integer exponents are expanded into products, exactly as the
    /// compiled delegate does (see <see cref="ExpressionCompiler"/>), so that the interpreter and the
    /// compiled code agree bit for bit and <c>y^2</c> costs one multiplication.
    /// </summary>
    public static double Power(double a, double b) => b switch
    {
        1.0 => a,
        2.0 => a * a,
        3.0 => a * a * a,
        4.0 => (a * a) * (a * a),
        -1.0 => 1.0 / a,
        _ => Math.Pow(a, b),
    };

    /// <summary>Whether <paramref name="op"/> is one of the six comparisons.</summary>
    public static bool IsComparison(BinaryOperator op) => op is >= BinaryOperator.Less and <= BinaryOperator.NotEqual;

    /// <summary>The source text of an infix operator or comparison.</summary>
    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Power => "^",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Min => "min",
        BinaryOperator.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator"),
    };
}
