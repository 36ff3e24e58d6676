namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// A node of the immutable abstract syntax tree of a <see cref="Formula"/>.
/// </summary>
/// <remarks>
/// Nodes are records, so two trees compare equal when they have the same shape and the same
/// constants. Build new trees through <see cref="Formula.Parse"/> or
/// <see cref="Formula.Differentiate"/>; the derived records are public so that callers can
/// inspect a tree with pattern matching.
/// </remarks>
public abstract record Node
{
    /// <summary>Initialises a node; only the records in this namespace derive from it.</summary>
    private protected Node()
    {
    }
}
