namespace FokkerPlanck.Core.IO;

/// <summary>
/// A sample file (<see cref="SampleFile"/>) is invalid: names the file, the line (or row) and the
/// column, and says what is wrong and what is expected. The CLI prints the message on one line and
/// exits with 1.
/// </summary>
public sealed class SampleFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="part">Where: e.g. <c>samples.csv line 17, column "x"</c>.</param>
    /// <param name="problem">What is wrong and what is expected.</param>
    public SampleFileException(string part, string problem) : base($"{part}: {problem}") { Part = part; Problem = problem; }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="part">Where.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The underlying error (e.g. the file could not be read).</param>
    public SampleFileException(string part, string problem, Exception inner) : base($"{part}: {problem}", inner) { Part = part; Problem = problem; }

    /// <summary>Parameterless constructor (serialization convention).</summary>
    public SampleFileException() : base("invalid sample file") { Part = ""; Problem = "invalid sample file"; }

    /// <summary>Message-only constructor (serialization convention).</summary>
    /// <param name="message">The message.</param>
    public SampleFileException(string message) : base(message) { Part = ""; Problem = message; }

    /// <summary>Parameterless-part constructor with an inner cause (serialization convention).</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The underlying error.</param>
    public SampleFileException(string message, Exception inner) : base(message, inner) { Part = ""; Problem = message; }

    /// <summary>The offending part: file, line (or row) and column.</summary>
    public string Part { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
