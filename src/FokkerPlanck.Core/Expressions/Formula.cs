using Pidgin;

namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// A parsed landscape formula such as <c>0.5*y^4 - y^2 + 0.3*y</c> over a caller-given list of
/// variables: evaluate it, compile it to a fast delegate, differentiate it symbolically, print it,
/// and locate its discontinuities.
/// </summary>
/// <remarks>
/// <para>Language: numbers (<c>2</c>, <c>.5</c>, <c>1e-3</c>), the variables, the constant
/// <c>pi</c>, <c>+ - * / ^</c> (<c>^</c> is right-associative and binds tighter than unary minus,
/// so <c>-y^2 = -(y^2)</c>), parentheses, the functions exp, log, sqrt, abs, tanh, cosh, sinh,
/// sin, cos, sign, min, max, comparisons <c>&lt; &lt;= &gt; &gt;= == !=</c> (value 1 or 0) and
/// <c>if(cond, a, b)</c>. Whitespace is allowed anywhere between tokens. The grammar is in
/// <see cref="FormulaGrammar"/>; parsing uses the Pidgin parser-combinator library.</para>
/// <para>Instances are immutable and thread-safe. Evaluation outside the domain
/// (<c>log(-1)</c>, <c>1/0</c>) returns NaN or ±∞ and never throws.</para>
/// </remarks>
public sealed class Formula
{
    private readonly string[] _variables;
    private Delegate? _compiled;

    private Formula(Node root, string[] variables)
    {
        Root = root;
        _variables = variables;
    }

    /// <summary>The syntax tree.</summary>
    public Node Root { get; }

    /// <summary>The variables, in the order their values are passed to <see cref="Evaluate(ReadOnlySpan{double})"/>
    /// and to the compiled delegate. A formula need not use all of them.</summary>
    public IReadOnlyList<string> Variables => _variables;

    /// <summary>Whether the formula contains a comparison, <c>if</c>, <c>abs</c>, <c>sign</c>, <c>min</c> or
    /// <c>max</c>, i.e. may have jumps or kinks (see <see cref="FindDiscontinuities"/>).</summary>
    public bool IsPiecewise => DiscontinuityFinder.IsPiecewise(Root);

    /// <summary>Parses <paramref name="text"/>, optionally with named constants (a scenario's <c>parameters</c>).</summary>
    /// <param name="text">The formula text.</param>
    /// <param name="variables">The variable names the formula may use, e.g. <c>["x", "y"]</c>;
    /// identifiers (letters, digits, '_', not starting with a digit), distinct, and not a function name or <c>pi</c>.</param>
    /// <param name="constants">Names bound to fixed values, e.g. <c>{ "A": 46 }</c>: each use becomes a constant of the tree
    /// (so derivatives, jumps and printing treat it as a number); identifiers that are not a variable, a function name or <c>pi</c>. Null for none.</param>
    /// <returns>The parsed formula.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="variables"/> is null.</exception>
    /// <exception cref="ArgumentException">A variable or constant name is invalid, reserved or repeated.</exception>
    /// <exception cref="FormulaException">The text is not a valid formula; <see cref="FormulaException.Position"/> says where.</exception>
    public static Formula Parse(string text, IReadOnlyList<string> variables, IReadOnlyDictionary<string, double>? constants = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = ValidateVariables(variables);
        constants ??= new Dictionary<string, double>();
        ValidateVariables([.. names, .. constants.Keys]);
        var result = FormulaGrammar.Formula.Parse(text);
        if (!result.Success)
        {
            throw SyntaxError(text, result.Error!);
        }

        return new Formula(new FormulaBinder(text, names, constants).Bind(result.Value), names);
    }

    /// <summary>Whether <paramref name="name"/> may name a variable or constant: an identifier that is not a function name or <c>pi</c>.</summary>
    /// <param name="name">The candidate name.</param>
    public static bool IsValidName(string name) =>
        !string.IsNullOrEmpty(name) && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !FunctionTable.IsReserved(name);

