namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// Maps the virtual registers of a tape (one per step) to few physical ones by liveness: a register
/// is reused once the last step reading its value has run. Reuse is last-freed-first, so the block
/// just written (still in L1) is the next one overwritten.
/// </summary>
internal static class BlockRegisterAllocator
{
    /// <summary>Never read after the step that defines it (and not an output).</summary>
    private const int Dead = -1;

    /// <summary>Allocates; <paramref name="outputs"/> (virtual) are rewritten to physical registers and stay live to the end.</summary>
    /// <returns>The tape on physical registers and the number of registers.</returns>
    public static (BlockInstruction[] Code, int RegisterCount) Allocate(IReadOnlyList<BlockInstruction> tape, int[] outputs)
    {
        var lastUse = new int[tape.Count];
        Array.Fill(lastUse, Dead);
        for (int i = 0; i < tape.Count; i++)
        {
            foreach (int slot in tape[i].Reads().Where(s => s >= 0)) lastUse[slot] = i;
        }

        foreach (int o in outputs) lastUse[o] = int.MaxValue;

        var physical = new int[tape.Count];
        var free = new Stack<int>();
        var code = new BlockInstruction[tape.Count];
        int count = 0;
        for (int i = 0; i < tape.Count; i++)
        {
            var step = tape[i];
            int count0 = BlockInstruction.OperandCount(step.Op);
            int Map(int slot, int position) => position < count0 && slot >= 0 ? physical[slot] : slot;
            // The destination is taken before the operands are freed, so a step never writes a block it reads.
            physical[i] = free.Count > 0 ? free.Pop() : count++;
            code[i] = step with { Destination = physical[i], A = Map(step.A, 0), B = Map(step.B, 1), C = Map(step.C, 2), D = Map(step.D, 3) };
            foreach (int slot in step.Reads().Where(s => s >= 0 && lastUse[s] == i).Distinct()) free.Push(physical[slot]);
            if (lastUse[i] == Dead) free.Push(physical[i]);
        }

        for (int k = 0; k < outputs.Length; k++) outputs[k] = physical[outputs[k]];
        return (code, count);
    }
}
