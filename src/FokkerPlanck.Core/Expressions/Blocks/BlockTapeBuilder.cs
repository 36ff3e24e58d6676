using System.Diagnostics;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// Lowers <see cref="Node"/> trees to a straight-line tape over virtual registers (one per
/// instruction): constant parts folded first (<see cref="BlockConstantFolder"/>), equal subtrees
/// shared, constant operands kept as immediates where the operation has a form for them.
/// </summary>
/// <remarks>
/// The tape keeps the scalar evaluation order of <see cref="FormulaInterpreter"/> and
/// <see cref="ExpressionCompiler"/> (no re-association, no fused multiply–add), so every
/// arithmetic step rounds exactly as the compiled delegate does; only the vector exp, log, sin,
/// cos, the tanh, sinh, cosh of <see cref="BlockFunctionEmitter"/> and integer powers by squaring
/// may differ, by a few ulp. Constant folding uses the interpreter itself, so folded values are
/// bit for bit the scalar ones.
/// </remarks>
internal sealed class BlockTapeBuilder
{
    /// <summary>
    /// Largest |n| of a constant integer exponent evaluated by repeated squaring (at most
    /// 2·log2(n) ≈ 12 multiplications); larger exponents go to <see cref="Math.Pow"/> point by point.
    /// </summary>
    private const double MaxSquaringExponent = 64;

    private readonly List<BlockInstruction> _tape = [];
    private readonly Dictionary<Node, Operand> _shared = [];
    private readonly Dictionary<long, int> _filled = [];

    /// <summary>The instructions so far; instruction i defines virtual register i.</summary>
    public IReadOnlyList<BlockInstruction> Tape => _tape;

    /// <summary>Lowers <paramref name="root"/> and returns the virtual register that holds its value (a fill or a copy when the root is a constant or a bare variable).</summary>
    public int AddOutput(Node root)
    {
        var value = Lower(BlockConstantFolder.Fold(root));
        return value switch
        {
            { IsConstant: true } => Fill(value.Value),
            { Slot: < 0 } => Emit(new BlockInstruction(BlockOpCode.Copy, 0, value.Slot)),
            _ => value.Slot,
        };
    }

    private Operand Lower(Node node)
    {
        if (node is ConstantNode c)
        {
            return Operand.Of(c.Value);
        }

        if (node is VariableNode v)
        {
            return new Operand(BlockInstruction.VariableSlot(v.Index), 0, false);
        }

        if (_shared.TryGetValue(node, out var known))
        {
            return known;
        }

        var value = LowerOperation(node);
        _shared[node] = value;
        return value;
    }

