using System.Numerics.Tensors;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>Executes one step of a <see cref="BlockProgram"/> tape on a <see cref="BlockFrame"/>.</summary>
internal static class BlockExecutor
{
    /// <summary>Runs <paramref name="step"/>: one vectorized pass (two for cubes, fourth powers, tanh, sinh).</summary>
    public static void Execute(in BlockInstruction step, in BlockFrame frame)
    {
        var d = frame.Write(step.Destination);
        var a = frame.Read(step.A);
        double k = step.Constant;
        switch (step.Op)
        {
            case BlockOpCode.Fill: d.Fill(k); break;
            case BlockOpCode.Copy: a.CopyTo(d); break;
            case BlockOpCode.Negate: TensorPrimitives.Negate(a, d); break;
            case BlockOpCode.Add: TensorPrimitives.Add(a, frame.Read(step.B), d); break;
            case BlockOpCode.Subtract: TensorPrimitives.Subtract(a, frame.Read(step.B), d); break;
            case BlockOpCode.Multiply: TensorPrimitives.Multiply(a, frame.Read(step.B), d); break;
            case BlockOpCode.Divide: TensorPrimitives.Divide(a, frame.Read(step.B), d); break;
            case BlockOpCode.AddConstant: TensorPrimitives.Add(a, k, d); break;
            case BlockOpCode.SubtractFromConstant: TensorPrimitives.Subtract(k, a, d); break;
            case BlockOpCode.MultiplyConstant: TensorPrimitives.Multiply(a, k, d); break;
            case BlockOpCode.DivideByConstant: TensorPrimitives.Divide(a, k, d); break;
            case BlockOpCode.DivideConstant: TensorPrimitives.Divide(k, a, d); break;
            case BlockOpCode.Min: TensorPrimitives.Min(a, frame.Read(step.B), d); break;
            case BlockOpCode.Max: TensorPrimitives.Max(a, frame.Read(step.B), d); break;
            case BlockOpCode.MinConstant: TensorPrimitives.Min(a, k, d); break;
            case BlockOpCode.MaxConstant: TensorPrimitives.Max(a, k, d); break;
            case BlockOpCode.Compare: BlockSelect.Compare(step.Comparison, a, frame.Read(step.B), d); break;
            case BlockOpCode.SelectCompare:
                BlockSelect.Select(step.Comparison, a, frame.Read(step.B), frame.Read(step.C), frame.Read(step.D), d);
                break;
            default: ExecuteFunction(step, a, frame.Read(step.B), d); break;
        }
    }

    private static void ExecuteFunction(in BlockInstruction step, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d)
    {
        switch (step.Op)
        {
            case BlockOpCode.Square: TensorPrimitives.Multiply(a, a, d); break;
            case BlockOpCode.Cube: TensorPrimitives.Multiply(a, a, d); TensorPrimitives.Multiply(d, a, d); break;
            case BlockOpCode.Fourth: TensorPrimitives.Multiply(a, a, d); TensorPrimitives.Multiply(d, d, d); break;
            case BlockOpCode.PowerInteger: BlockFunctions.PowerInteger(a, (int)step.Constant, d); break;
            case BlockOpCode.Power: BlockFunctions.Power(a, b, d); break;
            case BlockOpCode.Exp: TensorPrimitives.Exp(a, d); break;
            case BlockOpCode.Log: TensorPrimitives.Log(a, d); break;
            case BlockOpCode.Sqrt: TensorPrimitives.Sqrt(a, d); break;
            case BlockOpCode.Abs: TensorPrimitives.Abs(a, d); break;
            case BlockOpCode.Tanh: BlockFunctions.Tanh(a, d); break;
            case BlockOpCode.Cosh: TensorPrimitives.Cosh(a, d); break;
            case BlockOpCode.Sinh: BlockFunctions.Sinh(a, d); break;
            case BlockOpCode.Sin: TensorPrimitives.Sin(a, d); break;
            case BlockOpCode.Cos: TensorPrimitives.Cos(a, d); break;
            case BlockOpCode.Sign: BlockFunctions.Sign(a, d); break;
            default: throw new ArgumentOutOfRangeException(nameof(step), step.Op, "unknown block operation");
        }
    }
}
