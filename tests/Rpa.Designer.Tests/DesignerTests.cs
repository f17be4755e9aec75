using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Rpa.Host.Api.Security;

namespace Rpa.Designer.Tests;

/// <summary>The designer in real Chromium against a real `rpa serve`: build, save and run a bot, watch it, read a failed run.</summary>
[Collection(DesignerCollection.Name)]
public sealed class DesignerTests(DesignerServer server)
{
    [Fact]
    public async Task A_bot_built_by_drag_and_drop_saves_runs_and_every_node_turns_green_with_the_output()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("tr[data-bot='hello']").WaitForAsync();
        await server.ScreenshotAsync(page, "bots");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync("e2e-greeter");
        await page.GetByRole(AriaRole.Button, new() { Name = "New bot" }).ClickAsync();
        await page.Locator(".canvas-empty").WaitForAsync();

        // An output to keep the greeting in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add output" }).ClickAsync();
        await page.GetByLabel("outputs 1 name").FillAsync("greeting");

        // 1: SetVariable greeting = a JavaScript expression.
        var canvas = page.Locator(".canvas .react-flow__pane");
        await page.Locator(".palette-item[data-type='SetVariable']").DragToAsync(canvas, new() { TargetPosition = new() { X = 400, Y = 120 } });
        await page.Locator(".react-flow__node[data-id='set-variable']").WaitForAsync();
        await page.GetByLabel("variable", new() { Exact = true }).SelectOptionAsync("greeting");
        var value = page.Locator(".value-editor[data-input='value']");
        await value.GetByRole(AriaRole.Button, new() { Name = "JS" }).ClickAsync();
        await page.GetByLabel("value (js)").FillAsync("'Hello, ' + 'designer' + '!'");

        // 2: a Log after it (the selected activity's outcome connects to a new one).
        await page.Locator(".palette-item[data-type='Log']").DragToAsync(canvas, new() { TargetPosition = new() { X = 400, Y = 260 } });
        await page.Locator(".react-flow__node[data-id='log']").WaitForAsync();
        await page.GetByLabel("message", new() { Exact = true }).FillAsync("The greeting is ready");