    /// <summary>Evaluates the formula by walking the tree (use <see cref="Compile"/> in hot loops).</summary>
    /// <param name="values">One value per entry of <see cref="Variables"/>, in that order.</param>
    /// <returns>The value; NaN or ±∞ outside the domain.</returns>
    /// <exception cref="ArgumentException">The number of values differs from the number of variables.</exception>
    public double Evaluate(ReadOnlySpan<double> values)
    {
        if (values.Length != _variables.Length)
        {
            throw new ArgumentException($"expected {_variables.Length} values, one per variable, but got {values.Length}", nameof(values));
        }

        return FormulaInterpreter.Evaluate(Root, values);
    }

    /// <summary>Evaluates a formula of one variable.</summary>
    /// <param name="value">The value of the variable.</param>
    /// <returns>The value of the formula.</returns>
    /// <exception cref="ArgumentException">The formula does not have exactly one variable.</exception>
    public double Evaluate(double value) => Evaluate([value]);

    /// <summary>Evaluates a formula of two variables.</summary>
    /// <param name="first">The value of <c>Variables[0]</c>.</param>
    /// <param name="second">The value of <c>Variables[1]</c>.</param>
    /// <returns>The value of the formula.</returns>
    /// <exception cref="ArgumentException">The formula does not have exactly two variables.</exception>
    public double Evaluate(double first, double second) => Evaluate([first, second]);

    /// <summary>
    /// The formula compiled with System.Linq.Expressions, built once and cached: a
    /// <c>Func&lt;double, double&gt;</c> for one variable, <c>Func&lt;double, double, double&gt;</c> for
    /// two, otherwise <c>Func&lt;double[], double&gt;</c>. It allocates nothing per call and gives
    /// bit-for-bit the same results as <see cref="Evaluate(ReadOnlySpan{double})"/>.
    /// </summary>
    /// <returns>The cached delegate.</returns>
    public Delegate Compile()
    {
        if (_compiled is null)
        {
            Delegate compiled = _variables.Length switch
            {
                1 => ExpressionCompiler.CompileUnary(Root),
                2 => ExpressionCompiler.CompileBinary(Root),
                _ => ExpressionCompiler.CompileArray(Root),
            };
            Interlocked.CompareExchange(ref _compiled, compiled, null);
        }

        return _compiled;
    }

    /// <summary>The cached compiled delegate of a one-variable formula.</summary>
    /// <returns>f(v0).</returns>
    /// <exception cref="InvalidOperationException">The formula does not have exactly one variable.</exception>
    public Func<double, double> CompileUnary() => Compile() as Func<double, double>
        ?? throw new InvalidOperationException($"the formula has {_variables.Length} variables, not 1");

    /// <summary>The cached compiled delegate of a two-variable formula.</summary>
    /// <returns>f(v0, v1).</returns>
    /// <exception cref="InvalidOperationException">The formula does not have exactly two variables.</exception>
    public Func<double, double, double> CompileBinary() => Compile() as Func<double, double, double>
        ?? throw new InvalidOperationException($"the formula has {_variables.Length} variables, not 2");

    /// <summary>Evaluates a one-variable formula at many points with the compiled delegate.</summary>
    /// <param name="xs">The points.</param>
    /// <param name="result">Receives f(xs[i]); same length as <paramref name="xs"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="InvalidOperationException">The formula does not have exactly one variable.</exception>
    public void EvaluateMany(ReadOnlySpan<double> xs, Span<double> result)
    {
        if (result.Length != xs.Length)
        {
            throw new ArgumentException($"result has length {result.Length} but xs has {xs.Length}", nameof(result));
        }

        var f = CompileUnary();
        for (int i = 0; i < xs.Length; i++)
        {
            result[i] = f(xs[i]);
        }
    }

