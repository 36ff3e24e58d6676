using System.Diagnostics;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>
/// Progress of a series of runs on stderr: on a terminal, one Spectre progress bar per task with the
/// elapsed time and an estimate of the time left; when stderr is redirected, plain lines (each tenth
/// of a task and its end) with the same estimate.
/// </summary>
internal static class RunProgress
{
    /// <summary>Runs <paramref name="work"/> with one task per label.</summary>
    public static void Run(IReadOnlyList<string> labels, Action<IRunProgress> work)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(work);
        if (Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            work(new PlainProgress(labels));
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => work(new LiveProgress([.. labels.Select(l => ctx.AddTask(Markup.Escape(l), autoStart: false, maxValue: 1))])));
    }

    /// <summary>The live bars.</summary>
    private sealed class LiveProgress(ProgressTask[] tasks) : IRunProgress
    {
        public void Start(int task) => tasks[task].StartTask();

        public void Report(int task, double fraction, string? note = null)
        {
            var t = tasks[task];
            if (!t.IsStarted) t.StartTask();
            t.Value = Math.Clamp(fraction, 0, 1);
            if (note is not null) t.Description = Markup.Escape(note);
        }

        public void Note(int task, string note)
        {
            var t = tasks[task];
            if (!t.IsStarted) t.StartTask();
            t.Description = Markup.Escape(note);
        }

        public void Finish(int task, string? note = null)
        {
            Report(task, 1, note);
            tasks[task].StopTask();
        }
    }

    /// <summary>Plain lines on stderr.</summary>
    private sealed class PlainProgress(IReadOnlyList<string> labels) : IRunProgress
    {
        /// <summary>A line is printed each time a task passes another tenth.</summary>
        private const int LinesPerTask = 10;

        private readonly Stopwatch _total = Stopwatch.StartNew();
        private readonly Stopwatch[] _clocks = [.. labels.Select(_ => new Stopwatch())];
        private readonly int[] _printed = new int[labels.Count];

        public void Start(int task) => _clocks[task].Start();

        public void Report(int task, double fraction, string? note = null)
        {
            if (!_clocks[task].IsRunning) _clocks[task].Start();
            fraction = Math.Clamp(fraction, 0, 1);
            int tenth = (int)(fraction * LinesPerTask);
            if (tenth <= _printed[task] || tenth >= LinesPerTask) return;
            _printed[task] = tenth;
            double elapsed = _clocks[task].Elapsed.TotalSeconds;
            string left = fraction > 0 ? $", about {Seconds(elapsed * (1 - fraction) / fraction)} left" : "";
            Line($"{note ?? labels[task]}: {100 * fraction:F0}%{left}");
        }

        public void Note(int task, string note)
        {
            if (!_clocks[task].IsRunning) _clocks[task].Start();
            Line(note);
        }

        public void Finish(int task, string? note = null)
        {
            _clocks[task].Stop();
            _printed[task] = LinesPerTask;
            Line($"{note ?? labels[task]}: done in {Seconds(_clocks[task].Elapsed.TotalSeconds)}");
        }

        private void Line(string text) => Console.Error.WriteLine($"[{_total.Elapsed.TotalSeconds,6:F1} s] {text}");

        private static string Seconds(double s) => s < 120 ? $"{s:F0} s" : $"{s / 60:F1} min";
    }
}
