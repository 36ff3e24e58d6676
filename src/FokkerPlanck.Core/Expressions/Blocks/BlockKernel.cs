namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// A compiled <see cref="BlockProgram"/>: evaluates the formulas at points
/// <c>0 … length − 1</c> (a multiple of the vector width) of the variables and stores up to
/// <see cref="BlockProgram.MaxOutputs"/> outputs. Unused variable and output references are never
/// touched. (Expression trees take no spans, so the blocks are passed as references.)
/// </summary>
internal delegate void BlockKernel(
    ref double first, ref double second, ref double output0, ref double output1, ref double output2, ref double output3, int length);
