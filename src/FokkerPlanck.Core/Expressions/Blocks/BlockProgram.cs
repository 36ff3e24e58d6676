using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// Formulas compiled once into one fused SIMD loop that evaluates them on a block of points: per
/// vector of points (8 with AVX-512) it loads the variables, computes every formula in registers and
/// stores the results. Several formulas over the same variables share the loop and their common
/// subexpressions, so <c>tanh(y)</c> in a(y) and a′(y) is computed once.
/// </summary>
/// <remarks>
/// <para>Compilation: <see cref="BlockConstantFolder"/> folds constant parts with the scalar
/// semantics; <see cref="BlockTapeBuilder"/> lowers the trees to a straight-line tape, sharing equal
/// subtrees and expanding integer powers as <see cref="FunctionTable.Power"/> does (2, 3, 4 as
/// products, −1 as 1/u; other integers up to 64 by repeated squaring); <see cref="BlockKernelCompiler"/>
/// compiles the tape with System.Linq.Expressions into a loop over the widest accelerated
/// Vector512/256/128 (<see cref="VectorWidth"/>). Points left over after the last full vector are
/// copied into a padded vector on the stack, so any block length works.</para>
/// <para>Every construct is vectorized: <c>if</c> and comparisons evaluate both branches and select
/// by the comparison mask (so NaN in the branch not taken does not leak); tanh, sinh, cosh are built
/// from the vector exp with a Taylor series near 0 (<see cref="BlockFunctionEmitter"/>). Only
/// general powers <c>u^v</c> (non-integer or non-constant exponent) call <see cref="Math.Pow"/> lane by lane.</para>
/// <para>Agreement with the scalar compiled formula (<see cref="Formula.Compile"/>): arithmetic,
/// comparisons, <c>if</c>, min, max, abs, sqrt, sign, powers with exponent 2, 3, 4, −1 and general
/// powers give the same doubles, since each step is the same IEEE operation in the same order.
/// exp, log, sin, cos, tanh, sinh, cosh differ by at most about 4 ulp (relative 1e-15, also near
/// overflow), other integer powers by about |n|/2 ulp (6e-15 for n = 64); the tests state the
/// measured values.</para>
/// <para>The program is immutable, allocates nothing per call and is thread safe.</para>
/// </remarks>
public sealed class BlockProgram
{
    /// <summary>The most formulas one program evaluates (the compiled loop takes its outputs as fixed parameters).</summary>
    public const int MaxOutputs = 4;

    private readonly BlockKernel _kernel;
    private readonly BlockInstruction[] _tape;
    private readonly int[] _outputs;

    private BlockProgram(BlockKernel kernel, BlockInstruction[] tape, int[] outputs, int variableCount, int width)
    {
        _kernel = kernel;
        _tape = tape;
        _outputs = outputs;
        VariableCount = variableCount;
        VectorWidth = width;
    }

    /// <summary>The number of variables (1 or 2): the spans passed to <see cref="Evaluate"/>.</summary>
    public int VariableCount { get; }

    /// <summary>The number of formulas compiled, i.e. of outputs.</summary>
    public int OutputCount => _outputs.Length;

    /// <summary>The number of vector operations per point (steps of the tape, before the JIT's own optimizations).</summary>
    public int StepCount => _tape.Length;

    /// <summary>Doubles per vector of the compiled loop: 8 (AVX-512), 4 (AVX2) or 2.</summary>
    public int VectorWidth { get; }

    /// <summary>Compiles formulas that all have the same one or two variables into one program.</summary>
    /// <param name="formulas">The formulas, at most <see cref="MaxOutputs"/>; output k is formula k.</param>
    /// <returns>The program.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="formulas"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">No formulas or more than <see cref="MaxOutputs"/>, their variables differ, or there are more than two variables.</exception>
    public static BlockProgram Compile(params IReadOnlyList<Formula> formulas)
    {
        ArgumentNullException.ThrowIfNull(formulas);
        foreach (var f in formulas)
        {
            ArgumentNullException.ThrowIfNull(f, nameof(formulas));
        }

        var variables = formulas.Count > 0 ? formulas[0].Variables : [];
        if (formulas.Any(f => !f.Variables.SequenceEqual(variables)))
        {
            throw new ArgumentException(
                $"the formulas must share one list of variables; got {string.Join("; ", formulas.Select(f => string.Join(", ", f.Variables)))}",
                nameof(formulas));
        }

        return Compile(formulas.Select(f => f.Root).ToArray(), variables.Count);
    }

