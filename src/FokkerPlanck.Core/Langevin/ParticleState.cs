namespace FokkerPlanck.Core.Langevin;

/// <summary>
/// An ensemble's positions, structure of arrays: particle <c>i</c> is <c>(X[i], Y[i])</c> and is the
/// <c>i</c>-th stream of the counter-based noise, so its path depends on the seed and its index only.
/// For one-dimensional landscapes <see cref="X"/> is kept but not moved.
/// </summary>
/// <param name="X">x positions.</param>
/// <param name="Y">y positions.</param>
public sealed record ParticleState(double[] X, double[] Y)
{
    /// <summary>Number of particles.</summary>
    public int Count => Y.Length;

    /// <summary>Index of the next step to take (the step counter of the noise); advanced by the propagator.</summary>
    public long NextStep { get; set; }

    /// <summary>Time reached, in t = steps × η units; advanced by the propagator.</summary>
    public double Time { get; set; }

    /// <summary>
    /// Leimkuhler–Matthews' carried noise that walls negated in the last step (set by the propagator, read
    /// by its next call so that split plans equal one); a copy of the state starts without it.
    /// </summary>
    internal Propagation.ReflectionCarry? Carry { get; set; }

    /// <summary>A state of <paramref name="count"/> particles at the origin, step 0, time 0.</summary>
    public static ParticleState Allocate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new ParticleState(new double[count], new double[count]);
    }
}

/// <summary>
/// The steps of one stretch of a run: step <c>n</c> (counting from <see cref="FirstStep"/>) has size
/// <c>Sizes[n]</c> (dt for the SDE schemes, η for SGD) and temperature <c>Temperatures[n]</c>; the
/// noise amplitude is <c>√(2 T h)</c>. Built from a learning-rate schedule by the ensemble run; the
/// propagator only executes it.
/// </summary>
/// <param name="FirstStep">Global index of the first step (the noise counter).</param>
/// <param name="Sizes">Step sizes h.</param>
/// <param name="Temperatures">Temperatures T = κη of each step.</param>
public sealed record StepPlan(long FirstStep, double[] Sizes, double[] Temperatures)
{
    /// <summary>Number of steps.</summary>
    public int Count => Sizes.Length;

    /// <summary>Total time of the stretch, Σ h.</summary>
    public double Duration => Sizes.Sum();
}

/// <summary>
/// The reflecting box of the Fokker–Planck model (its zero-flux walls): a step that leaves the box is
/// mirrored back in, repeatedly if it crosses more than the box width.
/// </summary>
/// <param name="XMin">Lower x wall.</param>
/// <param name="XMax">Upper x wall.</param>
/// <param name="YMin">Lower y wall.</param>
/// <param name="YMax">Upper y wall.</param>
public sealed record Walls(double XMin, double XMax, double YMin, double YMax);
