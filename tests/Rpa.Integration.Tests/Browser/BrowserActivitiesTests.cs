using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Integration.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BrowserActivitiesTests(BrowserFixture browser) : IDisposable
{
    private readonly TestPages _pages = new();

    private string Folder => _pages.Folder;

    public void Dispose() => _pages.Dispose();

    [Fact]
    public async Task Fill_form_fills_every_labelled_field_and_submits_in_one_step()
    {
        var page = Page("""
            <label for="a">First Name</label><input id="a">
            <label for="b">Email:</label><input id="b">
            <button onclick="document.getElementById('out').textContent = document.getElementById('a').value + '|' + document.getElementById('b').value">Submit</button>
            <div data-testid="out" id="out"></div>
            """);

        var result = await browser.RunAsync($$"""
            { "name": "fill", "outputs": [ { "name": "out", "type": "text" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "form", "type": "FillForm", "inputs": { "fields": { "First Name": "Ada", "email": "ada@example.com" }, "submit": "Submit" } },
                { "id": "wait", "type": "WaitForPage", "inputs": { "condition": "Text", "value": "Ada|" } },
                { "id": "read", "type": "ReadText", "inputs": { "by": "TestId", "target": "out" }, "outputs": { "text": "out" } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["out"].Should().Be("Ada|ada@example.com");
    }

    [Fact]
    public async Task Wait_for_page_goes_on_at_an_address_reached_by_a_redirect_and_names_one_that_never_comes()
    {
        // The page moves itself on (as a sign-in form's redirect does) while the bot waits for the address.
        var target = Page("<title>Customers</title><p>Customers</p>");
        var start = Page($$"""<title>Sign in</title><script>setTimeout(() => location.href = '{{target}}', 300)</script>""");
        var pattern = "**/" + Path.GetFileName(new Uri(target).LocalPath);

        var result = await browser.RunAsync($$"""
            { "name": "redirect", "outputs": [ { "name": "title", "type": "text" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{start}}" } },
                { "id": "arrived", "type": "WaitForPage", "inputs": { "condition": "Url", "value": "{{pattern}}" } },
                { "id": "title", "type": "RunScript", "inputs": { "script": "() => document.title" }, "outputs": { "result": "title" } },
                { "id": "never", "type": "WaitForPage", "inputs": { "condition": "Url", "value": "**/never-there", "timeoutSeconds": 0.5 } }
              ] } }
            """);

        result.Outputs["title"].Should().Be("Customers");
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("never");
        result.ErrorMessage.Should().Contain("the address '**/never-there' was not found within 0.5 s").And.Contain(target);
    }

    [Fact]
    public async Task Fill_reports_the_missing_label_with_the_page_and_a_screenshot()
    {
        var page = Page("""<title>Signup</title><label for="e">Email</label><input id="e">""");

        var result = await browser.RunAsync($$"""
            { "name": "typo",
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "email", "type": "Fill", "inputs": { "target": "Emial", "value": "x", "timeoutSeconds": 0.5 } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("email");
        result.ErrorMessage.Should().Contain("Bot 'typo' failed at activity 'email' (Fill")
            .And.Contain("the field labelled 'Emial' was not found within 0.5 s")
            .And.Contain(page).And.Contain("\"Signup\"")
            .And.Contain("labels on the page: 'Email'");
        result.Error.Artifacts.Should().ContainSingle().Which.Should().EndWith(".png");
        File.Exists(result.Error.Artifacts[0]).Should().BeTrue();
        new FileInfo(result.Error.Artifacts[0]).Length.Should().BeGreaterThan(1000);
    }

    [Fact]
    public async Task Fill_form_fills_nothing_when_a_label_is_missing()
    {
        var page = Page("""<label for="a">Name</label><input id="a">""");

        var result = await browser.RunAsync($$"""
            { "name": "partial",
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "form", "type": "FillForm", "inputs": { "fields": { "Name": "Ada", "Phone": "1" }, "timeoutSeconds": 0.3 } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Contain("no field labelled 'Phone'").And.Contain("labels on the page: 'Name'").And.Contain("nothing was filled");
    }

    [Fact]
    public async Task Navigate_to_an_unreachable_address_says_it_cannot_reach_it()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/";

        var result = await browser.RunAsync($$"""
            { "name": "offline",
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser" },
                { "id": "go", "type": "Navigate", "inputs": { "url": "{{url}}" } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("go");
        result.Error.Message.Should().StartWith($"cannot reach {url}: net::ERR_CONNECTION_REFUSED");
    }

    [Fact]
    public async Task Extract_table_reads_header_and_rows_into_a_table()
    {
        var page = Page("""<table><tr><th>Name</th><th>Total</th></tr><tr><td>A</td><td>1.50</td></tr><tr><td>B</td><td>2</td></tr></table>""");

        var result = await browser.RunAsync($$"""
            { "name": "table", "outputs": [ { "name": "rows", "type": "table" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "read", "type": "ExtractTable", "outputs": { "table": "rows" } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var table = (Table)result.Outputs["rows"]!;
        table.Columns.Should().Equal("Name", "Total");
        table.Rows.Select(r => r["Total"]).Should().Equal("1.50", "2");
    }

    [Fact]
    public async Task A_closed_browser_is_reported_and_a_retry_with_open_browser_recovers()
    {
        var page = Page("""<h1>Hi</h1>""");

        var result = await browser.RunAsync($$"""
            { "name": "recover", "outputs": [ { "name": "heading", "type": "text" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } },
                { "id": "close", "type": "CloseBrowser" },
                { "id": "guard", "type": "TryCatch",
                  "try": { "id": "read-dead", "type": "ReadText", "inputs": { "by": "Role", "target": "heading" } },
                  "catch": { "id": "reopen", "type": "OpenBrowser", "inputs": { "url": "{{page}}" } } },
                { "id": "read", "type": "ReadText", "inputs": { "by": "Role", "target": "heading" }, "outputs": { "text": "heading" } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["heading"].Should().Be("Hi");
        var failed = result.Journal.Entries.Single(e => e.ActivityId == "read-dead");
        failed.Error!.Message.Should().Contain("no browser is open in this run");
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private string Page(string body) => _pages.Page(body);
}
