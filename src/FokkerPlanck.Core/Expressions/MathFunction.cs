namespace FokkerPlanck.Core.Expressions;

/// <summary>The one-argument functions of the formula language.</summary>
public enum MathFunction
{
    /// <summary><c>exp(u)</c>.</summary>
    Exp,

    /// <summary><c>log(u)</c>, the natural logarithm (NaN for u &lt; 0).</summary>
    Log,

    /// <summary><c>sqrt(u)</c> (NaN for u &lt; 0).</summary>
    Sqrt,

    /// <summary><c>abs(u)</c>.</summary>
    Abs,

    /// <summary><c>tanh(u)</c>.</summary>
    Tanh,

    /// <summary><c>cosh(u)</c>.</summary>
    Cosh,

    /// <summary><c>sinh(u)</c>.</summary>
    Sinh,

    /// <summary><c>sin(u)</c>.</summary>
    Sin,

    /// <summary><c>cos(u)</c>.</summary>
    Cos,

    /// <summary><c>sign(u)</c>: −1, 0 or 1 (NaN for NaN). It is the derivative of <c>abs</c>, so it is part of the language.</summary>
    Sign,
}
