namespace FokkerPlanck.Core.Discretization;

/// <summary>
/// What a two-point flux knows about one face: the potential at the two cell centres and on both
/// sides of the face (different only where U jumps on the face), the centre-to-face distances and
/// the face area (length in 2D, 1 in 1D).
/// </summary>
/// <param name="UCentreI">U at the centre of cell i (lower side).</param>
/// <param name="UFaceMinus">U on the face, approached from cell i.</param>
/// <param name="UFacePlus">U on the face, approached from cell j.</param>
/// <param name="UCentreJ">U at the centre of cell j (upper side).</param>
/// <param name="HalfI">Distance from the centre of i to the face.</param>
/// <param name="HalfJ">Distance from the face to the centre of j.</param>
/// <param name="Area">Face area.</param>
public readonly record struct FaceSample(
    double UCentreI, double UFaceMinus, double UFacePlus, double UCentreJ,
    double HalfI, double HalfJ, double Area);
