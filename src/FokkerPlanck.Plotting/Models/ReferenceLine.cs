namespace FokkerPlanck.Plotting.Models;

/// <summary>
/// A labelled straight line across a <see cref="LineChart"/> at a fixed coordinate, e.g. a vertical
/// line at the critical learning rate with label "η* = 0.56".
/// </summary>
/// <param name="Position">x of a vertical line, or y of a horizontal line, in data units.</param>
/// <param name="Label">Text drawn next to the line, or null for none.</param>
public sealed record ReferenceLine(double Position, string? Label = null);
