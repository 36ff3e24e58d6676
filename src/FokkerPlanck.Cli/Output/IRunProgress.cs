namespace FokkerPlanck.Cli.Output;

/// <summary>Reports the progress of numbered tasks (see <see cref="RunProgress"/>).</summary>
internal interface IRunProgress
{
    /// <summary>Task <paramref name="task"/> starts (its clock runs from here).</summary>
    void Start(int task);

    /// <summary>Task <paramref name="task"/> is <paramref name="fraction"/> done (0 … 1); <paramref name="note"/> replaces its label.</summary>
    void Report(int task, double fraction, string? note = null);

    /// <summary>Task <paramref name="task"/> is now doing <paramref name="note"/> (its fraction unknown or unchanged).</summary>
    void Note(int task, string note);

    /// <summary>Task <paramref name="task"/> is done.</summary>
    void Finish(int task, string? note = null);
}
