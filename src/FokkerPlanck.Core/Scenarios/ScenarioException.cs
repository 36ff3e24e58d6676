namespace FokkerPlanck.Core.Scenarios;

/// <summary>
/// A scenario file is invalid: names the offending key (JSON path such as <c>landscape.a</c>) and
/// says what is wrong and how to fix it. The CLI prints the message on one line and exits with 1.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioException(string key, string problem) : base($"{key}: {problem}") { Key = key; Problem = problem; }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ScenarioException(string key, string problem, Exception inner) : base($"{key}: {problem}", inner) { Key = key; Problem = problem; }

    /// <summary>Parameterless constructor (serialization convention).</summary>
    public ScenarioException() : base("invalid scenario") { Key = ""; Problem = "invalid scenario"; }

    /// <summary>Message-only constructor (serialization convention).</summary>
    public ScenarioException(string message) : base(message) { Key = ""; Problem = message; }

    /// <summary>The JSON key at fault.</summary>
    public string Key { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
