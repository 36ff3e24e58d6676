namespace FokkerPlanck.Core.Schedules;

/// <summary>
/// A schedule spec or learning-rate table is invalid: names the offending part (the spec fragment,
/// or file, line and column of a table) and says what is wrong and how to fix it. The CLI prints the
/// message on one line and exits with 1.
/// </summary>
public sealed class ScheduleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="part">Where: e.g. <c>schedule "lineer:10"</c> or <c>lr.csv line 7, column "lr"</c>.</param>
    /// <param name="problem">What is wrong and what is expected.</param>
    public ScheduleException(string part, string problem) : base($"{part}: {problem}") { Part = part; Problem = problem; }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="part">Where.</param>
    /// <param name="problem">What is wrong and what is expected.</param>
    /// <param name="inner">The underlying error (e.g. the file could not be read).</param>
    public ScheduleException(string part, string problem, Exception inner) : base($"{part}: {problem}", inner) { Part = part; Problem = problem; }

    /// <summary>Parameterless constructor (serialization convention).</summary>
    public ScheduleException() : base("invalid schedule") { Part = ""; Problem = "invalid schedule"; }

    /// <summary>Message-only constructor (serialization convention).</summary>
    /// <param name="message">The message.</param>
    public ScheduleException(string message) : base(message) { Part = ""; Problem = message; }

    /// <summary>The offending part: spec fragment, or file, line and column.</summary>
    public string Part { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
