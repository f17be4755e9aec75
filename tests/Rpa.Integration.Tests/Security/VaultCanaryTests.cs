using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Host.Api.Security;
using Rpa.Host.Server;
using Rpa.Integration.Tests.Browser;
using Rpa.Runtime.Security;

namespace Rpa.Integration.Tests.Security;

/// <summary>
/// The canary: the practice CRM's password, saved in the vault of a real `rpa serve` (Kestrel, file logs, SQLite), is read
/// by a bot that signs in to the CRM in Chromium; the password must not appear in plaintext in any API response, the run's
/// logs or journal, the log files, or any byte of the data folder (the SQLite file and its WAL included).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VaultCanaryTests(BrowserFixture browser) : IDisposable
{
    private const string Password = "practice-Secret-42";
    private readonly string _data = Directory.CreateTempSubdirectory("rpa-canary-").FullName;

    private const string Bot = """
        {
          "format": 1,
          "name": "crm-canary",
          "version": 1,
          "inputs": [ { "name": "url", "type": "text" } ],
          "outputs": [ { "name": "signedInAs", "type": "text" } ],
          "variables": [ { "name": "user", "type": "text" }, { "name": "pass", "type": "text" } ],
          "root": {
            "id": "main",
            "type": "Sequence",
            "activities": [
              { "id": "credential", "type": "GetCredential", "inputs": { "name": "crm" }, "outputs": { "username": "user", "password": "pass" } },
              { "id": "open-crm", "type": "OpenBrowser", "inputs": { "url": { "js": "url + 'login'" } } },
              { "id": "sign-in", "type": "FillForm", "inputs": { "fields": { "js": "({ Username: user, Password: pass })" }, "submit": "Sign in" } },
              { "id": "signed-in", "type": "WaitForPage", "inputs": { "condition": "Url", "value": "**/crm/customers" } },
              { "id": "say", "type": "Log", "inputs": { "message": { "js": "'signed in as ' + user + ' with ' + pass" } } },
              { "id": "done", "type": "SetVariable", "inputs": { "variable": "signedInAs", "value": { "js": "user + ':' + pass" } } }
            ]
          }
        }
        """;

    [Fact]
    public async Task The_CRM_password_from_the_vault_signs_in_and_never_appears_in_plaintext_anywhere()
    {
        var app = RpaServer.Build(
        [
            "--urls=http://127.0.0.1:0", $"--Rpa:DataDirectory={_data}", "--Rpa:BotsDirectory=", "--Rpa:Serve:PracticeApps=false", "--Rpa:Serve:Dashboard=false",
        ]);
        var responses = new StringBuilder();
        JsonObject run;
        await using (app)
        {
            await app.StartAsync();
            var (_, key) = await KeysApi.CreateKeyAsync(app.Services.GetRequiredService<SecurityStore>(), "canary", RpaRole.Admin, 1, "tests", CancellationToken.None);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

            (await http.PutAsJsonAsync("/api/credentials/crm", new { kind = "UsernamePassword", username = "clerk", password = Password })).StatusCode.Should().Be(HttpStatusCode.NoContent);
            var saved = await http.PostAsync("/api/bots", new StringContent(Bot, Encoding.UTF8, "application/json"));
            saved.StatusCode.Should().Be(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
            (await http.PostAsync("/api/bots/crm-canary/versions/1/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            var started = await http.PostAsJsonAsync("/api/runs", new { bot = "crm-canary", inputs = new { url = new Uri(browser.Apps.BaseAddress, "crm/").ToString() } });
            started.StatusCode.Should().Be(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
            var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                run = (await http.GetFromJsonAsync<JsonObject>($"/api/runs/{id}"))!;
                if (run["status"]!.GetValue<string>() is "succeeded" or "failed" or "cancelled") break;
                if (DateTime.UtcNow > deadline) throw new TimeoutException(run.ToJsonString());
                await Task.Delay(100);
            }

            foreach (var url in new[] { $"/api/runs/{id}", $"/api/runs/{id}/journal", $"/api/runs/{id}/logs", $"/api/runs/{id}/artifacts", "/api/runs", "/api/credentials", "/api/audit?limit=1000" })
            {
                responses.AppendLine(await http.GetStringAsync(url));
            }

            await app.StopAsync();
        }

        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        run["outputs"]!["signedInAs"]!.GetValue<string>().Should().Be("clerk:***");
        responses.ToString().Should().Contain("signed in as clerk with ***").And.NotContain(Password);
        var files = Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories).ToList();
        files.Should().Contain(f => f.EndsWith("rpa.db", StringComparison.Ordinal));
        files.Should().Contain(f => Path.GetFileName(f).StartsWith("rpa-", StringComparison.Ordinal) && f.EndsWith(".log", StringComparison.Ordinal));
        var logs = string.Concat(files.Where(f => f.EndsWith(".log", StringComparison.Ordinal)).Select(File.ReadAllText));
        logs.Should().Contain("signed in as clerk with ***", "the log file has the run's log line, masked");
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Encoding.UTF8.GetString(bytes).Should().NotContain(Password, $"{file} holds the password in plaintext");
            Encoding.Unicode.GetString(bytes).Should().NotContain(Password, $"{file} holds the password in UTF-16");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