    /// <summary>Compiles trees whose <see cref="VariableNode.Index"/> values are below <paramref name="variableCount"/>.</summary>
    internal static BlockProgram Compile(IReadOnlyList<Node> roots, int variableCount)
    {
        if (roots.Count is < 1 or > MaxOutputs || variableCount is < 1 or > 2)
        {
            throw new ArgumentException(
                $"a block program has 1 to {MaxOutputs} formulas over one or two variables; got {roots.Count} over {variableCount}", nameof(roots));
        }

        var builder = new BlockTapeBuilder();
        int[] outputs = roots.Select(builder.AddOutput).ToArray();
        var tape = builder.Tape.ToArray();
        var api = VectorApi.Widest;
        return new BlockProgram(BlockKernelCompiler.Compile(tape, outputs, variableCount, api), tape, outputs, variableCount, api.Count);
    }

    /// <summary>
    /// Evaluates every formula at the points <c>(first[i], second[i])</c>. Allocates nothing. An
    /// output may be the very span of an input (in place) but must not overlap one otherwise.
    /// </summary>
    /// <param name="first">Values of the first variable: the points; any number.</param>
    /// <param name="second">Values of the second variable (same length), or empty for one-variable programs.</param>
    /// <param name="output0">Receives formula 0; same length as <paramref name="first"/>.</param>
    /// <param name="output1">Receives formula 1 (if any); otherwise empty.</param>
    /// <param name="output2">Receives formula 2 (if any); otherwise empty.</param>
    /// <param name="output3">Receives formula 3 (if any); otherwise empty.</param>
    /// <exception cref="ArgumentException">A length differs, or an output is given for a formula that does not exist.</exception>
    public void Evaluate(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> output0,
        Span<double> output1 = default, Span<double> output2 = default, Span<double> output3 = default)
    {
        int n = first.Length;
        CheckLength(second.Length, VariableCount == 2 ? n : 0, nameof(second));
        CheckLength(output0.Length, n, nameof(output0));
        CheckLength(output1.Length, OutputCount > 1 ? n : 0, nameof(output1));
        CheckLength(output2.Length, OutputCount > 2 ? n : 0, nameof(output2));
        CheckLength(output3.Length, OutputCount > 3 ? n : 0, nameof(output3));
        int main = n - n % VectorWidth;
        if (main > 0)
        {
            ref double f = ref MemoryMarshal.GetReference(first);
            ref double o0 = ref MemoryMarshal.GetReference(output0);
            _kernel(ref f, ref VariableCount == 2 ? ref MemoryMarshal.GetReference(second) : ref f,
                ref o0, ref OutputCount > 1 ? ref MemoryMarshal.GetReference(output1) : ref o0,
                ref OutputCount > 2 ? ref MemoryMarshal.GetReference(output2) : ref o0,
                ref OutputCount > 3 ? ref MemoryMarshal.GetReference(output3) : ref o0, main);
        }

        if (main < n)
        {
            EvaluateTail(first[main..], VariableCount == 2 ? second[main..] : default,
                output0[main..], output1.IsEmpty ? default : output1[main..],
                output2.IsEmpty ? default : output2[main..], output3.IsEmpty ? default : output3[main..]);
        }
    }

    /// <summary>The tape, one step per line (for reports and debugging), e.g. <c>r1 = Tanh(v0)</c>.</summary>
    /// <returns>The listing.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var s in _tape)
        {
            var reads = s.Reads().Select(slot => slot < 0 ? $"v{-1 - slot}" : $"r{slot}");
            string k = s.Op is BlockOpCode.Compare or BlockOpCode.SelectCompare ? $" {FunctionTable.Symbol(s.Comparison)}"
                : BlockInstruction.UsesConstant(s.Op) ? $" k={s.Constant.ToString("R", CultureInfo.InvariantCulture)}" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"r{s.Destination} = {s.Op}({string.Join(", ", reads)}){k}");
        }

        text.Append("outputs: ").AppendJoin(", ", _outputs.Select(o => $"r{o}"));
        return text.ToString();
    }

    /// <summary>The last points (fewer than a vector): padded with their first value, run as one vector on the stack.</summary>
    private void EvaluateTail(ReadOnlySpan<double> first, ReadOnlySpan<double> second,
        Span<double> output0, Span<double> output1, Span<double> output2, Span<double> output3)
    {
        int w = VectorWidth, n = first.Length;
        Span<double> scratch = stackalloc double[w * (2 + MaxOutputs)];
        var a = scratch[..w];
        var b = scratch.Slice(w, w);
        a.Fill(first[0]);
        first.CopyTo(a);
        b.Fill(second.IsEmpty ? 0.0 : second[0]);
        second.CopyTo(b);
        _kernel(ref a[0], ref b[0], ref scratch[2 * w], ref scratch[3 * w], ref scratch[4 * w], ref scratch[5 * w], w);
        scratch.Slice(2 * w, n).CopyTo(output0);
        if (OutputCount > 1) scratch.Slice(3 * w, n).CopyTo(output1);
        if (OutputCount > 2) scratch.Slice(4 * w, n).CopyTo(output2);
        if (OutputCount > 3) scratch.Slice(5 * w, n).CopyTo(output3);
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} must have {expected} values (the points of the block, or none when unused), got {actual}", name);
        }
    }
}
