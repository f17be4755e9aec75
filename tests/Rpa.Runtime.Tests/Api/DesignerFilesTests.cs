using Rpa.Host.Api.Security;
using System.Net;

namespace Rpa.Runtime.Tests.Api;

/// <summary>`rpa serve` serves the built designer at / with a fallback for its client routes, and keeps the server's paths.</summary>
public sealed class DesignerFilesTests : IAsyncLifetime
{
    private readonly string _data = RuntimeFactory.NewDataDirectory();
    private RuntimeFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        var dist = Directory.CreateDirectory(Path.Combine(_data, "dist"));
        File.WriteAllText(Path.Combine(dist.FullName, "index.html"), "<!doctype html><title>designer</title>");
        Directory.CreateDirectory(Path.Combine(dist.FullName, "assets"));
        File.WriteAllText(Path.Combine(dist.FullName, "assets", "app.js"), "console.log('designer');");
        _factory = new RuntimeFactory(_data, settings: new Dictionary<string, string?> { ["Rpa:Serve:Designer"] = dist.FullName });
        _client = _factory.CreateClientAs(RpaRole.Admin);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/runs/0195a3c1-0000-7000-8000-000000000000")]
    [InlineData("/bots/hello/triggers")]
    public async Task The_designer_page_answers_its_own_routes(string path)
    {
        var response = await _client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<title>designer</title>");
    }

    [Fact]
    public async Task Its_files_are_served_as_they_are()
    {
        var response = await _client.GetAsync("/assets/app.js");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("console.log('designer');");
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/health/nothing-here")]
    [InlineData("/openapi/nothing-here")]
    public async Task Unknown_server_paths_stay_a_404_problem_not_the_designer_page(string path)
    {
        var response = await _client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_post_without_a_json_body_still_reaches_its_endpoint()
    {
        var id = Guid.NewGuid();

        var response = await _client.PostAsync($"/api/approvals/{id}/approve", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Be($"There is no approval {id}.");
    }

    [Fact]
    public async Task The_api_and_health_keep_answering()
    {
        (await _client.GetAsync("/api/bots")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
