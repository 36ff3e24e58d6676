namespace FokkerPlanck.Core.IO;

/// <summary>The samples of a file at one time.</summary>
/// <param name="Time">t (steps × η); from a step column, the schedule's time at that step count.</param>
/// <param name="Steps">The step count as written, for a file with a <c>step</c> column; else null.</param>
/// <param name="X">x positions (empty when the file has no x column).</param>
/// <param name="Y">y positions.</param>
/// <param name="Runs">Distinct <c>run</c> values among the samples (0 when the file has no run column).</param>
/// <param name="FirstLine">The file line (or .npy row, from 1) of the group's first sample, for messages.</param>
public sealed record SampleGroup(double Time, double? Steps, double[] X, double[] Y, int Runs, int FirstLine)
{
    /// <summary>Number of samples.</summary>
    public int Count => Y.Length;
}
