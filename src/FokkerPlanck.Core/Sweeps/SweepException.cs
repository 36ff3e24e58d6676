namespace FokkerPlanck.Core.Sweeps;

/// <summary>
/// A sweep cannot run or be merged: a sweep file is invalid (the subject is the key at fault, such as
/// <c>final_lr</c>), or a set of shard folders is inconsistent (the subject names the shard or item, such
/// as <c>shard 2/4</c>). The CLI prints the message on one line and exits with 1.
/// </summary>
public sealed class SweepException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="subject">The key, shard or item at fault.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    public SweepException(string subject, string problem) : base($"{subject}: {problem}") { Subject = subject; Problem = problem; }

    /// <summary>Creates the exception with an inner cause.</summary>
    public SweepException(string subject, string problem, Exception inner) : base($"{subject}: {problem}", inner) { Subject = subject; Problem = problem; }

    /// <summary>Parameterless constructor (serialization convention).</summary>
    public SweepException() : base("invalid sweep") { Subject = ""; Problem = "invalid sweep"; }

    /// <summary>Message-only constructor (serialization convention).</summary>
    public SweepException(string message) : base(message) { Subject = ""; Problem = message; }

    /// <summary>The key, shard or item at fault.</summary>
    public string Subject { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
