using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Rpa.Host.Api.Security;

namespace Rpa.Runtime.Tests.Security;

/// <summary>
/// A few hundred malformed bodies to every write endpoint (so also the ones added later): never a 5xx, problem details
/// for every 4xx with a body, and the runtime keeps serving.
/// </summary>
public sealed class MalformedBodyTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    [Fact]
    public async Task Malformed_bodies_to_every_write_endpoint_get_4xx_problem_details_and_the_runtime_keeps_serving()
    {
        using var admin = server.Factory.CreateClientAs(RpaRole.Admin);
        var failures = new List<string>();
        var sent = 0;
        var writes = EndpointRolesTests.EndpointsOf(server.Factory.Services)
            .SelectMany(e => EndpointRolesTests.Methods(e).Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE").Select(m => (Method: m, Endpoint: e)))
            .ToList();
        writes.Should().Contain(w => w.Endpoint.RoutePattern.RawText == "/api/runs/");

        foreach (var (method, endpoint) in writes)
        {
            var url = EndpointRolesTests.Url(endpoint.RoutePattern);
            foreach (var (contentType, body) in Bodies())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                using var response = await admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                sent++;
                var status = (int)response.StatusCode;
                if (status >= 500) failures.Add($"{method} {url} with {contentType} {Show(body)}: {status} {await response.Content.ReadAsStringAsync()}");
                else if (status >= 400 && response.Content.Headers.ContentLength is not 0 && response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "text/html"))
                {
                    failures.Add($"{method} {url} with {contentType} {Show(body)}: {status} as {response.Content.Headers.ContentType}, not problem details");
                }
            }
        }

        sent.Should().BeGreaterThan(1000);
        failures.Should().BeEmpty(string.Join("\n", failures.Take(50)));
        (await admin.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetAsync("/api/runs")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_problem_details()
    {
        using var admin = server.Factory.CreateClientAs(RpaRole.Admin);
        var huge = new byte[11 * 1024 * 1024];
        Array.Fill(huge, (byte)' ');

        using var content = new ByteArrayContent(huge);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await admin.PostAsync("/api/bots", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("Rpa:Security:MaxRequestBodyBytes");
    }

    /// <summary>About 200 bodies: truncations, wrong types, huge numbers, deep nesting, invalid UTF-8, wrong content types, random bytes.</summary>
    private static IEnumerable<(string ContentType, byte[] Body)> Bodies()
    {
        const string json = "application/json";
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        const string valid = """{"bot":"hello","version":1,"inputs":{"who":"Ada"},"userName":"x","role":"Viewer","name":"k","kind":"ApiToken","token":"abcdef","password":"long-enough-password"}""";
        for (var length = 0; length < valid.Length; length += 3) yield return (json, Utf8(valid[..length]));
        string[] values = ["null", "true", "0", "-1", "1e400", "123456789012345678901234567890", "\"\"", "\"x\"", "[]", "{}", "[[[]]]", "\"\\u0000\"", "\"\\ud800\"", "NaN", "-0.0e-999"];
        string[] fields = ["bot", "version", "inputs", "userName", "role", "name", "expiresInDays", "kind", "password", "token", "port", "unknownField"];
        foreach (var field in fields)
        {
            foreach (var value in values) yield return (json, Utf8($"{{\"{field}\":{value}}}"));
        }

        foreach (var value in values) yield return (json, Utf8(value));
        yield return (json, Utf8(new string('[', 10_000) + new string(']', 10_000)));
        yield return (json, Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
        yield return (json, Utf8("{\"bot\":\"" + new string('x', 100_000) + "\"}"));
        yield return (json, Utf8("{\"bot\":\"hello\",\"bot\":\"twice\"}"));
        yield return (json, [0x7B, 0x22, 0x62, 0x6F, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]);
        yield return (json, [0xEF, 0xBB, 0xBF, 0x7B, 0x7D]);
        yield return (json, [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]);
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream" })
        {
            yield return (type, Utf8(valid));
            yield return (type, Utf8("<a>&%%%=\r\n--x\r\n"));
        }

        var random = new Random(20261126);
        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[random.Next(1, 300)];
            random.NextBytes(bytes);
            yield return (i % 2 == 0 ? json : "application/x-www-form-urlencoded", bytes);
        }
    }

    private static string Show(byte[] body) => body.Length > 60 ? $"{Encoding.UTF8.GetString(body, 0, 60)}… ({body.Length} bytes)" : Encoding.UTF8.GetString(body);
}
