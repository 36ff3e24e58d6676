namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// A one-step implicit scheme for <c>dm/dt = L_{T(t)} m</c> whose stages solve
/// <c>(I − d·h·L_T) x = b</c> with one coefficient d (singly diagonally implicit), with an embedded
/// local error estimate for step-size control.
/// </summary>
public interface IImplicitScheme
{
    /// <summary>Short name used on the command line ("trbdf2", "euler").</summary>
    string Name { get; }

    /// <summary>One line for help texts.</summary>
    string Description { get; }

    /// <summary>Order of accuracy of the step (the local error is O(h^{Order+1})).</summary>
    int Order { get; }

    /// <summary>The stage coefficient d: every stage matrix is <c>I − d·h·L</c>.</summary>
    double StageCoefficient { get; }

    /// <summary>
    /// Advances <c>(t, Start, StartRate)</c> by h on schedule segment <paramref name="segment"/>:
    /// writes <see cref="StepContext.End"/>, <see cref="StepContext.EndRate"/> and the local error
    /// estimate <see cref="StepContext.Error"/>.
    /// </summary>
    void Advance(StepContext context, double t, double h, int segment);
}
