using System.Globalization;
using System.Text;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// Formulas compiled once into a straight-line program that evaluates them on a block of points
/// at a time with SIMD (a register tape: every step is one vectorized pass over block-long arrays).
/// Several formulas over the same variables share one tape, so a common subexpression such as
/// <c>tanh(y)</c> in a(y) and a′(y) is evaluated once.
/// </summary>
/// <remarks>
/// <para>Compilation (<see cref="BlockTapeBuilder"/>): constant subtrees are folded with the
/// interpreter, equal subtrees are shared, constants stay immediates where the step has such a
/// form, and integer powers are expanded exactly as <see cref="FunctionTable.Power"/> does
/// (2, 3, 4 as products, −1 as 1/u; other integers up to 64 by repeated squaring). Then registers
/// are assigned by liveness, so a block's working set is a few registers (2 KB each for 256 points)
/// and stays in the L1 cache.</para>
/// <para>Steps: arithmetic, min, max, exp, log, sqrt, abs, sin, cos, cosh are
/// System.Numerics.Tensors' <c>TensorPrimitives</c>; tanh, sinh, sign, powers, comparisons and
/// <c>if</c> are <see cref="BlockFunctions"/> and <see cref="BlockSelect"/>. <c>if</c> evaluates both
/// branches and selects by the comparison mask, so NaN in the branch not taken does not leak.</para>
/// <para>Agreement with the scalar compiled formula (<see cref="Formula.Compile"/>): arithmetic,
/// comparisons, <c>if</c>, min, max, abs, sqrt, sign, powers with exponent 2, 3, 4, −1 and
/// non-integer or variable exponents are bit for bit equal, since the tape keeps the scalar order
/// of operations. exp, log, sin, cos differ by ≤ 3 ulp, tanh and sinh by a few ulp, cosh by up to
/// ~500 ulp near overflow (|u| &gt; 500), other integer powers by a few ulp; see the tests.</para>
/// <para>The program is immutable and thread safe; each thread runs it with its own
/// <see cref="BlockRegisters"/>.</para>
/// </remarks>
public sealed class BlockProgram
{
    private readonly BlockInstruction[] _code;
    private readonly int[] _outputs;

    private BlockProgram(BlockInstruction[] code, int[] outputs, int registerCount, int variableCount)
    {
        _code = code;
        _outputs = outputs;
        RegisterCount = registerCount;
        VariableCount = variableCount;
    }

    /// <summary>The number of variables (1 or 2): the spans passed to <see cref="Run"/>.</summary>
    public int VariableCount { get; }

    /// <summary>The number of formulas compiled, i.e. of outputs.</summary>
    public int OutputCount => _outputs.Length;

    /// <summary>The number of block registers a run needs.</summary>
    public int RegisterCount { get; }

    /// <summary>The number of steps (vectorized passes) per run.</summary>
    public int StepCount => _code.Length;

    /// <summary>Compiles formulas that all have the same variables (one or two) into one program.</summary>
    /// <param name="formulas">The formulas; output k is formula k.</param>
    /// <returns>The program.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="formulas"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">No formulas, their variables differ, or there are more than two variables.</exception>
    public static BlockProgram Compile(params IReadOnlyList<Formula> formulas)
    {
        ArgumentNullException.ThrowIfNull(formulas);
        if (formulas.Count == 0)
        {
            throw new ArgumentException("at least one formula is needed", nameof(formulas));
        }

        foreach (var f in formulas)
        {
            ArgumentNullException.ThrowIfNull(f, nameof(formulas));
        }

        var variables = formulas[0].Variables;
        if (variables.Count is < 1 or > 2 || formulas.Any(f => !f.Variables.SequenceEqual(variables)))
        {
            throw new ArgumentException(
                $"the formulas must share one list of one or two variables; got {string.Join("; ", formulas.Select(f => string.Join(", ", f.Variables)))}",
                nameof(formulas));
        }

        var builder = new BlockTapeBuilder();
        int[] outputs = formulas.Select(f => builder.AddOutput(f.Root)).ToArray();
        var (code, registers) = BlockRegisterAllocator.Allocate(builder.Tape, outputs);
        return new BlockProgram(code, outputs, registers, variables.Count);
    }

