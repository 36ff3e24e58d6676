namespace FokkerPlanck.Core.Langevin;

/// <summary>
/// A Langevin ensemble could not be advanced: a particle reached a non-finite position (the gradient
/// was not finite there, or a step so large that the update overflowed). The message says at which
/// step and particle, and what to change.
/// </summary>
public sealed class LangevinException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public LangevinException() : base("The Langevin ensemble could not be advanced.") { }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">Description of the failure.</param>
    public LangevinException(string message) : base(message) { }

    /// <summary>Creates an exception with the given message and inner exception.</summary>
    /// <param name="message">Description of the failure.</param>
    /// <param name="innerException">The underlying cause.</param>
    public LangevinException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an exception for a failure at a known step and particle.</summary>
    /// <param name="message">Description of the failure.</param>
    /// <param name="step">Global step index at which it happened.</param>
    /// <param name="particle">Index of the first particle found affected.</param>
    public LangevinException(string message, long step, long particle) : base(message)
    {
        Step = step;
        Particle = particle;
    }

    /// <summary>Global step index of the failure, when known.</summary>
    public long? Step { get; }

    /// <summary>Index of the first particle found affected, when known.</summary>
    public long? Particle { get; }
}
