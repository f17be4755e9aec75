using Microsoft.Extensions.DependencyInjection;
using Rpa.Activities.Browser;
using Rpa.Engine.Execution;

namespace Rpa.Integration.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BrowserControlsTests(BrowserFixture browser) : IDisposable
{
    private readonly TestPages _pages = new();

    private string Folder => _pages.Folder;

    public void Dispose() => _pages.Dispose();

    /// <summary>What Tesseract reads in the screenshot a run gave as its "png" output.</summary>
    private static async Task<string> ScreenshotTextAsync(RunResult result)
    {
        var png = await File.ReadAllBytesAsync((string)result.Outputs["png"]!);
        using var ocr = new Rpa.Activities.Ocr.OcrEnginePool(new Rpa.Activities.Ocr.OcrOptions());
        return (await ocr.RecognizeAsync(png)).Text;
    }

    [Fact]
    public async Task Select_check_type_press_and_read_work_on_a_real_form()
    {
        var page = Page("""
            <title>Order</title>
            <label for="c">Country</label><select id="c"><option value="">-</option><option value="de">Germany</option><option value="fr">France</option></select>
            <label><input type="checkbox" id="t"> Accept terms</label>
            <label for="q">Search</label><input id="q" onkeydown="if (event.key === 'Enter') document.getElementById('done').textContent = 'searched ' + this.value">
            <a href="/help" title="Help page">Help</a>
            <div id="done" data-testid="done"></div>
            """);

        var result = await browser.RunAsync($$"""
            { "name": "controls",
              "outputs": [ { "name": "country", "type": "text" }, { "name": "done", "type": "text" }, { "name": "title", "type": "text" }, { "name": "checked", "type": "any" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "country", "type": "SelectOption", "inputs": { "target": "Country", "option": "France" } },
                { "id": "read-country", "type": "ReadValue", "inputs": { "target": "Country" }, "outputs": { "value": "country" } },
                { "id": "terms", "type": "SetChecked", "inputs": { "by": "Role", "target": "checkbox", "name": "Accept terms" } },
                { "id": "is-checked", "type": "RunScript", "inputs": { "script": "() => document.getElementById('t').checked" }, "outputs": { "result": "checked" } },
                { "id": "type", "type": "TypeText", "inputs": { "target": "Search", "text": "invoices", "delayMs": 5 } },
                { "id": "enter", "type": "PressKey", "inputs": { "key": "Enter" } },
                { "id": "wait", "type": "WaitForPage", "inputs": { "condition": "Text", "value": "searched invoices" } },
                { "id": "read-done", "type": "ReadText", "inputs": { "by": "TestId", "target": "done" }, "outputs": { "text": "done" } },
                { "id": "read-title", "type": "ReadAttribute", "inputs": { "by": "Role", "target": "link", "name": "Help", "attribute": "title" }, "outputs": { "value": "title" } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["country"].Should().Be("fr");
        result.Outputs["checked"].Should().Be(true);
        result.Outputs["done"].Should().Be("searched invoices");
        result.Outputs["title"].Should().Be("Help page");
    }

    [Fact]
    public async Task Select_option_names_the_options_when_the_choice_does_not_exist()
    {
        var page = Page("""<label for="c">Country</label><select id="c"><option>Germany</option><option>France</option></select>""");

        var result = await browser.RunAsync($$"""
            { "name": "bad-option", "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "country", "type": "SelectOption", "inputs": { "target": "Country", "option": "Spain" } } ] } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Contain("the field labelled 'Country' has no option 'Spain' (options: 'Germany', 'France')");
    }

    [Fact]
    public async Task Screenshots_cover_the_fields_that_hold_a_secret_and_show_the_others()
    {
        var page = Page("""
            <style>input { font: 28px sans-serif; width: 700px; margin: 12px; }</style>
            <label for="a">Account</label><input id="a"><br>
            <label for="t">Token</label><input id="t"><br>
            <label for="p">Password</label><input id="p" type="password">
            """);

        var result = await browser.RunAsync($$"""
            { "name": "secret-shot", "inputs": [ { "name": "token", "type": "text", "secret": true } ],
              "outputs": [ { "name": "png", "type": "text" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "account", "type": "Fill", "inputs": { "target": "Account", "value": "PUBLIC 24680" } },
                { "id": "token", "type": "Fill", "inputs": { "target": "Token", "value": { "js": "token" } } },
                { "id": "password", "type": "Fill", "inputs": { "target": "Password", "value": { "js": "token" } } },
                { "id": "shot", "type": "TakeScreenshot", "outputs": { "filePath": "png" } } ] } }
            """, new Dictionary<string, object?> { ["token"] = "ZEBRA 97531" });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var text = await ScreenshotTextAsync(result);
        text.Should().Contain("PUBLIC 24680", "fields without a secret stay readable (and OCR reads this screenshot)");
        text.Should().NotContain("ZEBRA").And.NotContain("97531");
    }

    [Fact]
    public async Task Screenshots_cover_page_text_that_shows_a_secret_and_leave_the_page_as_it_was()
    {
        // The page echoes what is typed: into a paragraph, and as bare text right in the body.
        var page = Page("""
            <style>body, input { font: 28px sans-serif; } input { width: 700px; margin: 12px; }</style>
            <label for="t">Token</label><input id="t" onchange="document.getElementById('echo').textContent = 'Saved ' + this.value; document.body.append('Again ' + this.value)">
            <p>Reference PUBLIC 24680</p>
            <p id="echo"></p>
            """);

        var result = await browser.RunAsync($$"""
            { "name": "secret-text-shot", "inputs": [ { "name": "token", "type": "text", "secret": true } ],
              "outputs": [ { "name": "png", "type": "text" }, { "name": "after", "type": "any" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "token", "type": "Fill", "inputs": { "target": "Token", "value": { "js": "token" } } },
                { "id": "blur", "type": "PressKey", "inputs": { "key": "Tab" } },
                { "id": "clear", "type": "RunScript", "inputs": { "script": "() => { document.getElementById('t').value = ''; return true; }" } },
                { "id": "shot", "type": "TakeScreenshot", "outputs": { "filePath": "png" } },
                { "id": "after", "type": "RunScript", "inputs": { "script": "() => ({ marked: document.querySelectorAll('[data-rpa-secret], [data-rpa-secret-wrap]').length, echo: document.getElementById('echo').textContent, body: document.body.lastChild.nodeType })" }, "outputs": { "result": "after" } } ] } }
            """, new Dictionary<string, object?> { ["token"] = "ZEBRA 97531" });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var text = await ScreenshotTextAsync(result);
        text.Should().Contain("PUBLIC 24680", "text without a secret stays readable (and OCR reads this screenshot)");
        text.Should().NotContain("ZEBRA").And.NotContain("97531");

        // The marks and the span around the body's text are gone again: the page is as the bot left it.
        var after = (IReadOnlyDictionary<string, object?>)result.Outputs["after"]!;
        Convert.ToInt32(after["marked"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(0);
        Convert.ToInt32(after["body"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(3, "the echoed text is a text node right in the body again");
    }

    [Fact]
    public async Task Screenshots_cover_a_secret_split_over_elements_in_a_shadow_root_and_in_a_frame()
    {
        var frame = Uri.EscapeDataString("<body style=\"font: 28px sans-serif\"><p>Frame key ZEBRA 97531</p><p>Frame note 13579</p></body>");
        var page = Page($$"""
            <style>body { font: 28px sans-serif; } iframe { width: 700px; height: 160px; border: 0; }</style>
            <p>Split code <b>ZEB</b>RA <i>975</i>31</p>
            <p>Reference PUBLIC 24680</p>
            <div id="host"></div>
            <iframe src="data:text/html,{{frame}}"></iframe>
            <script>
              document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow says ZEBRA 97531</p><p>Shadow note 86420</p>';
            </script>
            """);

        var result = await browser.RunAsync($$"""
            { "name": "secret-split-shot", "inputs": [ { "name": "token", "type": "text", "secret": true } ],
              "outputs": [ { "name": "png", "type": "text" }, { "name": "after", "type": "any" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "shot", "type": "TakeScreenshot", "inputs": { "fullPage": true }, "outputs": { "filePath": "png" } },
                { "id": "after", "type": "RunScript", "inputs": { "script": "() => document.querySelectorAll('[data-rpa-secret], [data-rpa-secret-wrap]').length + document.getElementById('host').shadowRoot.querySelectorAll('[data-rpa-secret]').length" }, "outputs": { "result": "after" } } ] } }
            """, new Dictionary<string, object?> { ["token"] = "ZEBRA 97531" });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var text = await ScreenshotTextAsync(result);
        text.Should().Contain("PUBLIC 24680").And.Contain("86420").And.Contain("13579", "text without a secret stays readable, in the shadow root and the frame too");
        text.Should().NotContain("ZEB").And.NotContain("975").And.NotContain("Split code", "the paragraph with the split secret is covered");
        Convert.ToInt32(result.Outputs["after"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(0, "the marks are gone again");
    }

    [Fact]
    public async Task Screenshot_pdf_upload_and_download_produce_real_files()
    {
        var upload = Path.Combine(Folder, "note.txt");
        File.WriteAllText(upload, "hello upload");
        var page = Page("""
            <h1>Quarterly report</h1><p>Revenue grew by 12 percent.</p>
            <label for="f">Attachment</label><input type="file" id="f" onchange="document.getElementById('name').textContent = this.files[0].name">
            <div id="name" data-testid="name"></div>
            <a id="dl" download="export.csv" href="data:text/csv,a%2Cb%0A1%2C2">Export</a>
            """);

        var result = await browser.RunAsync($$"""
            { "name": "files", "outputs": [ { "name": "png", "type": "text" }, { "name": "pdf", "type": "text" }, { "name": "csv", "type": "text" }, { "name": "uploaded", "type": "text" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "shot", "type": "TakeScreenshot", "inputs": { "fullPage": true }, "outputs": { "filePath": "png" } },
                { "id": "print", "type": "PrintToPdf", "inputs": { "saveAs": "{{Path.Combine(Folder, "report.pdf").Replace("\\", "/")}}" }, "outputs": { "filePath": "pdf" } },
                { "id": "attach", "type": "UploadFile", "inputs": { "target": "Attachment", "file": "{{upload.Replace("\\", "/")}}" } },
                { "id": "read-name", "type": "ReadText", "inputs": { "by": "TestId", "target": "name" }, "outputs": { "text": "uploaded" } },
                { "id": "export", "type": "DownloadFile", "inputs": { "by": "Text", "target": "Export", "saveAs": "{{Folder.Replace("\\", "/")}}" }, "outputs": { "filePath": "csv" } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var png = (string)result.Outputs["png"]!;
        File.ReadAllBytes(png).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        var pdf = File.ReadAllText((string)result.Outputs["pdf"]!);
        pdf.Should().StartWith("%PDF");
        File.ReadAllText((string)result.Outputs["csv"]!).Should().Be("a,b\n1,2");
        result.Outputs["uploaded"].Should().Be("note.txt");
        result.Journal.Entries.Single(e => e.ActivityId == "shot").Outputs!["artifact"].Should().Be(png);
    }

    [Fact]
    public async Task Each_run_gets_its_own_browser_context_and_it_is_closed_when_the_run_ends()
    {
        var page = Page("<p>hi</p>");
        var chromium = await browser.Services.GetRequiredService<BrowserHost>().GetBrowserAsync(CancellationToken.None);

        var result = await browser.RunAsync($$"""
            { "name": "ctx", "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "fail", "type": "Fail", "inputs": { "message": "stop here" } } ] } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        chromium.Contexts.Should().BeEmpty("the run's context is closed even when the run fails");
    }

    private string Page(string body) => _pages.Page(body);
}
