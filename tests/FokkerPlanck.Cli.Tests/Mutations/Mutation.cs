namespace FokkerPlanck.Cli.Tests.Mutations;

/// <summary>
/// One mutated input file: its name in the test list (class and what was changed), its bytes, and the
/// fragments of which the error line must hold at least one when the command refuses it (the key, the
/// line and column, or the file).
/// </summary>
/// <param name="Name">Class and change, e.g. <c>wrong type: plateau_lr.min = "text"</c>.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="Names">Fragments naming what is wrong; a refusal must name one of them.</param>
internal sealed record Mutation(string Name, byte[] Content, IReadOnlyList<string> Names)
{
    /// <summary>The class of the mutation: the part of <see cref="Name"/> before the first colon.</summary>
    public string Class => Name.Split(':')[0];
}