    /// <summary>Evaluates a two-variable formula at many points (xs[i], ys[i]) with the compiled delegate.</summary>
    /// <param name="xs">Values of <c>Variables[0]</c>.</param>
    /// <param name="ys">Values of <c>Variables[1]</c>; same length.</param>
    /// <param name="result">Receives f(xs[i], ys[i]); same length.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="InvalidOperationException">The formula does not have exactly two variables.</exception>
    public void EvaluateMany(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<double> result)
    {
        if (ys.Length != xs.Length || result.Length != xs.Length)
        {
            throw new ArgumentException($"xs, ys and result must have equal lengths, got {xs.Length}, {ys.Length}, {result.Length}", nameof(result));
        }

        var f = CompileBinary();
        for (int i = 0; i < xs.Length; i++)
        {
            result[i] = f(xs[i], ys[i]);
        }
    }

    /// <summary>The symbolic partial derivative, simplified (see <see cref="Differentiator"/> for the rules).</summary>
    /// <param name="variable">One of <see cref="Variables"/>.</param>
    /// <returns>A formula over the same variables.</returns>
    /// <exception cref="ArgumentException"><paramref name="variable"/> is not one of <see cref="Variables"/>.</exception>
    public Formula Differentiate(string variable) =>
        new(Differentiator.Differentiate(Root, IndexOf(variable)), _variables);

    /// <summary>
    /// Locations in [<paramref name="lower"/>, <paramref name="upper"/>] where a comparison inside the
    /// formula changes value as <paramref name="variable"/> varies (sign changes of lhs − rhs, refined
    /// by bisection), plus sign changes of <c>sign</c> arguments and of non-comparison <c>if</c>
    /// conditions. Kinks of <c>abs</c>/<c>min</c>/<c>max</c> are only reported with
    /// <see cref="DiscontinuitySearchOptions.IncludeKinks"/>. Used to put grid faces on potential jumps.
    /// </summary>
    /// <param name="variable">The variable to scan.</param>
    /// <param name="lower">Start of the interval.</param>
    /// <param name="upper">End of the interval; greater than <paramref name="lower"/>.</param>
    /// <param name="options">Sampling density, kinks, values of the other variables; null for defaults.</param>
    /// <returns>Sorted, distinct locations; empty for a smooth formula.</returns>
    /// <exception cref="ArgumentException">Unknown variable, empty interval, non-positive sample count,
    /// or fixed values of the wrong length.</exception>
    public IReadOnlyList<double> FindDiscontinuities(string variable, double lower, double upper, DiscontinuitySearchOptions? options = null)
    {
        options ??= new DiscontinuitySearchOptions();
        int index = IndexOf(variable);
        if (!(upper > lower) || !double.IsFinite(lower) || !double.IsFinite(upper))
        {
            throw new ArgumentException($"the interval must be finite with lower < upper, got [{lower}, {upper}]", nameof(upper));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SampleCount, nameof(options));
        if (options.FixedValues is not null && options.FixedValues.Count != _variables.Length)
        {
            throw new ArgumentException($"FixedValues needs {_variables.Length} entries, got {options.FixedValues.Count}", nameof(options));
        }

        return DiscontinuityFinder.Find(Root, _variables.Length, index, lower, upper, options);
    }

    /// <summary>Formula text that <see cref="Parse"/> turns back into the same tree (with the same variables).</summary>
    /// <returns>The canonical text, e.g. <c>0.5 * y^4 - y^2</c>.</returns>
    public override string ToString() => FormulaPrinter.Print(Root);

    private int IndexOf(string variable)
    {
        int index = Array.IndexOf(_variables, variable);
        return index >= 0
            ? index
            : throw new ArgumentException($"'{variable}' is not a variable of this formula; it has {string.Join(", ", _variables)}", nameof(variable));
    }

    private static string[] ValidateVariables(IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var names = variables.ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i];
            if (!IsValidName(name) || Array.IndexOf(names, name) != i)
            {
                throw new ArgumentException($"variable name '{name}' must be a distinct identifier that is not a function name or 'pi'", nameof(variables));
            }
        }

        return names;
    }

    private static FormulaException SyntaxError(string text, ParseError<char> error)
    {
        int position = Math.Clamp(error.ErrorOffset, 0, text.Length);
        return new FormulaException(SyntaxErrorDescriber.Describe(text, position), text, position);
    }
}