    /// <summary>Allocates the registers for one thread.</summary>
    /// <param name="capacity">The largest block (number of points) the thread will pass to <see cref="Run"/>.</param>
    /// <returns>Fresh registers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public BlockRegisters CreateRegisters(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return new BlockRegisters(this, RegisterCount, capacity);
    }

    /// <summary>
    /// Evaluates every formula at the points <c>(first[i], second[i])</c>; read the results with
    /// <see cref="Output"/>. Allocates nothing.
    /// </summary>
    /// <param name="registers">This program's registers (from <see cref="CreateRegisters"/>).</param>
    /// <param name="first">Values of the first variable; at most <see cref="BlockRegisters.Capacity"/> points.</param>
    /// <param name="second">Values of the second variable (same length), or empty for one-variable programs.</param>
    /// <exception cref="ArgumentException">Registers of another program, a block longer than their capacity, or lengths that differ.</exception>
    public void Run(BlockRegisters registers, ReadOnlySpan<double> first, ReadOnlySpan<double> second = default)
    {
        CheckRun(registers, first, second);
        var frame = new BlockFrame(first, second, registers.Storage, registers.Stride, first.Length);
        foreach (ref readonly var step in _code.AsSpan())
        {
            BlockExecutor.Execute(step, frame);
        }

        registers.Length = first.Length;
    }

    /// <summary>The values of formula <paramref name="index"/> from the last <see cref="Run"/> with <paramref name="registers"/>.</summary>
    /// <param name="registers">The registers passed to <see cref="Run"/>.</param>
    /// <param name="index">The formula's position in <see cref="Compile"/>.</param>
    /// <returns><see cref="BlockRegisters.Length"/> values, valid until the next run.</returns>
    /// <exception cref="ArgumentException">Registers of another program.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an output.</exception>
    public ReadOnlySpan<double> Output(BlockRegisters registers, int index)
    {
        ArgumentNullException.ThrowIfNull(registers);
        CheckOwner(registers);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _outputs.Length);
        return registers.Storage.Slice(_outputs[index] * registers.Stride, registers.Length);
    }

    /// <summary>The tape, one step per line (for reports and debugging), e.g. <c>r1 = Tanh(v0)</c>.</summary>
    /// <returns>The listing.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var s in _code)
        {
            var reads = s.Reads().Select(slot => slot < 0 ? $"v{-1 - slot}" : $"r{slot}");
            string k = s.Op is BlockOpCode.Compare or BlockOpCode.SelectCompare ? $" {FunctionTable.Symbol(s.Comparison)}"
                : BlockInstruction.UsesConstant(s.Op) ? $" k={s.Constant.ToString("R", CultureInfo.InvariantCulture)}" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"r{s.Destination} = {s.Op}({string.Join(", ", reads)}){k}");
        }

        text.Append("outputs: ").AppendJoin(", ", _outputs.Select(o => $"r{o}"));
        return text.ToString();
    }

    private void CheckRun(BlockRegisters registers, ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        int length = first.Length, secondLength = second.Length;
        ArgumentNullException.ThrowIfNull(registers);
        CheckOwner(registers);
        if (length > registers.Capacity)
        {
            throw new ArgumentException($"a block has at most {registers.Capacity} points (the registers' capacity), got {length}", nameof(first));
        }

        if (VariableCount == 2 ? secondLength != length : secondLength != 0)
        {
            throw new ArgumentException(
                $"this program has {VariableCount} variable(s): expected {(VariableCount == 2 ? length : 0)} values of the second, got {secondLength}", nameof(second));
        }
    }

    private void CheckOwner(BlockRegisters registers)
    {
        if (!ReferenceEquals(registers.Owner, this))
        {
            throw new ArgumentException("the registers belong to another program; create them with CreateRegisters", nameof(registers));
        }
    }
}
