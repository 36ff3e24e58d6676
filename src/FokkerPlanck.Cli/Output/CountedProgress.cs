using FokkerPlanck.Core;
namespace FokkerPlanck.Cli.Output;

/// <summary>
/// One progress bar for a search that counts its runs, (done, expected, what), with Ctrl+C cancellation: the
/// shape shared by <c>optimize-plateau</c> and <c>optimize</c> (their results are checkpointed by the search itself).
/// </summary>
internal static class CountedProgress
{
    /// <summary>Runs <paramref name="work"/> under a bar labelled <paramref name="label"/>; <paramref name="note"/> words each report, <paramref name="finished"/> the end.</summary>
    public static T Run<T>(string label, Func<IProgress<(int Done, int Total, string What)>, CancellationToken, T> work,
        Func<(int Done, int Total, string What), string> note, Func<T, string> finished)
    {
        T result = default!;
        using var cancel = Commands.CtrlC.Cancellation();
        RunProgress.Run([label], progress =>
        {
            progress.Start(0);
            result = work(new SyncProgress<(int Done, int Total, string What)>(x => progress.Report(0, (double)x.Done / x.Total, note(x))), cancel.Token);
            progress.Finish(0, finished(result));
        });
        return result;
    }
}
