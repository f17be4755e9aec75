using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rpa.Runtime.Tests.Api;

/// <summary>Runs on both stores: <see cref="BotsApiOnSqliteTests"/> and <see cref="BotsApiOnPostgresTests"/>.</summary>
public abstract class BotsApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Sample_bots_are_imported_and_published_at_start_up()
    {
        var bots = (await _client.GetFromJsonAsync<JsonArray>("/api/bots"))!;
        var names = bots.Select(b => b!["name"]!.GetValue<string>()).ToList();
        names.Should().Contain(["hello", "sales-report", "input-forms-challenge", "data-entry"]);
        bots.Single(b => b!["name"]!.GetValue<string>() == "hello")!["publishedVersion"]!.GetValue<int>().Should().Be(1);

        var published = (await _client.GetFromJsonAsync<JsonObject>("/api/bots/hello/versions/published"))!;
        published["definition"]!["name"]!.GetValue<string>().Should().Be("hello");
        published["queue"]!.GetValue<string>().Should().Be("default");
        var browser = (await _client.GetFromJsonAsync<JsonObject>("/api/bots/input-forms-challenge/versions/latest"))!;
        browser["queue"]!.GetValue<string>().Should().Be("browser", "a bot with Browser activities goes to the browser queue");
    }

    [Fact]
    public async Task Creating_a_version_answers_201_with_its_location_and_publish_makes_it_the_one_that_runs()
    {
        var first = await _client.PostJsonTextAsync("/api/bots", TestBots.Greeter("create-test"));
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        first.Headers.Location!.ToString().Should().Be("/api/bots/create-test/versions/1");
        var second = await _client.PostJsonTextAsync("/api/bots", TestBots.Greeter("create-test"));
        (await second.ReadObjectAsync())["version"]!.GetValue<int>().Should().Be(2);

        var unpublished = await _client.PostAsJsonAsync("/api/runs", new JsonObject { ["bot"] = "create-test" });
        unpublished.StatusCode.Should().Be(HttpStatusCode.NotFound, "no version is published yet");

        var publish = await _client.PostAsync("/api/bots/create-test/versions/2/publish", null);
        var bot = await publish.ReadObjectAsync();
        bot["latestVersion"]!.GetValue<int>().Should().Be(2);
        bot["publishedVersion"]!.GetValue<int>().Should().Be(2);
        (await _client.PostAsync("/api/bots/create-test/versions/9/publish", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_invalid_bot_is_a_400_problem_listing_every_problem_with_activity_and_property()
    {
        var response = await _client.PostJsonTextAsync("/api/bots", TestBots.Broken("broken-test"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadObjectAsync();
        var problems = problem["problems"]!.AsArray();
        problems.Should().HaveCountGreaterThanOrEqualTo(2);
        problems.Should().Contain(p => p!["activityId"]!.GetValue<string>() == "first" && p["property"]!.GetValue<string>() == "type");
        problems.Should().Contain(p => p!["activityId"]!.GetValue<string>() == "second" && p["message"]!.GetValue<string>().Contains("missing"));
        problem["errors"]!.AsObject().Should().ContainKey("first:type");
        (await _client.GetAsync("/api/bots/broken-test")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing is saved");
    }

    [Fact]
    public async Task Validate_reports_problems_without_saving()
    {
        var valid = await (await _client.PostJsonTextAsync("/api/bots/validate", TestBots.Greeter("validate-test"))).ReadObjectAsync();
        valid["valid"]!.GetValue<bool>().Should().BeTrue();
        var invalid = await (await _client.PostJsonTextAsync("/api/bots/validate", TestBots.Broken("validate-test"))).ReadObjectAsync();
        invalid["valid"]!.GetValue<bool>().Should().BeFalse();
        invalid["problems"]!.AsArray().Should().HaveCountGreaterThanOrEqualTo(2);
        (await _client.GetAsync("/api/bots/validate-test")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/bots", "{ \"name\": ")]
    [InlineData("/api/bots", "")]
    [InlineData("/api/runs", "{ \"bot\": \"hello\", ")]
    [InlineData("/api/runs", "[1, 2]")]
    [InlineData("/api/runs", "{ \"bot\": 42 }")]
    [InlineData("/api/runs", "{ \"bot\": \"hello\", \"inputs\": [] }")]
    public async Task Malformed_json_is_a_400_problem_not_a_500(string url, string body)
    {
        var response = await _client.PostJsonTextAsync(url, body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ReadObjectAsync())["status"]!.GetValue<int>().Should().Be(400);
    }

    [Theory]
    [InlineData("/api/bots/no-such-bot")]
    [InlineData("/api/bots/no-such-bot/versions/latest")]
    [InlineData("/api/bots/hello/versions/99")]
    [InlineData("/api/runs/8a1e3c52-0000-4000-8000-000000000000")]
    [InlineData("/api/runs/8a1e3c52-0000-4000-8000-000000000000/journal")]
    public async Task Unknown_things_are_404_problems(string url)
    {
        var response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Activities_openapi_and_health_answer()
    {
        var activities = (await _client.GetFromJsonAsync<JsonArray>("/api/activities"))!;
        activities.Select(a => a!["type"]!.GetValue<string>()).Should().Contain(["Delay", "Log", "Click"]);

        var openApi = (await _client.GetFromJsonAsync<JsonObject>("/openapi"))!;
        openApi["paths"]!.AsObject().Should().ContainKeys("/api/runs", "/api/bots", "/api/runs/{id}/cancel");

        var health = await _client.GetAsync("/health");
        var body = await health.ReadObjectAsync();
        body["checks"]!["store"]!["status"]!.GetValue<string>().Should().Be("healthy");
        body["checks"]!["hangfire"]!["status"]!.GetValue<string>().Should().Be("healthy");
        body["checks"]!.AsObject().Should().ContainKey("chromium");
        body["checks"]!["tesseract"]!["status"]!.GetValue<string>().Should().Be("healthy", "libtesseract5 and tesseract-ocr-eng are installed here: {0}", body["checks"]!["tesseract"]);
        body["checks"]!["tesseract"]!["detail"]!.GetValue<string>().Should().StartWith("Tesseract 5.");
    }

    [Fact]
    public async Task A_bot_with_OCR_activities_goes_to_the_ocr_queue()
    {
        var ocr = (await _client.GetFromJsonAsync<JsonObject>("/api/bots/invoice-capture/versions/latest"))!;
        ocr["queue"]!.GetValue<string>().Should().Be("ocr", "a bot with OCR activities goes to the ocr queue");
    }
}
