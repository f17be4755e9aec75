using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Security;

namespace Rpa.Runtime.Tests.Security;

public sealed class VaultTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private const string Canary = "canary-Secret-7731";

    private RuntimeFactory Factory => server.Factory;

    /// <summary>Reads a credential, logs it, copies it to an output, and fails with it in the message.</summary>
    private static string LeakyBot(string name, string credential) => $$"""
        {
          "format": 1,
          "name": "{{name}}",
          "version": 1,
          "outputs": [ { "name": "leaked", "type": "text" }, { "name": "user", "type": "text" } ],
          "variables": [ { "name": "pass", "type": "text" } ],
          "root": {
            "id": "flow",
            "type": "Sequence",
            "activities": [
              { "id": "read", "type": "GetCredential", "inputs": { "name": "{{credential}}" }, "outputs": { "username": "user", "password": "pass" } },
              { "id": "say", "type": "Log", "inputs": { "message": { "js": "'signing in as ' + user + ' with ' + pass" } } },
              { "id": "copy", "type": "SetVariable", "inputs": { "variable": "leaked", "value": { "js": "pass + '!'" } } },
              { "id": "stop", "type": "Fail", "inputs": { "message": { "js": "'could not sign in with ' + pass" } } }
            ]
          }
        }
        """;

    [Fact]
    public async Task A_credential_is_write_only_encrypted_at_rest_and_masked_everywhere_a_run_writes()
    {
        using var admin = Factory.CreateClientAs(RpaRole.Admin);
        var put = await admin.PutAsJsonAsync("/api/credentials/crm", new { kind = "UsernamePassword", username = "clerk", password = Canary });
        put.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await admin.SaveAndPublishAsync(LeakyBot("leaky", "crm"));

        var id = await admin.StartRunAsync("leaky");
        var run = await admin.WaitForRunAsync(id);

        run["status"]!.GetValue<string>().Should().Be("failed");
        run["outputs"]!["user"]!.GetValue<string>().Should().Be("clerk", "the run did read the credential");
        run["outputs"]!["leaked"]!.GetValue<string>().Should().Be("***!");
        run.ToJsonString().Should().Contain("could not sign in with ***");
        var logs = await admin.GetStringAsync($"/api/runs/{id}/logs");
        logs.Should().Contain("signing in as clerk with ***");

        var responses = new StringBuilder();
        foreach (var url in new[] { $"/api/runs/{id}", $"/api/runs/{id}/journal", $"/api/runs/{id}/logs", "/api/runs", "/api/credentials", "/api/audit?limit=1000" })
        {
            responses.AppendLine(await admin.GetStringAsync(url));
        }

        responses.ToString().Should().NotContain(Canary);
        responses.ToString().Should().Contain("\"name\":\"crm\"").And.Contain("UsernamePassword");
        Factory.Logs.ToString().Should().NotContain(Canary);
        foreach (var file in Directory.EnumerateFiles(Factory.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Encoding.UTF8.GetString(bytes).Should().NotContain(Canary, $"{file} holds the secret in plaintext");
            Encoding.Unicode.GetString(bytes).Should().NotContain(Canary, $"{file} holds the secret in UTF-16");
        }
    }

    [Fact]
    public async Task The_vault_refuses_bad_credentials_and_a_missing_one_fails_the_run_with_its_name()
    {
        using var admin = Factory.CreateClientAs(RpaRole.Admin);
        using var engineer = Factory.CreateClientAs(RpaRole.Engineer);

        (await admin.PutAsJsonAsync("/api/credentials/x", new { kind = "UsernamePassword", username = "a" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/credentials/x", new { kind = "Magic", token = "abc" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/credentials/x", new { kind = "ApiToken", token = "abc", extra = 1 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/credentials/x", new { kind = "Smtp", host = "mail", port = 70000 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/credentials/bad%20name", new { kind = "ApiToken", token = "abc" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await engineer.PutAsJsonAsync("/api/credentials/x", new { kind = "ApiToken", token = "abc" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await admin.SaveAndPublishAsync(LeakyBot("no-credential", "nothing-here"));
        var run = await admin.WaitForRunAsync(await admin.StartRunAsync("no-credential"));
        run["status"]!.GetValue<string>().Should().Be("failed");
        run["error"]!["message"]!.GetValue<string>().Should().Contain("The vault has no credential 'nothing-here'");
    }

    [Fact]
    public async Task Engineers_may_list_credential_names_and_kinds_but_not_write_them()
    {
        using var admin = Factory.CreateClientAs(RpaRole.Admin);
        using var engineer = Factory.CreateClientAs(RpaRole.Engineer);
        using var operatorClient = Factory.CreateClientAs(RpaRole.Operator);
        (await admin.PutAsJsonAsync("/api/credentials/erp", new { kind = "ApiToken", token = Canary })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var listed = await engineer.GetAsync("/api/credentials");
        var denied = await operatorClient.GetAsync("/api/credentials");

        listed.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await listed.Content.ReadAsStringAsync();
        JsonNode.Parse(body)!.AsArray().Should().Contain(c => c!["name"]!.GetValue<string>() == "erp" && c["kind"]!.GetValue<string>() == "ApiToken");
        body.Should().NotContain(Canary);
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await denied.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("needs the role Engineer");
        (await engineer.DeleteAsync("/api/credentials/erp")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_credential_can_be_replaced_and_deleted_and_the_audit_log_says_who()
    {
        using var admin = Factory.CreateClientAs(RpaRole.Admin);
        (await admin.PutAsJsonAsync("/api/credentials/mail", new { kind = "Smtp", host = "127.0.0.1", port = 2525, username = "bot", password = "smtp-pass-1" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.PutAsJsonAsync("/api/credentials/mail", new { kind = "Smtp", host = "127.0.0.1", port = 2525, username = "bot", password = "smtp-pass-2" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var vault = Factory.Services.GetRequiredService<CredentialVault>();
        (await vault.GetAsync("mail", CancellationToken.None))!.Password.Should().Be("smtp-pass-2");

        (await admin.DeleteAsync("/api/credentials/mail")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.DeleteAsync("/api/credentials/mail")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var audit = (await admin.GetFromJsonAsync<JsonArray>("/api/audit?limit=1000"))!;
        var actions = audit.Where(e => e!["target"]!.GetValue<string>() == "credential:mail").Select(e => e!["action"]!.GetValue<string>()).ToList();
        actions.Should().Contain(["credential.created", "credential.updated", "credential.deleted"]);
        audit.ToJsonString().Should().NotContain("smtp-pass");
    }
}
