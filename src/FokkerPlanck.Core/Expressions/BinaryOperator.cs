namespace FokkerPlanck.Core.Expressions;

/// <summary>The operations of a <see cref="BinaryNode"/>.</summary>
public enum BinaryOperator
{
    /// <summary><c>a + b</c>.</summary>
    Add,

    /// <summary><c>a - b</c>.</summary>
    Subtract,

    /// <summary><c>a * b</c>.</summary>
    Multiply,

    /// <summary><c>a / b</c>.</summary>
    Divide,

    /// <summary><c>a ^ b</c>, right-associative, binds tighter than unary minus.</summary>
    Power,

    /// <summary><c>a &lt; b</c>: 1 when true, otherwise 0.</summary>
    Less,

    /// <summary><c>a &lt;= b</c>: 1 when true, otherwise 0.</summary>
    LessOrEqual,

    /// <summary><c>a &gt; b</c>: 1 when true, otherwise 0.</summary>
    Greater,

    /// <summary><c>a &gt;= b</c>: 1 when true, otherwise 0.</summary>
    GreaterOrEqual,

    /// <summary><c>a == b</c>: 1 when true, otherwise 0.</summary>
    Equal,

    /// <summary><c>a != b</c>: 1 when true, otherwise 0.</summary>
    NotEqual,

    /// <summary><c>min(a, b)</c> (NaN propagates, as <see cref="Math.Min(double, double)"/>).</summary>
    Min,

    /// <summary><c>max(a, b)</c> (NaN propagates, as <see cref="Math.Max(double, double)"/>).</summary>
    Max,
}
