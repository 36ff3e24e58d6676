using System.Text;

namespace FokkerPlanck.Reporting.Html;

/// <summary>
/// A small builder of one self-contained HTML page: text is always escaped, figures are embedded as
/// data URIs (the page opens offline, from any folder), and nothing refers to a file or a network address.
/// </summary>
public sealed class HtmlDocument
{
    private readonly StringBuilder _body = new();

    /// <summary>Escapes text for HTML content and attribute values: the five characters that carry markup (the page is UTF-8, so η, λ and ± stay readable in the source).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            string? entity = c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => null };
            if (entity is null) b.Append(c);
            else b.Append(entity);
        }
        return b.ToString();
    }

    /// <summary>Appends raw, already safe markup (tags built here).</summary>
    public HtmlDocument Raw(string html)
    {
        _body.Append(html);
        return this;
    }

    /// <summary>Opens an element with an optional class and id.</summary>
    public HtmlDocument Open(string tag, string? cssClass = null, string? id = null)
    {
        _body.Append('<').Append(tag);
        if (id is not null) _body.Append(" id=\"").Append(Escape(id)).Append('"');
        if (cssClass is not null) _body.Append(" class=\"").Append(Escape(cssClass)).Append('"');
        _body.Append('>');
        return this;
    }

    /// <summary>Closes an element.</summary>
    public HtmlDocument Close(string tag)
    {
        _body.Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>An element holding escaped text.</summary>
    public HtmlDocument Text(string tag, string text, string? cssClass = null) => Open(tag, cssClass).Raw(Escape(text)).Close(tag);

    /// <summary>A paragraph of escaped text.</summary>
    public HtmlDocument Paragraph(string text, string? cssClass = null) => Text("p", text, cssClass);

    /// <summary>A table with a header row; cells are escaped text.</summary>
    public HtmlDocument Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null)
    {
        Open("table", cssClass).Open("thead").Open("tr");
        foreach (string h in header) Text("th", h);
        Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            Open("tr");
            foreach (string c in row) Text("td", c);
            Close("tr");
        }
        return Close("tbody").Close("table");
    }

    /// <summary>
    /// A figure embedded from a PNG or SVG file with its caption; when the file is missing (figures not
    /// drawn, or the stage not reached) a note says so instead. Returns whether it was embedded.
    /// </summary>
    public bool Figure(string path, string caption)
    {
        if (!File.Exists(path))
        {
            Paragraph($"(figure not drawn: {Path.GetFileName(path)})", "missing");
            return false;
        }
        string mime = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase) ? "image/svg+xml" : "image/png";
        string data = Convert.ToBase64String(File.ReadAllBytes(path));
        Open("figure").Raw($"<img alt=\"{Escape(caption)}\" src=\"data:{mime};base64,{data}\">")
            .Text("figcaption", caption).Close("figure");
        return true;
    }

    /// <summary>The whole page.</summary>
    public string Render(string title, string css) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + $"<title>{Escape(title)}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n{_body}</body>\n</html>\n";
}
