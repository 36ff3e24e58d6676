using System.Linq.Expressions;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// Turns a tape (<see cref="BlockTapeBuilder"/>) into one fused SIMD loop, compiled with
/// System.Linq.Expressions: per vector of points it loads the variables, computes every step into
/// a vector local (the JIT keeps them in registers) and stores the outputs. One pass over memory
/// per block, whatever the number of steps.
/// </summary>
/// <remarks>
/// The generated loop is, for width W (8 doubles with AVX-512):
/// <code>
/// for (int i = 0; i + W &lt;= length; i += W)
/// {
///     var v0 = VectorW.LoadUnsafe(ref first, (nuint)i); var v1 = …;
///     var r0 = VectorW.Exp(v1); var r1 = r0 * VectorW.Create(0.5); …   // the tape, in order
///     VectorW.StoreUnsafe(rK, ref output0, (nuint)i); …
/// }
/// </code>
/// Dynamic methods are compiled fully optimized at once (no tiering), and the JIT treats the
/// VectorW calls as intrinsics. Each step is the same IEEE operation, in the same order, as the
/// scalar compiled formula; the JIT does not contract a·b + c into a fused multiply–add.
/// </remarks>
internal static class BlockKernelCompiler
{
    /// <summary>Compiles <paramref name="tape"/> (instruction i defines register i) storing the registers <paramref name="outputs"/>.</summary>
    public static BlockKernel Compile(IReadOnlyList<BlockInstruction> tape, IReadOnlyList<int> outputs, int variableCount, VectorApi api)
    {
        var refDouble = typeof(double).MakeByRefType();
        ParameterExpression[] inputs = [Expression.Parameter(refDouble, "first"), Expression.Parameter(refDouble, "second")];
        var outs = Enumerable.Range(0, BlockProgram.MaxOutputs).Select(k => Expression.Parameter(refDouble, $"output{k}")).ToArray();
        var length = Expression.Parameter(typeof(int), "length");
        var i = Expression.Variable(typeof(int), "i");
        var offset = Expression.Variable(typeof(nuint), "offset");
        var variables = Enumerable.Range(0, variableCount).Select(v => Expression.Variable(api.VectorType, $"v{v}")).ToArray();
        var registers = tape.Select((_, k) => Expression.Variable(api.VectorType, $"r{k}")).ToArray();
        var emitter = new BlockFunctionEmitter(api);

        var body = new List<Expression> { Expression.Assign(offset, Expression.Convert(Expression.Convert(i, typeof(uint)), typeof(nuint))) };
        ParameterExpression Slot(int slot) => slot < 0 ? variables[-1 - slot] : registers[slot];
        var loaded = new bool[variableCount];
        for (int k = 0; k < tape.Count; k++)
        {
            // Each variable is loaded just before its first use, so it is not live across an earlier
            // exp or log call (those are calls, and every vector register live across one is spilled).
            foreach (int v in tape[k].Reads().Where(slot => slot < 0).Select(slot => -1 - slot).Where(v => !loaded[v]))
            {
                loaded[v] = true;
                body.Add(Expression.Assign(variables[v], api.Load(inputs[v], offset)));
            }

            body.Add(Expression.Assign(registers[k], Step(tape[k], Slot, api, emitter)));
        }
        body.AddRange(outputs.Select((register, k) => api.Store(registers[register], outs[k], offset)));
        body.Add(Expression.AddAssign(i, Expression.Constant(api.Count)));

        var done = Expression.Label("done");
        var loop = Expression.Block([i, offset, .. variables, .. registers],
            Expression.Assign(i, Expression.Constant(0)),
            Expression.Loop(
                Expression.IfThenElse(
                    Expression.LessThanOrEqual(Expression.Add(i, Expression.Constant(api.Count)), length),
                    Expression.Block(body),
                    Expression.Break(done)),
                done));
        return Expression.Lambda<BlockKernel>(loop, "BlockKernel", [.. inputs, .. outs, length]).Compile();
    }

    private static Expression Step(BlockInstruction s, Func<int, ParameterExpression> slot, VectorApi api, BlockFunctionEmitter emit)
    {
        var k = api.Constant(s.Constant);
        Expression A() => slot(s.A);
        Expression B() => slot(s.B);
        return s.Op switch
        {
            BlockOpCode.Fill => k,
            BlockOpCode.Copy => A(),
            BlockOpCode.Negate => Expression.Negate(A()),
            BlockOpCode.Add => Expression.Add(A(), B()),
            BlockOpCode.Subtract => Expression.Subtract(A(), B()),
            BlockOpCode.Multiply => Expression.Multiply(A(), B()),
            BlockOpCode.Divide => Expression.Divide(A(), B()),
            BlockOpCode.AddConstant => Expression.Add(A(), k),
            BlockOpCode.SubtractFromConstant => Expression.Subtract(k, A()),
            BlockOpCode.MultiplyConstant => Expression.Multiply(A(), k),
            BlockOpCode.DivideByConstant => Expression.Divide(A(), k),
            BlockOpCode.DivideConstant => Expression.Divide(k, A()),
            BlockOpCode.Min => api.Call("Min", A(), B()),
            BlockOpCode.Max => api.Call("Max", A(), B()),
            BlockOpCode.MinConstant => api.Call("Min", A(), k),
            BlockOpCode.MaxConstant => api.Call("Max", A(), k),
            BlockOpCode.Square => Expression.Multiply(A(), A()),
            BlockOpCode.Cube => Expression.Multiply(Expression.Multiply(A(), A()), A()),
            BlockOpCode.Fourth => Expression.Multiply(Expression.Multiply(A(), A()), Expression.Multiply(A(), A())),
            BlockOpCode.PowerInteger => emit.PowerInteger(slot(s.A), (int)s.Constant),
            BlockOpCode.Power => emit.PowerLanes(slot(s.A), slot(s.B)),
            BlockOpCode.Exp or BlockOpCode.Log or BlockOpCode.Sqrt or BlockOpCode.Abs or BlockOpCode.Sin or BlockOpCode.Cos
                => api.Call(s.Op.ToString(), A()),
            BlockOpCode.Tanh => emit.Tanh(slot(s.A)),
            BlockOpCode.Sinh => emit.Sinh(slot(s.A)),
            BlockOpCode.Cosh => emit.Cosh(slot(s.A)),
            BlockOpCode.Sign => emit.Sign(slot(s.A)),
            BlockOpCode.Compare => emit.Select(s.Comparison, A(), B(), api.Constant(1.0), api.Constant(0.0)),
            BlockOpCode.SelectCompare => emit.Select(s.Comparison, A(), B(), slot(s.C), slot(s.D)),
            _ => throw new ArgumentOutOfRangeException(nameof(s), s.Op, "unknown block operation"),
        };
    }
}