    private Operand LowerOperation(Node node) => node switch
    {
        NegationNode n => Unary(BlockOpCode.Negate, Lower(n.Operand)),
        FunctionNode f => Unary(FunctionCode(f.Function), Lower(f.Argument)),
        ConditionalNode c => Conditional(c),
        BinaryNode { Operator: BinaryOperator.Power } b => Power(Lower(b.Left), Lower(b.Right)),
        BinaryNode b when FunctionTable.IsComparison(b.Operator) => Reg(Emit(new BlockInstruction(
            BlockOpCode.Compare, 0, Block(Lower(b.Left)), Block(Lower(b.Right)), Comparison: b.Operator))),
        BinaryNode b => Arithmetic(b.Operator, Lower(b.Left), Lower(b.Right)),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "unknown node"),
    };

    private Operand Conditional(ConditionalNode c)
    {
        int whenTrue = Block(Lower(c.WhenTrue)), whenFalse = Block(Lower(c.WhenFalse));
        if (c.Condition is BinaryNode b && FunctionTable.IsComparison(b.Operator))
        {
            // Compare the two sides directly, as ExpressionCompiler branches on them (no 1/0 value).
            return Reg(Emit(new BlockInstruction(BlockOpCode.SelectCompare, 0, Block(Lower(b.Left)), Block(Lower(b.Right)),
                whenTrue, whenFalse, Comparison: b.Operator)));
        }

        // Any other condition c selects where c != 0 (NaN counts as non-zero, as in C#).
        return Reg(Emit(new BlockInstruction(BlockOpCode.SelectCompare, 0, Block(Lower(c.Condition)), Fill(0.0),
            whenTrue, whenFalse, Comparison: BinaryOperator.NotEqual)));
    }

    private Operand Arithmetic(BinaryOperator op, Operand a, Operand b)
    {
        if (!a.IsConstant && !b.IsConstant)
        {
            return Reg(Emit(new BlockInstruction(BinaryCode(op), 0, a.Slot, b.Slot)));
        }

        // Exactly one side is constant (constant trees were folded before).
        var (code, slot, k) = (op, a.IsConstant) switch
        {
            (BinaryOperator.Add, _) => (BlockOpCode.AddConstant, a.IsConstant ? b.Slot : a.Slot, a.IsConstant ? a.Value : b.Value),
            (BinaryOperator.Multiply, _) => (BlockOpCode.MultiplyConstant, a.IsConstant ? b.Slot : a.Slot, a.IsConstant ? a.Value : b.Value),
            (BinaryOperator.Min, _) => (BlockOpCode.MinConstant, a.IsConstant ? b.Slot : a.Slot, a.IsConstant ? a.Value : b.Value),
            (BinaryOperator.Max, _) => (BlockOpCode.MaxConstant, a.IsConstant ? b.Slot : a.Slot, a.IsConstant ? a.Value : b.Value),
            (BinaryOperator.Subtract, true) => (BlockOpCode.SubtractFromConstant, b.Slot, a.Value),
            (BinaryOperator.Subtract, false) => (BlockOpCode.AddConstant, a.Slot, -b.Value),
            (BinaryOperator.Divide, true) => (BlockOpCode.DivideConstant, b.Slot, a.Value),
            (BinaryOperator.Divide, false) => (BlockOpCode.DivideByConstant, a.Slot, b.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an arithmetic operator"),
        };
        return Reg(Emit(new BlockInstruction(code, 0, slot, Constant: k)));
    }

    /// <summary><c>a ^ b</c> with the expansions of <see cref="FunctionTable.Power"/> for constant exponents.</summary>
    private Operand Power(Operand a, Operand b)
    {
        if (!b.IsConstant || a.IsConstant)
        {
            return Reg(Emit(new BlockInstruction(BlockOpCode.Power, 0, Block(a), Block(b))));
        }

        double e = b.Value;
        return e switch
        {
            1.0 => a,
            2.0 => Unary(BlockOpCode.Square, a),
            3.0 => Unary(BlockOpCode.Cube, a),
            4.0 => Unary(BlockOpCode.Fourth, a),
            -1.0 => Reg(Emit(new BlockInstruction(BlockOpCode.DivideConstant, 0, a.Slot, Constant: 1.0))),
            _ when double.IsInteger(e) && Math.Abs(e) <= MaxSquaringExponent =>
                Reg(Emit(new BlockInstruction(BlockOpCode.PowerInteger, 0, a.Slot, Constant: e))),
            _ => Reg(Emit(new BlockInstruction(BlockOpCode.Power, 0, a.Slot, Fill(e)))),
        };
    }

    private Operand Unary(BlockOpCode code, Operand a)
    {
        Debug.Assert(!a.IsConstant, "constant operands are folded before lowering");
        return Reg(Emit(new BlockInstruction(code, 0, a.Slot)));
    }

    /// <summary>The slot of <paramref name="value"/>, filling a register once per distinct constant.</summary>
    private int Block(Operand value) => value.IsConstant ? Fill(value.Value) : value.Slot;

    private int Fill(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        if (!_filled.TryGetValue(bits, out int slot))
        {
            slot = Emit(new BlockInstruction(BlockOpCode.Fill, 0, 0, Constant: value));
            _filled[bits] = slot;
        }

        return slot;
    }

    private int Emit(BlockInstruction instruction)
    {
        _tape.Add(instruction with { Destination = _tape.Count });
        return _tape.Count - 1;
    }

    private static Operand Reg(int slot) => new(slot, 0, false);

    private static BlockOpCode BinaryCode(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => BlockOpCode.Add,
        BinaryOperator.Subtract => BlockOpCode.Subtract,
        BinaryOperator.Multiply => BlockOpCode.Multiply,
        BinaryOperator.Divide => BlockOpCode.Divide,
        BinaryOperator.Min => BlockOpCode.Min,
        BinaryOperator.Max => BlockOpCode.Max,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an arithmetic operator"),
    };

    private static BlockOpCode FunctionCode(MathFunction f) => f switch
    {
        MathFunction.Exp => BlockOpCode.Exp,
        MathFunction.Log => BlockOpCode.Log,
        MathFunction.Sqrt => BlockOpCode.Sqrt,
        MathFunction.Abs => BlockOpCode.Abs,
        MathFunction.Tanh => BlockOpCode.Tanh,
        MathFunction.Cosh => BlockOpCode.Cosh,
        MathFunction.Sinh => BlockOpCode.Sinh,
        MathFunction.Sin => BlockOpCode.Sin,
        MathFunction.Cos => BlockOpCode.Cos,
        MathFunction.Sign => BlockOpCode.Sign,
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, "unknown function"),
    };

    /// <summary>A lowered value: a constant, or a slot (register or variable).</summary>
    private readonly record struct Operand(int Slot, double Value, bool IsConstant)
    {
        public static Operand Of(double value) => new(0, value, true);
    }
}
