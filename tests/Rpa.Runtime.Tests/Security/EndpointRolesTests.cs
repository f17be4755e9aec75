using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Host.Api.Security;

namespace Rpa.Runtime.Tests.Security;

/// <summary>
/// Every endpoint the host maps (so also the ones added later) × every role: anonymous → 401 unless the endpoint allows
/// anonymous callers, each role below the required one → 403, the required role and above → neither.
/// </summary>
public sealed class EndpointRolesTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static readonly RpaRole[] Roles = Enum.GetValues<RpaRole>();

    [Fact]
    public void Every_endpoint_declares_its_least_role_or_that_it_allows_anonymous_callers()
    {
        var missing = Endpoints()
            .Where(e => e.Metadata.GetMetadata<RequiresRoleAttribute>() is null && e.Metadata.GetMetadata<AllowsAnonymousAttribute>() is null)
            .Select(Describe)
            .ToList();

        Endpoints().Should().NotBeEmpty();
        missing.Should().BeEmpty("every endpoint needs .RequiresRole(role) or .AllowsAnonymous() (runtime/Rpa.Host/Api/Security)");
    }

    [Fact]
    public async Task Every_endpoint_answers_401_to_anonymous_callers_403_to_lower_roles_and_lets_its_role_through()
    {
        var clients = new Dictionary<RpaRole, HttpClient>();
        foreach (var role in Roles) clients[role] = server.Factory.CreateClientAs(role);
        using var anonymous = server.Factory.CreateClient();
        var table = new List<string>();
        var failures = new List<string>();

        foreach (var endpoint in Endpoints())
        {
            var anonymousAllowed = endpoint.Metadata.GetMetadata<AllowsAnonymousAttribute>() is not null;
            var required = endpoint.Metadata.GetMetadata<RequiresRoleAttribute>()?.Role;
            foreach (var method in Methods(endpoint))
            {
                var url = Url(endpoint.RoutePattern);
                var row = new StringBuilder($"{method} {url} ({(anonymousAllowed ? "anonymous" : required?.ToString() ?? "no role")}):");

                var status = await SendAsync(anonymous, method, url);
                row.Append($" anonymous {(int)status}");
                if (!anonymousAllowed && status != HttpStatusCode.Unauthorized) failures.Add($"{method} {url} anonymous: {(int)status}, expected 401");
                if (anonymousAllowed && status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) failures.Add($"{method} {url} anonymous: {(int)status}, expected it allowed");

                foreach (var role in Roles)
                {
                    status = await SendAsync(clients[role], method, url);
                    row.Append($", {role} {(int)status}");
                    var allowed = anonymousAllowed || (required is { } r && role >= r);
                    if (allowed && status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) failures.Add($"{method} {url} as {role}: {(int)status}, expected it allowed");
                    if (!allowed && status != HttpStatusCode.Forbidden) failures.Add($"{method} {url} as {role}: {(int)status}, expected 403");
                }

                table.Add(row.ToString());
            }
        }

        foreach (var client in clients.Values) client.Dispose();
        table.Should().Contain(row => row.StartsWith("POST /api/runs/ ", StringComparison.Ordinal));
        failures.Should().BeEmpty("the table was:\n" + string.Join("\n", table));
    }

    [Fact]
    public async Task Denials_are_problem_details_that_say_what_is_needed()
    {
        using var anonymous = server.Factory.CreateClient();
        using var viewer = server.Factory.CreateClientAs(RpaRole.Viewer);

        var unauthorized = await anonymous.GetAsync("/api/runs");
        var forbidden = await viewer.PostJsonTextAsync("/api/runs", """{"bot":"hello"}""");

        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unauthorized.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await unauthorized.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("/api/auth/sign-in");
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await forbidden.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("needs the role Operator").And.Contain("is Viewer");
    }

    [Fact]
    public async Task The_Hangfire_dashboard_needs_an_Operator_and_only_an_Admin_may_act_on_jobs()
    {
        using var anonymous = server.Factory.CreateClient();
        using var viewer = server.Factory.CreateClientAs(RpaRole.Viewer);
        using var operatorClient = server.Factory.CreateClientAs(RpaRole.Operator);
        using var admin = server.Factory.CreateClientAs(RpaRole.Admin);

        (await anonymous.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await viewer.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await operatorClient.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.OK);
        // A read-only dashboard refuses the commands (Hangfire answers 401 to them).
        var retry = await operatorClient.PostAsync("/hangfire/jobs/failed/requeue", new FormUrlEncodedContent([new("jobs[]", "1")]));
        retry.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    internal static IEnumerable<RouteEndpoint> EndpointsOf(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal);

    internal static IEnumerable<string> Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    /// <summary>A concrete URL for a route pattern: a new GUID for GUID parameters, 1 for numbers, "hello" for the rest.</summary>
    internal static string Url(RoutePattern pattern)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Value(parameter),
                    _ => "",
                });
            }
        }

        if (pattern.PathSegments.Count == 0 || pattern.RawText?.EndsWith('/') == true) url.Append('/');
        return url.ToString().Replace("//", "/", StringComparison.Ordinal);
    }

    internal static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string url, string body = "{}")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        // A streaming endpoint (server-sent events) answers its headers and keeps going: the status is all we need.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return response.StatusCode;
    }

    private static string Value(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Contains("guid")) return Guid.NewGuid().ToString();
        if (constraints.Any(c => c is "int" or "long" or "decimal" or "double")) return "1";
        return parameter.Name switch
        {
            "version" => "1",
            "token" => "not-a-token",
            _ => "hello",
        };
    }

    private static string Describe(RouteEndpoint endpoint) => $"{string.Join(",", Methods(endpoint))} {endpoint.RoutePattern.RawText}";

    private IEnumerable<RouteEndpoint> Endpoints() => EndpointsOf(server.Factory.Services);
}
