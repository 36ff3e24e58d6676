namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// The operations of a <see cref="BlockProgram"/> tape. Operands A–D are slots (a register ≥ 0 or a
/// variable &lt; 0, see <see cref="BlockInstruction"/>); K is the instruction's constant.
/// </summary>
internal enum BlockOpCode : byte
{
    /// <summary>d = K broadcast (a constant operand of an operation that has no constant form).</summary>
    Fill,

    /// <summary>d = A (an output that is a bare variable).</summary>
    Copy,

    /// <summary>d = −A.</summary>
    Negate,

    /// <summary>d = A + B.</summary>
    Add,

    /// <summary>d = A − B.</summary>
    Subtract,

    /// <summary>d = A · B.</summary>
    Multiply,

    /// <summary>d = A / B.</summary>
    Divide,

    /// <summary>d = A + K (also A − c, as A + (−c): the same IEEE operation).</summary>
    AddConstant,

    /// <summary>d = K − A.</summary>
    SubtractFromConstant,

    /// <summary>d = A · K.</summary>
    MultiplyConstant,

    /// <summary>d = A / K.</summary>
    DivideByConstant,

    /// <summary>d = K / A (also <c>A^-1</c> as 1 / A, as <see cref="FunctionTable.Power"/> does).</summary>
    DivideConstant,

    /// <summary>d = min(A, B) (NaN propagates, −0 &lt; +0, as <see cref="Math.Min(double, double)"/>).</summary>
    Min,

    /// <summary>d = max(A, B).</summary>
    Max,

    /// <summary>d = min(A, K).</summary>
    MinConstant,

    /// <summary>d = max(A, K).</summary>
    MaxConstant,

    /// <summary>d = A · A (<c>A^2</c>).</summary>
    Square,

    /// <summary>d = (A · A) · A (<c>A^3</c>).</summary>
    Cube,

    /// <summary>d = (A · A) · (A · A) (<c>A^4</c>).</summary>
    Fourth,

    /// <summary>d = A^K for an integer K outside the expanded set, by repeated squaring.</summary>
    PowerInteger,

    /// <summary>d = A^B point by point with <see cref="FunctionTable.Power"/> (scalar; general exponents).</summary>
    Power,

    /// <summary>d = exp(A).</summary>
    Exp,

    /// <summary>d = log(A).</summary>
    Log,

    /// <summary>d = sqrt(A).</summary>
    Sqrt,

    /// <summary>d = |A|.</summary>
    Abs,

    /// <summary>d = tanh(A).</summary>
    Tanh,

    /// <summary>d = cosh(A).</summary>
    Cosh,

    /// <summary>d = sinh(A).</summary>
    Sinh,

    /// <summary>d = sin(A).</summary>
    Sin,

    /// <summary>d = cos(A).</summary>
    Cos,

    /// <summary>d = sign(A): −1, 0, 1, NaN for NaN.</summary>
    Sign,

    /// <summary>d = (A cmp B) ? 1 : 0 with the comparison of the instruction.</summary>
    Compare,

    /// <summary>d = (A cmp B) ? C : D (both branches evaluated, selected bitwise); <c>if(c, …)</c> with a
    /// condition that is not a comparison is <c>c ≠ 0</c>, NaN counting as non-zero.</summary>
    SelectCompare,
}
