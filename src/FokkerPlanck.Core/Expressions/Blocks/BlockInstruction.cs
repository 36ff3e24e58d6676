namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>One step of a <see cref="BlockProgram"/> tape.</summary>
/// <param name="Op">The operation.</param>
/// <param name="Destination">The register written (≥ 0).</param>
/// <param name="A">First operand slot: a register index ≥ 0, or <c>−1 − v</c> for variable v.</param>
/// <param name="B">Second operand slot (binary operations, the right side of a comparison).</param>
/// <param name="C">The value where the condition holds (selects).</param>
/// <param name="D">The value where the condition fails (selects).</param>
/// <param name="Constant">K: the constant operand, exponent or fill value.</param>
/// <param name="Comparison">The comparison of <see cref="BlockOpCode.Compare"/> and <see cref="BlockOpCode.SelectCompare"/>.</param>
internal readonly record struct BlockInstruction(
    BlockOpCode Op,
    int Destination,
    int A,
    int B = 0,
    int C = 0,
    int D = 0,
    double Constant = 0.0,
    BinaryOperator Comparison = BinaryOperator.Less)
{
    /// <summary>The slot of variable <paramref name="index"/>.</summary>
    public static int VariableSlot(int index) => -1 - index;

    /// <summary>How many of the slots A, B, C, D the operation reads, in that order.</summary>
    public static int OperandCount(BlockOpCode op) => op switch
    {
        BlockOpCode.Fill => 0,
        BlockOpCode.Add or BlockOpCode.Subtract or BlockOpCode.Multiply or BlockOpCode.Divide
            or BlockOpCode.Min or BlockOpCode.Max or BlockOpCode.Power or BlockOpCode.Compare => 2,
        BlockOpCode.SelectCompare => 4,
        _ => 1,
    };

    /// <summary>The slots this instruction reads.</summary>
    public IEnumerable<int> Reads()
    {
        int[] all = [A, B, C, D];
        return all.Take(OperandCount(Op));
    }

    /// <summary>Whether the operation reads <see cref="Constant"/>.</summary>
    public static bool UsesConstant(BlockOpCode op) => op is BlockOpCode.Fill or BlockOpCode.AddConstant
        or BlockOpCode.SubtractFromConstant or BlockOpCode.MultiplyConstant or BlockOpCode.DivideByConstant
        or BlockOpCode.DivideConstant or BlockOpCode.MinConstant or BlockOpCode.MaxConstant or BlockOpCode.PowerInteger;
}
