using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Security;

namespace Rpa.Runtime.Tests.Security;

public sealed class AuthTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private RuntimeFactory Factory => server.Factory;

    [Fact]
    public async Task First_start_creates_admin_without_a_password_and_a_one_time_link_that_sets_it_and_signs_in()
    {
        var token = Factory.Services.GetRequiredService<FirstStartAdmin>().Token;
        token.Should().NotBeNullOrEmpty();
        using var browser = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

        var page = await browser.GetAsync($"/api/auth/link/{token}");
        var before = await browser.GetAsync("/api/auth/me");
        var set = await browser.PostAsync($"/api/auth/link/{token}", new FormUrlEncodedContent([new("password", "first-admin-pass-1"), new("confirm", "first-admin-pass-1")]));
        var me = await browser.GetFromJsonAsync<JsonObject>("/api/auth/me");
        var again = await browser.PostAsJsonAsync($"/api/auth/link/{token}", new { password = "another-password-2" });

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("admin").And.Contain("type=\"password\"");
        before.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        set.StatusCode.Should().Be(HttpStatusCode.Redirect);
        me!["name"]!.GetValue<string>().Should().Be("admin");
        me["role"]!.GetValue<string>().Should().Be("Admin");
        again.StatusCode.Should().Be(HttpStatusCode.NotFound, "a sign-in link works once");

        using var other = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var signIn = await other.PostAsJsonAsync("/api/auth/sign-in", new { userName = "admin", password = "first-admin-pass-1" });
        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        signIn.Headers.GetValues("Set-Cookie").Single().Should().Contain("httponly").And.Contain("samesite=strict");
        (await other.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_user_and_a_user_without_password_are_all_401()
    {
        using var client = Factory.CreateClient();
        var store = Factory.Services.GetRequiredService<SecurityStore>();
        await store.CreateUserAsync("nopassword", "Viewer", CancellationToken.None);
        using var signedIn = await Factory.CreateSignedInClientAsync(RpaRole.Viewer, "wrongpass", "the-right-password");

        foreach (var (user, password) in new[] { ("wrongpass", "the-wrong-password"), ("nobody", "whatever-password"), ("nopassword", "") })
        {
            var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = user, password });
            response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest);
            if (password.Length > 0) response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, user);
        }

        (await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "wrongpass", password = "the-right-password" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_Admin_creates_a_user_who_sets_a_password_through_the_link_and_disabling_ends_their_session()
    {
        using var admin = Factory.CreateClientAs(RpaRole.Admin);
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = "ada", role = "Operator" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.ReadObjectAsync();
        var link = new Uri(body["signInLink"]!.GetValue<string>());
        var id = body["id"]!.GetValue<Guid>();
        body["hasPassword"]!.GetValue<bool>().Should().BeFalse();

        using var ada = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        (await ada.PostAsJsonAsync(link.PathAndQuery, new { password = "short" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ada.PostAsJsonAsync(link.PathAndQuery, new { password = "ada-lovelace-1815" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ada.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["role"]!.GetValue<string>().Should().Be("Operator");
        (await ada.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await admin.PostAsync($"/api/users/{id}/disable", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ada.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the cookie of a disabled user stops working");
        (await ada.PostAsJsonAsync("/api/auth/sign-in", new { userName = "ada", password = "ada-lovelace-1815" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await admin.PostAsync($"/api/users/{id}/enable", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/users/{id}/role", new { role = "Engineer" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ada.PostAsJsonAsync("/api/auth/sign-in", new { userName = "ada", password = "ada-lovelace-1815" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ada.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["role"]!.GetValue<string>().Should().Be("Engineer");
    }

    [Fact]
    public async Task Users_endpoints_reject_unknown_fields_bad_roles_and_duplicate_names()
    {
        using var admin = Factory.CreateClientAs(RpaRole.Admin);

        var unknown = await admin.PostAsJsonAsync("/api/users", new { userName = "bo", role = "Viewer", password = "x" });
        var badRole = await admin.PostAsJsonAsync("/api/users", new { userName = "bo", role = "Root" });
        var badName = await admin.PostAsJsonAsync("/api/users", new { userName = "bo bo", role = "Viewer" });
        (await admin.PostAsJsonAsync("/api/users", new { userName = "bo", role = "Viewer" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var duplicate = await admin.PostAsJsonAsync("/api/users", new { userName = "bo", role = "Viewer" });

        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("Unknown field 'password'");
        badRole.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        badName.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_API_key_is_shown_once_stored_as_a_hash_works_until_revoked_and_an_expired_one_is_refused()
    {
        using var admin = Factory.CreateClientAs(RpaRole.Admin);
        var created = await admin.PostAsJsonAsync("/api/keys", new { name = "ci", role = "Operator", expiresInDays = 30 });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.ReadObjectAsync();
        var key = body["key"]!.GetValue<string>();
        var id = body["id"]!.GetValue<Guid>();
        key.Should().StartWith("rpa_");
        body["prefix"]!.GetValue<string>().Should().Be(key[..12]);

        var list = await admin.GetStringAsync("/api/keys");
        list.Should().Contain(key[..12]).And.NotContain(key).And.NotContain(SecretTokens.Hash(key));
        var record = await Factory.Services.GetRequiredService<SecurityStore>().FindApiKeyAsync(SecretTokens.Hash(key), CancellationToken.None);
        record!.Hash.Should().Be(SecretTokens.Hash(key));

        using var ci = Factory.CreateClient();
        ci.DefaultRequestHeaders.Add("X-Api-Key", key);
        (await ci.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["kind"]!.GetValue<string>().Should().Be("key");
        (await ci.GetAsync("/api/runs")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.DeleteAsync($"/api/keys/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var revoked = await ci.GetAsync("/api/runs");
        revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await revoked.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("revoked");

        var store = Factory.Services.GetRequiredService<SecurityStore>();
        var expired = SecretTokens.New(SecretTokens.ApiKeyPrefix);
        await store.AddApiKeyAsync(new ApiKeyRecord
        {
            Id = Guid.NewGuid(), Name = "old", Prefix = expired[..12], Hash = SecretTokens.Hash(expired), Role = "Admin",
            CreatedBy = "tests", CreatedAt = DateTime.UtcNow.AddDays(-10), ExpiresAt = DateTime.UtcNow.AddDays(-1),
        }, CancellationToken.None);
        using var old = Factory.CreateClient();
        old.DefaultRequestHeaders.Authorization = new("Bearer", expired);
        var refused = await old.GetAsync("/api/runs");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await refused.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("expired");

        (await admin.PostAsJsonAsync("/api/keys", new { name = "x", role = "Viewer", expiresInDays = 0 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/keys", new { name = "x", role = "Viewer", expiresInDays = "soon" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_audit_log_records_who_published_a_bot_started_and_cancelled_a_run_and_changed_users_and_keys()
    {
        using var admin = Factory.CreateClientAs(RpaRole.Admin);
        using var engineer = Factory.CreateClientAs(RpaRole.Engineer);
        using var operatorClient = Factory.CreateClientAs(RpaRole.Operator);

        await engineer.SaveAndPublishAsync(TestBots.Greeter("audited"));
        var run = await operatorClient.StartRunAsync("audited", new JsonObject { ["who"] = "Al", ["times"] = 1 });
        await operatorClient.PostAsync($"/api/runs/{run}/cancel", null);
        await admin.PostAsJsonAsync("/api/users", new { userName = "audited-user", role = "Viewer" });
        var key = (await (await admin.PostAsJsonAsync("/api/keys", new { name = "audited-key", role = "Viewer" })).ReadObjectAsync())["key"]!.GetValue<string>();

        var entries = (await admin.GetFromJsonAsync<JsonArray>("/api/audit?limit=1000"))!.Select(e => e!.AsObject()).ToList();
        string Line(JsonObject e) => $"{e["actor"]} {e["action"]} {e["target"]}";
        var lines = entries.Select(Line).ToList();

        lines.Should().Contain(l => l.StartsWith("key:test-engineer (rpa_", StringComparison.Ordinal) && l.Contains("bot.saved bot:audited v1"));
        lines.Should().Contain(l => l.StartsWith("key:test-engineer", StringComparison.Ordinal) && l.Contains("bot.published bot:audited v1"));
        lines.Should().Contain(l => l.StartsWith("key:test-operator", StringComparison.Ordinal) && l.Contains($"run.started run:{run}"));
        lines.Should().Contain(l => l.StartsWith("key:test-operator", StringComparison.Ordinal) && l.Contains($"run.cancelled run:{run}"));
        lines.Should().Contain(l => l.StartsWith("key:test-admin", StringComparison.Ordinal) && l.Contains("user.created user:audited-user"));
        lines.Should().Contain(l => l.StartsWith("key:test-admin", StringComparison.Ordinal) && l.Contains("key.created key:audited-key"));
        (await operatorClient.GetAsync("/api/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        string.Join("\n", entries.Select(e => e.ToJsonString())).Should().NotContain(key, "no key is written to the audit log");
    }

    [Fact]
    public void The_audit_log_has_no_endpoint_that_changes_it()
    {
        var audit = EndpointRolesTests.EndpointsOf(Factory.Services).Where(e => e.RoutePattern.RawText!.StartsWith("/api/audit", StringComparison.Ordinal)).ToList();

        audit.Should().NotBeEmpty();
        audit.SelectMany(EndpointRolesTests.Methods).Should().OnlyContain(m => m == "GET");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", false, true)]
    [InlineData("http://localhost:5080;http://[::1]:5080", false, true)]
    [InlineData("https://0.0.0.0:5443", false, true)]
    [InlineData("http://0.0.0.0:5080", false, false)]
    [InlineData("http://*:5080", false, false)]
    [InlineData("http://192.168.1.10:5080", false, false)]
    [InlineData("http://127.0.0.1:5080;http://+:8080", false, false)]
    [InlineData("http://0.0.0.0:5080", true, true)]
    public void Serve_refuses_plain_HTTP_on_addresses_other_than_loopback_unless_allowed(string urls, bool allowInsecure, bool accepted)
    {
        var problem = ListenAddressCheck.Problem(urls, allowInsecure);

        if (accepted) problem.Should().BeNull();
        else problem.Should().Contain("refusing to listen").And.Contain("--allow-insecure-http");
    }
}