        // 3: another Log, dropped with nothing selected and connected by dragging its Done outcome by hand.
        await canvas.ClickAsync(new() { Position = new() { X = 60, Y = 60 } });
        await page.Locator(".palette-item[data-type='Log']").DragToAsync(canvas, new() { TargetPosition = new() { X = 400, Y = 400 } });
        await page.Locator(".react-flow__node[data-id='log-2']").WaitForAsync();
        await page.GetByLabel("message", new() { Exact = true }).FillAsync("Done");
        await page.Locator(".react-flow__edge").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.Locator(".react-flow__edge").CountAsync()).Should().Be(1);
        await DragAsync(page, page.Locator(".react-flow__node[data-id='log'] .react-flow__handle.source"), page.Locator(".react-flow__node[data-id='log-2'] .react-flow__handle.target"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.react-flow__edge').length === 2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as version 1" }).WaitForAsync();
        await server.ScreenshotAsync(page, "editor-new-bot");

        var saved = await server.Api.GetFromJsonAsync<JsonObject>("/api/bots/e2e-greeter/versions/latest");
        var root = saved!["definition"]!["root"]!;
        root["connections"]!.AsArray().Select(c => $"{c!["from"]}->{c["to"]}").Should().Equal("set-variable->log", "log->log-2");
        root["activities"]![0]!["inputs"]!["value"]!["js"]!.GetValue<string>().Should().Be("'Hello, ' + 'designer' + '!'");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run version 1" }).ClickAsync();
        await page.Locator("[data-testid='run-status']").Filter(new() { HasText = "succeeded" }).WaitForAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.activity-node')].every(n => n.dataset.status === 'ok')");
        (await page.Locator(".activity-node[data-status='ok']").CountAsync()).Should().Be(3);
        (await page.Locator("[data-testid='run-outputs']").InnerTextAsync()).Should().Contain("Hello, designer!");

        await page.Locator(".react-flow__node[data-id='set-variable']").ClickAsync();
        (await page.Locator(".run-panel .entry").First.InnerTextAsync()).Should().Contain("Completed").And.Contain("Hello, designer!");
        await server.ScreenshotAsync(page, "live-run");
        server.PageErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_run_shows_the_error_and_the_screenshot_of_the_page()
    {
        var bot = new JsonObject
        {
            ["name"] = "e2e-missing-button",
            ["root"] = new JsonObject
            {
                ["id"] = "main",
                ["type"] = "Sequence",
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "open", ["type"] = "OpenBrowser", ["inputs"] = new JsonObject { ["url"] = $"{server.BaseUrl}/practice/" } },
                    new JsonObject { ["id"] = "press", ["type"] = "Click", ["inputs"] = new JsonObject { ["by"] = "Text", ["target"] = "No such button", ["timeoutSeconds"] = 1 } }),
            },
        };
        var created = await server.Api.PostAsync("/api/bots", new StringContent(bot.ToJsonString(), Encoding.UTF8, "application/json"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var started = await server.Api.PostAsJsonAsync("/api/runs", new JsonObject { ["bot"] = "e2e-missing-button", ["version"] = 1 });
        started.StatusCode.Should().Be(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var page = await server.NewPageAsync();
        await page.GotoAsync($"/runs/{id}");
        var error = page.Locator("[data-testid='run-error']");
        await error.WaitForAsync(new() { Timeout = 60_000 });
        (await error.InnerTextAsync()).Should().Contain("press").And.Contain("No such button");
        var screenshot = error.Locator("img.screenshot");
        await screenshot.WaitForAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=run-error] img.screenshot'); return i && i.complete && i.naturalWidth > 0; }");
        (await page.Locator(".timeline-row").CountAsync()).Should().BeGreaterThanOrEqualTo(3);
        await server.ScreenshotAsync(page, "run-failed");

        await page.GotoAsync("/runs?status=failed");
        await page.Locator($"tr[data-run='{id}']").WaitForAsync();
        await server.ScreenshotAsync(page, "runs");

        await page.GotoAsync("/dashboard");
        await page.Locator("svg.chart").WaitForAsync();
        await page.Locator(".bar-row", new() { HasText = "invoices" }).GetByText("to do").WaitForAsync();
        await server.ScreenshotAsync(page, "dashboard");
        server.PageErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_validation_problem_is_shown_on_the_node_and_in_the_problems_list()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/bots/hello");
        await page.Locator(".react-flow__node[data-id='say']").ClickAsync();
        await server.ScreenshotAsync(page, "editor");
        await page.GetByLabel("message (js)").FillAsync("`unclosed");
        (await page.Locator(".value-editor[data-input='message'] .problem-text").InnerTextAsync()).Should().NotBeEmpty("the syntax is checked while typing");
        await page.GetByLabel("message (js)").FillAsync("greeting");
        await page.Locator(".react-flow__node[data-id='again']").ClickAsync();
        await page.GetByLabel("Id").FillAsync("compose");
        await page.GetByLabel("Label").ClickAsync();
        (await page.Locator(".properties .problem-text").InnerTextAsync()).Should().Contain("already used");

        await page.GetByRole(AriaRole.Button, new() { Name = "Variables", Exact = true }).ClickAsync();
        await page.GetByLabel("variables 1 name").FillAsync("9lives");
        await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
        await page.Locator(".problems li").First.WaitForAsync();
        (await page.Locator(".problems").InnerTextAsync()).Should().Contain("9lives");
    }

    [Fact]
    public async Task A_composite_opens_as_a_nested_canvas_and_a_deletion_shows_in_the_diff_until_undone()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/bots/sales-report");
        await page.Locator(".react-flow__node[data-id='accumulate']").GetByRole(AriaRole.Button, new() { Name = "body ▸" }).ClickAsync();
        await page.Locator(".breadcrumb").Filter(new() { HasText = "accumulate" }).WaitForAsync();
        var add = page.Locator(".react-flow__node[data-id='add']");
        await add.ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await add.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.GetByRole(AriaRole.Button, new() { Name = "Versions", Exact = true }).ClickAsync();
        await page.Locator(".diff-removed").First.WaitForAsync();
        (await page.Locator(".diff").InnerTextAsync()).Should().Contain("- ").And.Contain("\"id\": \"add\"");

        await page.Locator(".canvas .react-flow__pane").ClickAsync(new() { Position = new() { X = 30, Y = 30 } });
        await page.Keyboard.PressAsync("Control+z");
        await add.WaitForAsync();
        await page.GetByText("No differences.").WaitForAsync();
        server.PageErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task Rejecting_an_approval_with_a_comment_records_the_decision_and_resumes_the_run()
    {
        var bot = new JsonObject
        {
            ["name"] = "e2e-approval",
            ["root"] = new JsonObject
            {
                ["id"] = "main",
                ["type"] = "Sequence",
                ["activities"] = new JsonArray(new JsonObject { ["id"] = "ask", ["type"] = "WaitForApproval", ["inputs"] = new JsonObject { ["title"] = "Pay invoice 42?" } }),
            },
        };
        var created = await server.Api.PostAsync("/api/bots", new StringContent(bot.ToJsonString(), Encoding.UTF8, "application/json"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var started = await server.Api.PostAsJsonAsync("/api/runs", new JsonObject { ["bot"] = "e2e-approval", ["version"] = 1 });
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await WaitForStatusAsync(id, "waiting");

        var page = await server.NewPageAsync();
        await page.GotoAsync("/approvals");
        var card = page.Locator(".approval").Filter(new() { HasText = "Pay invoice 42?" });
        await card.WaitForAsync(new() { Timeout = 30_000 });
        await server.ScreenshotAsync(page, "approvals");
        await card.GetByLabel("Comment").FillAsync("Not in the budget");
        await card.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await card.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        var approvals = await server.Api.GetFromJsonAsync<JsonArray>("/api/approvals?status=rejected");
        approvals!.Should().Contain(a => a!["runId"]!.GetValue<string>() == id && a["comment"]!.GetValue<string>() == "Not in the budget");
        await page.GotoAsync($"/runs/{id}");
        await page.Locator(".page-head .status").Filter(new() { HasNotText = "waiting" }).WaitForAsync(new() { Timeout = 30_000 });
        server.PageErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_credentials_picker_lists_the_vault_and_the_chosen_name_is_saved_in_the_bot()
    {
        (await server.Api.PutAsJsonAsync("/api/credentials/crm", new { kind = "UsernamePassword", username = "clerk", password = "picker-secret-1" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await server.Api.PutAsJsonAsync("/api/credentials/mail", new { kind = "Smtp", host = "127.0.0.1", port = 2525 }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        await SaveBotAsync(CredentialBot("e2e-credential", "old-crm"));

        var page = await server.NewPageAsync();
        await page.GotoAsync("/bots/e2e-credential");
        await page.Locator(".react-flow__node[data-id='read']").ClickAsync();
        var picker = page.Locator(".value-editor[data-input='name'] select");
        await picker.Locator("option[value='crm']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await picker.Locator("option").AllInnerTextsAsync()).Should().Equal(
            "(choose a credential)", "crm (UsernamePassword)", "mail (Smtp)", "old-crm (not in the vault)");
        (await picker.InputValueAsync()).Should().Be("old-crm", "opening the bot keeps its value");

        await picker.SelectOptionAsync("crm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as version 2" }).WaitForAsync();

        var saved = await server.Api.GetFromJsonAsync<JsonObject>("/api/bots/e2e-credential/versions/latest");
        saved!["version"]!.GetValue<int>().Should().Be(2);
        saved["definition"]!["root"]!["activities"]![0]!["inputs"]!["name"]!.GetValue<string>().Should().Be("crm");
        server.PageErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task Below_Engineer_the_credentials_picker_says_why_and_keeps_a_text_box()
    {
        await SaveBotAsync(CredentialBot("e2e-credential-operator", "crm"));
        await server.CreateUserAsync("olga", RpaRole.Operator, "operator-e2e-password");

        var page = await server.NewPageAsync("olga", "operator-e2e-password");
        await page.GotoAsync("/bots/e2e-credential-operator");
        await page.Locator(".react-flow__node[data-id='read']").ClickAsync();
        var editor = page.Locator(".value-editor[data-input='name']");
        var problem = editor.Locator(".problem-text");
        await problem.WaitForAsync();

        (await problem.InnerTextAsync()).Should().Contain("The credential list cannot be read").And.Contain("needs the role Engineer").And.Contain("olga is Operator");
        (await editor.Locator("input[type='text']").InputValueAsync()).Should().Be("crm");
        (await editor.Locator("select").CountAsync()).Should().Be(0);
        await editor.GetByRole(AriaRole.Button, new() { Name = "JS" }).ClickAsync();
        (await page.GetByLabel("name (js)").InputValueAsync()).Should().Be("\"crm\"", "the literal/JS/Liquid switch works as for other inputs");
        server.PageErrors.Should().BeEmpty();
    }

    private static JsonObject CredentialBot(string name, string credential) => new()
    {
        ["name"] = name,
        ["variables"] = new JsonArray(new JsonObject { ["name"] = "user", ["type"] = "text" }),
        ["root"] = new JsonObject
        {
            ["id"] = "main",
            ["type"] = "Sequence",
            ["activities"] = new JsonArray(new JsonObject
            {
                ["id"] = "read",
                ["type"] = "GetCredential",
                ["inputs"] = new JsonObject { ["name"] = credential },
                ["outputs"] = new JsonObject { ["username"] = "user" },
            }),
        },
    };

    private async Task SaveBotAsync(JsonObject bot)
    {
        var created = await server.Api.PostAsync("/api/bots", new StringContent(bot.ToJsonString(), Encoding.UTF8, "application/json"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    private async Task WaitForStatusAsync(string runId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = (await server.Api.GetFromJsonAsync<JsonObject>($"/api/runs/{runId}"))!;
            if (run["status"]!.GetValue<string>() == status) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {runId} is {run["status"]}, not {status}: {run.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Drags with the mouse (React Flow connects handles on mouse events, not HTML drag and drop).</summary>
    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        var a = (await from.BoundingBoxAsync())!;
        var b = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(a.X + (a.Width / 2), a.Y + (a.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(b.X + (b.Width / 2), b.Y + (b.Height / 2), new() { Steps = 10 });
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task A_visitor_signs_in_with_the_form_and_signs_out_again()
    {
        var page = await server.NewPageAsync(signedIn: false);
        await page.GotoAsync("/runs");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Rpa" }).WaitForAsync();
        await page.GetByLabel("User name").FillAsync(DesignerServer.UserName);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await page.GetByLabel("Password").FillAsync(DesignerServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByText($"{DesignerServer.UserName} · Admin").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Rpa" }).WaitForAsync();
        (await page.Context.APIRequest.GetAsync("/api/runs")).Status.Should().Be(401, "the session ended");
    }

    [Fact]
    public async Task The_queues_page_lists_the_queue_with_its_counts_and_items()
    {
        var added = await server.Api.PostAsJsonAsync("/api/queues/invoices/items", new JsonObject
        {
            ["reference"] = "E2E-QUEUE-1",
            ["payload"] = new JsonObject { ["amount"] = 120 },
        });
        added.IsSuccessStatusCode.Should().BeTrue(await added.Content.ReadAsStringAsync());
        var page = await server.NewPageAsync();

        await page.GotoAsync("/queues");
        var row = page.Locator("tr", new() { HasText = "queue-demo" });
        await row.WaitForAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "invoices" }).ClickAsync();

        await page.GetByText("E2E-QUEUE-1").WaitForAsync();
        server.PageErrors.Should().BeEmpty();
    }
}
