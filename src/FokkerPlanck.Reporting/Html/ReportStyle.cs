namespace FokkerPlanck.Reporting.Html;

/// <summary>The report's stylesheet: system fonts, one accent colour, cards, tables that read at a glance, print-friendly.</summary>
public static class ReportStyle
{
    /// <summary>The CSS.</summary>
    public const string Css = """
        :root { --ink: #1d2433; --muted: #5b6475; --line: #e3e6ec; --bg: #f6f7f9; --accent: #2f5fd0; --good: #1f8a4c; --bad: #c0392b; --warn: #b7791f; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 64px; }
        header.top { background: linear-gradient(135deg, #1f3a8a, #2f5fd0); color: #fff; padding: 28px 0 24px; }
        header.top .inner { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
        header.top h1 { margin: 0 0 6px; font-size: 28px; font-weight: 650; letter-spacing: -0.01em; }
        header.top p { margin: 0; opacity: 0.88; }
        nav { margin-top: 14px; display: flex; flex-wrap: wrap; gap: 8px; }
        nav a { color: #fff; text-decoration: none; border: 1px solid rgba(255,255,255,0.45); border-radius: 999px; padding: 2px 12px; font-size: 14px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 22px 26px; margin: 22px 0; box-shadow: 0 1px 2px rgba(20,30,60,0.04); }
        h2 { margin: 0 0 10px; font-size: 22px; }
        h3 { margin: 18px 0 8px; font-size: 17px; color: var(--muted); }
        p.lead { font-size: 17px; }
        .answer { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 14px; margin: 6px 0 4px; }
        .metric { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; background: #fbfcfe; }
        .metric .label { font-size: 13.5px; letter-spacing: 0.02em; color: var(--muted); font-weight: 600; }
        .metric .value { font-size: 20px; font-weight: 650; margin: 2px 0; font-variant-numeric: tabular-nums; }
        .metric .value.words { font-size: 16.5px; line-height: 1.35; margin: 4px 0 6px; }
        .metric .note { font-size: 14px; color: var(--muted); }
        .good { color: var(--good); } .bad { color: var(--bad); } .warn { color: var(--warn); }
        figure { margin: 16px 0; text-align: center; }
        figure img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px; }
        figcaption { font-size: 14px; color: var(--muted); margin-top: 6px; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
        @media (max-width: 800px) { .pair { grid-template-columns: 1fr; } }
        table { border-collapse: collapse; width: 100%; margin: 10px 0 4px; font-size: 14.5px; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f1f3f7; font-weight: 600; }
        tbody tr:hover { background: #fafbfd; }
        ul.findings li { margin: 4px 0; }
        .missing { color: var(--muted); font-style: italic; }
        .pending { color: var(--warn); font-weight: 600; }
        code { background: #f1f3f7; padding: 1px 5px; border-radius: 4px; font-size: 90%; }
        footer { color: var(--muted); font-size: 13px; margin-top: 28px; }
        @media print { body { background: #fff; } section { box-shadow: none; break-inside: avoid; } header.top { background: #1f3a8a; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """;
}
