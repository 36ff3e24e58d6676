namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>Four 32-bit words: a Philox4x32 counter or output block (word 0 first, as Random123 prints them).</summary>
/// <param name="W0">Word 0.</param>
/// <param name="W1">Word 1.</param>
/// <param name="W2">Word 2.</param>
/// <param name="W3">Word 3.</param>
public readonly record struct PhiloxWords(uint W0, uint W1, uint W2, uint W3);
