namespace FokkerPlanck.Core.Langevin.Propagation;

/// <summary>
/// Leimkuhler–Matthews across calls: which coordinates end a plan with their carried noise ξₙ₊₁
/// negated by a wall (<see cref="ReflectingWalls"/>), one bit each, so that the next call, which
/// regenerates ξₙ₊₁ from its counter, continues exactly as one call over both plans would. Held by the
/// <see cref="ParticleState"/> itself (<see cref="ParticleState.Carry"/>) and valid only for the same seed
/// and the step the state has reached.
/// </summary>
/// <remarks>
/// A different state object at the same step (a copy) starts with no bits set: its particles that
/// were mirrored in the very last step push once more against the wall, which is the scheme's error
/// without the correction, for one step.
/// </remarks>
internal sealed class ReflectionCarry
{
    /// <summary>Bit of a negated x noise.</summary>
    public const byte XBit = 1;

    /// <summary>Bit of a negated y noise.</summary>
    public const byte YBit = 2;

    private readonly ulong _seed;
    private readonly byte[] _bits;
    private long _step;

    private ReflectionCarry(ulong seed, long step, byte[] bits) => (_seed, _step, _bits) = (seed, step, bits);

    /// <summary>
    /// The bits a call starting at <paramref name="firstStep"/> continues from: the previous call's when it
    /// ended there with the same seed, else none. Detached from the state until <see cref="Commit"/>, so a
    /// call that fails leaves no half-written bits behind.
    /// </summary>
    public static ReflectionCarry Take(ParticleState state, ulong seed, long firstStep)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Carry is { } c && c._seed == seed && c._step == firstStep && c._bits.Length == state.Count)
        {
            state.Carry = null;
            return c;
        }
        return new ReflectionCarry(seed, firstStep, new byte[state.Count]);
    }

    /// <summary>Negates the regenerated noise of the coordinates whose bits are set (particles <c>first …</c>).</summary>
    public void Apply(int first, Span<double> xi, Span<double> eta)
    {
        for (int i = 0; i < xi.Length; i++)
        {
            byte b = _bits[first + i];
            if ((b & XBit) != 0) xi[i] = -xi[i];
            if ((b & YBit) != 0) eta[i] = -eta[i];
        }
    }

    /// <summary>Records which carried values differ from the regenerated ones (particles <c>first …</c>).</summary>
    public void Record(int first, ReadOnlySpan<double> carriedXi, ReadOnlySpan<double> carriedEta, ReadOnlySpan<double> freshXi, ReadOnlySpan<double> freshEta)
    {
        for (int i = 0; i < carriedXi.Length; i++)
            _bits[first + i] = (byte)((carriedXi[i] != freshXi[i] ? XBit : 0) | (carriedEta[i] != freshEta[i] ? YBit : 0));
    }

    /// <summary>Attaches the recorded bits to <paramref name="state"/>, valid from step <paramref name="nextStep"/>.</summary>
    public void Commit(ParticleState state, long nextStep)
    {
        ArgumentNullException.ThrowIfNull(state);
        _step = nextStep;
        state.Carry = this;
    }

    /// <summary>The carry a state holds for <paramref name="seed"/> at its current step, as one byte per particle (null when none).</summary>
    public static byte[]? Export(ParticleState state, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Carry is { } c && c._seed == seed && c._step == state.NextStep ? [.. c._bits] : null;
    }

    /// <summary>Gives <paramref name="state"/> the carry <paramref name="bits"/> (from <see cref="Export"/>) at its current step.</summary>
    public static void Import(ParticleState state, ulong seed, byte[] bits)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(bits);
        if (bits.Length != state.Count) throw new ArgumentException($"{bits.Length} carry bits for {state.Count} particles.", nameof(bits));
        state.Carry = new ReflectionCarry(seed, state.NextStep, [.. bits]);
    }
}
