using FokkerPlanck.Core.Expressions;
using FokkerPlanck.Core.Expressions.Blocks;

namespace FokkerPlanck.Core.Langevin.Drift;

/// <summary>
/// The vectorized gradient of a potential: <c>U(y)</c> (one-dimensional, <c>gx = 0</c>) or
/// <c>U(x, y)</c> (one program for <c>∂U/∂x</c> and <c>∂U/∂y</c>, sharing subexpressions).
/// </summary>
internal sealed class PotentialBlockGradient : IBlockGradient
{
    private readonly BlockProgram _gradient;
    private readonly BlockProgram _loss;

    /// <summary>Compiles the derivatives and the potential; the formula's variables are <c>[y]</c> or <c>[x, y]</c>.</summary>
    public PotentialBlockGradient(Formula potential)
    {
        IsOneDimensional = potential.Variables.Count == 1;
        _gradient = IsOneDimensional
            ? BlockProgram.Compile(potential.Differentiate("y"))
            : BlockProgram.Compile(potential.Differentiate("x"), potential.Differentiate("y"));
        _loss = BlockProgram.Compile(potential);
    }

    /// <inheritdoc/>
    public bool IsOneDimensional { get; }

    /// <inheritdoc/>
    public IGradientEvaluator CreateEvaluator() => new Evaluator(this);

    /// <summary>One thread's registers for both programs.</summary>
    private sealed class Evaluator(PotentialBlockGradient owner) : IGradientEvaluator
    {
        private readonly BlockRegisters _gradient = owner._gradient.CreateRegisters(BlockGradient.MaxBlock);
        private readonly BlockRegisters _loss = owner._loss.CreateRegisters(BlockGradient.MaxBlock);

        public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy)
        {
            bool oneD = owner.IsOneDimensional;
            int n = BlockGradient.CheckBlock(oneD, x, y, gx.Length, gy.Length);
            var p = owner._gradient;
            if (oneD)
            {
                p.Run(_gradient, y);
                gx[..n].Clear();
                p.Output(_gradient, 0).CopyTo(gy);
                return;
            }

            p.Run(_gradient, x[..n], y);
            p.Output(_gradient, 0).CopyTo(gx);
            p.Output(_gradient, 1).CopyTo(gy);
        }

        public void Loss(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> loss)
        {
            bool oneD = owner.IsOneDimensional;
            BlockGradient.CheckBlock(oneD, x, y, loss.Length, loss.Length);
            if (oneD)
            {
                owner._loss.Run(_loss, y);
            }
            else
            {
                owner._loss.Run(_loss, x[..y.Length], y);
            }

            owner._loss.Output(_loss, 0).CopyTo(loss);
        }
    }
}
