using FokkerPlanck.Reporting.Html;

namespace FokkerPlanck.Reporting.Tests;

/// <summary>The report's HTML builder: text is escaped wherever it goes, figures are embedded (never linked), a missing one is said.</summary>
public sealed class HtmlDocumentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Text_MarkupInAScenarioName_IsEscapedEverywhere()
    {
        var page = new HtmlDocument();
        page.Text("h1", "<script>alert(1)</script> & co").Table(["a<b"], [["\"quoted\" <td>"]]);
        string html = page.Render("<title> & x", ReportStyle.Css);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
        Assert.Contains("<th>a&lt;b</th>", html);
        Assert.Contains("<td>&quot;quoted&quot; &lt;td&gt;</td>", html);
        Assert.Contains("<title>&lt;title&gt; &amp; x</title>", html);
    }

    [Fact]
    public void Figure_AnExistingPng_IsEmbeddedAsADataUriWithItsCaption()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        string path = Path.Combine(_dir, "f.png");
        File.WriteAllBytes(path, png);
        var page = new HtmlDocument();
        Assert.True(page.Figure(path, "a <caption>"));
        string html = page.Render("t", "");
        Assert.Contains($"src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"", html);
        Assert.Contains("<figcaption>a &lt;caption&gt;</figcaption>", html);
        Assert.DoesNotContain(_dir, html);
    }

    [Fact]
    public void Figure_AMissingFile_IsSaidInsteadOfABrokenImage()
    {
        var page = new HtmlDocument();
        Assert.False(page.Figure(Path.Combine(_dir, "absent.png"), "caption"));
        string html = page.Render("t", "");
        Assert.DoesNotContain("<img", html);
        Assert.Contains("figure not drawn: absent.png", html);
    }
}
