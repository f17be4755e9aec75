using Rpa.Engine.Execution;

namespace Rpa.Integration.Tests.Ocr;

/// <summary>A bot that operates the canvas ledger (bots/practice-apps/canvas), which has no DOM text, by OCR alone.</summary>
[Collection(OcrCollection.Name)]
public sealed class CanvasAppTests(OcrFixture ocr)
{
    private static readonly string CanvasUrl = new Uri(Path.Combine(RepositoryRoot(), "bots", "practice-apps", "canvas", "index.html")).AbsoluteUri;

    [Fact]
    public async Task The_canvas_ledger_bot_fills_and_saves_the_form_by_finding_and_clicking_text()
    {
        var folder = Path.Combine(RepositoryRoot(), "bots", "canvas-ledger");
        var bot = (await File.ReadAllTextAsync(Path.Combine(folder, "bot.json"))).Replace(
            "{ \"id\": \"read\", \"type\": \"ReadScreenText\", \"outputs\": { \"text\": \"screen\" } }",
            "{ \"id\": \"read\", \"type\": \"ReadScreenText\", \"outputs\": { \"text\": \"screen\" } }, { \"id\": \"state\", \"type\": \"RunScript\", \"inputs\": { \"script\": \"() => window.canvasLedger.saved\" }, \"outputs\": { \"result\": \"saved\" } }",
            StringComparison.Ordinal).Replace("\"outputs\": [", "\"outputs\": [ { \"name\": \"saved\", \"type\": \"any\" },", StringComparison.Ordinal);

        var result = await ocr.RunAsync(bot, new Dictionary<string, object?> { ["url"] = CanvasUrl }, folder);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var title = (Dictionary<string, object?>)result.Journal.Entries.Single(e => e.ActivityId == "ready").Outputs!["box"]!;
        ((decimal)title["x"]!).Should().BeInRange(35m, 45m, "the title is drawn at x = 40");
        ((decimal)title["y"]!).Should().BeInRange(38m, 50m);
        result.Outputs["confirmation"].Should().Be("Saved invoice 1: Acme Office Supplies");
        result.Outputs["screen"].Should().BeOfType<string>().Which.Should().Contain("1. Acme Office Supplies INV-7 318.48");
        var saved = result.Outputs["saved"].Should().BeAssignableTo<IEnumerable<object?>>().Which.Cast<Dictionary<string, object?>>().ToList();
        saved.Should().ContainSingle();
        saved[0]["vendor"].Should().Be("Acme Office Supplies");
        saved[0]["invoiceNumber"].Should().Be("INV-7");
        saved[0]["amount"].Should().Be(318.48m);
    }

    [Fact]
    public async Task Text_that_is_not_on_the_screen_fails_with_the_closest_match_its_score_and_a_screenshot()
    {
        var result = await ocr.RunAsync($$"""
            { "name": "missing",
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "open", "type": "OpenBrowser", "inputs": { "url": "{{CanvasUrl}}" } },
                { "id": "approve", "type": "ClickText", "inputs": { "text": "Approve", "threshold": 0.9, "timeoutSeconds": 0.2 } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("approve");
        result.Error.Message.Should().StartWith($"the text 'Approve' was not found on the screen of {CanvasUrl} within 0.2 s: the closest text is '")
            .And.Contain("below the threshold 0.90); screenshot: ");
        result.Error.Artifacts.Should().ContainSingle().Which.Should().EndWith(".png");
        new FileInfo(result.Error.Artifacts[0]).Length.Should().BeGreaterThan(5000);
    }

    [Fact]
    public async Task The_practice_apps_serve_the_canvas_ledger_and_the_payables_form()
    {
        await using var server = await Rpa.Host.PracticeApps.PracticeAppsServer.StartAsync(new Rpa.Host.PracticeApps.PracticeAppsOptions(), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var canvas = await http.GetStringAsync("canvas/");
        var script = await http.GetAsync("canvas/canvas.js");
        var payables = await http.GetStringAsync("payables/");
        var index = await http.GetStringAsync("");

        canvas.Should().Contain("<canvas id=\"ledger\"").And.Contain("canvas.js");
        script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        payables.Should().Contain("<h1>Accounts payable</h1>");
        index.Should().Contain("/canvas/").And.Contain("/payables/");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rpa.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Rpa.sln not found above " + AppContext.BaseDirectory);
    }
}
