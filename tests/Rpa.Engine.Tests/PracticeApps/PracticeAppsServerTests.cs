using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using Rpa.Engine.Tests.Cli;
using Rpa.Host.PracticeApps;

namespace Rpa.Engine.Tests.PracticeApps;

/// <summary>The practice apps over HTTP (no browser): challenge data, CRM login, validation, numbering, reset, test hooks.</summary>
public sealed class PracticeAppsServerTests : IAsyncLifetime
{
    private static readonly string[] Columns = ["First Name", "Last Name", "Company Name", "Role in Company", "Address", "Email", "Phone Number"];

    private PracticeAppsServer server = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        server = await PracticeAppsServer.StartAsync(Options(), CancellationToken.None);
        client = NewClient(server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Challenge_data_xlsx_has_the_seven_columns_and_ten_rows()
    {
        using var response = await client.GetAsync("challenge/data.xlsx");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        MiniExcel.GetColumns(xlsx, useHeaderRow: true, excelType: ExcelType.XLSX).Should().Equal(Columns);
        xlsx.Position = 0;
        var rows = ReadXlsx(xlsx);
        rows.Should().HaveCount(10);
        rows.Should().Equal(ChallengeData.Rows.Select(r => r.Values.ToArray()), (a, b) => a.SequenceEqual(b));
        rows[0].Should().Equal("John", "Smith", "IT Solutions", "Medical Engineer", "13 Baker Street", "jsmith@itsolutions.com", "4071234567");
    }

    [Fact]
    public async Task Challenge_data_is_the_same_on_every_request_and_the_csv_matches_the_xlsx()
    {
        var xlsx1 = await client.GetByteArrayAsync("challenge/data.xlsx");
        var xlsx2 = await client.GetByteArrayAsync("challenge/data.xlsx");
        var csv1 = await client.GetStringAsync("challenge/data.csv");
        var csv2 = await client.GetStringAsync("challenge/data.csv");

        xlsx2.Should().Equal(xlsx1);
        csv2.Should().Be(csv1);
        var lines = csv1.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(11);
        lines[0].Should().Be(string.Join(',', Columns));
        lines.Skip(1).Select(l => l.Split(',')).Should().Equal(ReadXlsx(new MemoryStream(xlsx1)), (a, b) => a.SequenceEqual(b));
    }

    [Fact]
    public async Task Committed_copies_of_the_challenge_data_match_the_served_data()
    {
        var folder = RepositoryRoot.Combine("bots", "practice-apps", "challenge");

        (await File.ReadAllTextAsync(Path.Combine(folder, "challenge.csv"))).Should().Be(
            await client.GetStringAsync("challenge/data.csv"),
            "bots/practice-apps/challenge/challenge.csv is a copy of /challenge/data.csv; download it again after changing ChallengeData");
        using var committed = File.OpenRead(Path.Combine(folder, "challenge.xlsx"));
        ReadXlsx(committed).Should().Equal(ReadXlsx(new MemoryStream(await client.GetByteArrayAsync("challenge/data.xlsx"))), (a, b) => a.SequenceEqual(b));
    }

    [Fact]
    public async Task Challenge_page_has_start_submit_a_result_and_the_seven_labelled_fields()
    {
        using var bare = await client.GetAsync("challenge");
        bare.StatusCode.Should().Be(HttpStatusCode.Redirect);
        bare.Headers.Location!.OriginalString.Should().Be("/challenge/");

        var html = await client.GetStringAsync("challenge/");

        foreach (var label in Columns) html.Should().MatchRegex($"<label for=\"[^\"]+\">{Regex.Escape(label)}</label><input id=\"[^\"]+\"");
        html.Should().Contain(">Start</button>").And.Contain(">Submit</button>").And.Contain("data-testid=\"result\"")
            .And.Contain("href=\"data.xlsx\"").And.Contain("href=\"data.csv\"");
        using var script = await client.GetAsync("challenge/challenge.js");
        script.StatusCode.Should().Be(HttpStatusCode.OK);
        (await script.Content.ReadAsStringAsync()).Should().Contain("Congratulations! You completed the challenge: ${correct} out of ${total} fields correct in ${elapsed} milliseconds.");
        (await client.GetAsync("challenge/..%2F..%2FREADME.md")).StatusCode.Should().Be(HttpStatusCode.NotFound, "files outside the app's folder are not served");
    }

    [Fact]
    public async Task Crm_pages_need_login()
    {
        foreach (var page in new[] { "crm/customers", "crm/customers/new", "crm" })
        {
            using var response = await client.GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, page);
            response.Headers.Location!.OriginalString.Should().Be("/crm/login", page);
        }

        using var post = await PostCustomerAsync("Ada Lovelace", "ada@example.com");
        post.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("crm/api/customers")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.GetAsync("crm/login")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Crm_login_rejects_a_wrong_password()
    {
        using var response = await SignInAsync("clerk", "wrong-password");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
        var html = await response.Content.ReadAsStringAsync();
        html.Should().MatchRegex("data-testid=\"error\"[^>]*><p>Invalid username or password.</p>");
        html.Should().Contain("value=\"clerk\"", "the user name is kept");
        (await client.GetAsync("crm/customers")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Crm_login_accepts_the_right_password_and_sets_the_cookie()
    {
        using var response = await SignInAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/crm/customers");
        response.Headers.GetValues("Set-Cookie").Should().ContainSingle().Which.Should().Contain("rpa-practice-crm=").And.Contain("path=/crm").And.Contain("httponly");
        var list = await client.GetStringAsync("crm/customers");
        list.Should().Contain("<tr><th scope=\"col\">Id</th><th scope=\"col\">Name</th><th scope=\"col\">Email</th><th scope=\"col\">Phone</th><th scope=\"col\">Company</th><th scope=\"col\">Country</th><th scope=\"col\">Created</th></tr>");
        list.Should().Contain(">New customer</a>").And.Contain("No customers yet.");
        (await client.GetStringAsync("crm/customers/new")).Should().Contain("<label for=\"name\">Name</label>").And.Contain("<select id=\"country\"").And.Contain(">Save</button>");
    }

    [Fact]
    public async Task New_customer_with_a_bad_email_is_refused_with_the_error_next_to_the_form()
    {
        (await SignInAsync()).Dispose();

        using var response = await PostCustomerAsync("Ada Lovelace", "ada-at-example");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().MatchRegex("data-testid=\"error\"[^>]*><p>Email 'ada-at-example' is not a valid address.</p></div>");
        html.Should().Contain("value=\"Ada Lovelace\"", "the form keeps what was typed");
        (await client.GetStringAsync("crm/customers")).Should().Contain("No customers yet.");
    }

    [Fact]
    public async Task New_customer_form_checks_name_phone_and_country()
    {
        (await SignInAsync()).Dispose();

        using var response = await PostCustomerAsync("  ", "ok@example.com", phone: "555-CALL", country: "Atlantis");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("<p>Name is required.</p>")
            .And.Contain("<p>Phone '555-CALL' may contain only digits, spaces, + and -.</p>")
            .And.Contain("<p>Country 'Atlantis' is not one of the listed countries.</p>");
    }

    [Fact]
    public async Task New_customers_are_numbered_from_C_0001_and_listed()
    {
        (await SignInAsync()).Dispose();

        using var first = await PostCustomerAsync("Ada Lovelace", " ada@example.com ", phone: "+44 20 7946-0958", company: "Analytical Engines");
        using var second = await PostCustomerAsync("Grace Hopper", "grace@navy.mil", country: "United States");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync()).Should().MatchRegex("data-testid=\"confirmation\"[^>]*>Customer C-0001 created.</p>").And.Contain(">Back to customers</a>");
        (await second.Content.ReadAsStringAsync()).Should().Contain(">Customer C-0002 created.</p>");
        var list = await client.GetStringAsync("crm/customers");
        list.Should().MatchRegex("<tr data-id=\"C-0001\"><td>C-0001</td><td>Ada Lovelace</td><td>ada@example.com</td><td>\\+44 20 7946-0958</td><td>Analytical Engines</td><td>United Kingdom</td><td>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d</td></tr>");
        list.Should().Contain("<td>C-0002</td><td>Grace Hopper</td>").And.NotContain("No customers yet.");
        (await client.GetStringAsync("crm/api/customers")).Should().Contain("\"id\":\"C-0002\"");
    }

    [Fact]
    public async Task Reset_clears_the_customers_and_starts_the_numbering_again()
    {
        (await SignInAsync()).Dispose();
        (await PostCustomerAsync("Ada Lovelace", "ada@example.com")).Dispose();

        using var reset = await client.PostAsync("crm/api/reset", null);

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetStringAsync("crm/customers")).Should().Contain("No customers yet.").And.NotContain("C-0001");
        using var again = await PostCustomerAsync("Grace Hopper", "grace@navy.mil");
        (await again.Content.ReadAsStringAsync()).Should().Contain("Customer C-0001 created.");
    }

    [Fact]
    public async Task Slow_hook_makes_the_save_wait_the_given_milliseconds()
    {
        (await SignInAsync()).Dispose();
        var watch = Stopwatch.StartNew();

        using var response = await PostCustomerAsync("Slow Sam [slow:400]", "sam@example.com");

        watch.ElapsedMilliseconds.Should().BeGreaterThanOrEqualTo(380);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Customer C-0001 created.");
    }

    [Fact]
    public async Task Flaky_hook_hangs_the_first_attempt_and_answers_a_retry_at_once()
    {
        (await SignInAsync()).Dispose();

        using (var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            var first = () => PostCustomerAsync("Flaky Fred [flaky]", "fred@example.com", cancellationToken: timeout.Token);
            await first.Should().ThrowAsync<OperationCanceledException>();
        }

        var watch = Stopwatch.StartNew();
        using var retry = await PostCustomerAsync("Flaky Fred [flaky]", "fred@example.com");

        watch.ElapsedMilliseconds.Should().BeLessThan(5_000);
        (await retry.Content.ReadAsStringAsync()).Should().Contain("Customer C-0001 created.", "the abandoned first attempt saved nothing");
        using var other = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var anotherName = () => PostCustomerAsync("Flaky Flo [flaky]", "flo@example.com", cancellationToken: other.Token);
        await anotherName.Should().ThrowAsync<OperationCanceledException>("each exact name hangs once");
    }

    [Fact]
    public async Task Slow_responses_delay_every_save_by_the_configured_range()
    {
        await using var slow = await PracticeAppsServer.StartAsync(Options(o =>
        {
            o.SlowResponses = true;
            o.MinDelayMs = 250;
            o.MaxDelayMs = 300;
            o.Seed = 7;
        }), CancellationToken.None);
        using var http = NewClient(slow.BaseAddress);
        (await SignInAsync(http)).Dispose();
        var watch = Stopwatch.StartNew();

        using var response = await PostCustomerAsync("Patient Pat", "pat@example.com", http: http);

        watch.ElapsedMilliseconds.Should().BeGreaterThanOrEqualTo(240);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Customer C-0001 created.");
    }

    [Fact]
    public async Task Each_server_has_its_own_customers_and_its_own_port()
    {
        await using var other = await PracticeAppsServer.StartAsync(Options(), CancellationToken.None);
        using var otherClient = NewClient(other.BaseAddress);
        (await SignInAsync()).Dispose();
        (await SignInAsync(otherClient)).Dispose();

        (await PostCustomerAsync("Ada Lovelace", "ada@example.com")).Dispose();

        other.BaseAddress.Should().NotBe(server.BaseAddress);
        server.BaseAddress.Host.Should().Be("127.0.0.1");
        (await otherClient.GetStringAsync("crm/customers")).Should().Contain("No customers yet.");
    }

    [Fact]
    public async Task Apps_can_be_mounted_under_a_prefix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGroup("/practice").MapPracticeApps(Options());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var http = NewClient(new Uri(address + "/practice/"));

        using var login = await SignInAsync(http);
        login.Headers.Location!.OriginalString.Should().Be("/practice/crm/customers");
        login.Headers.GetValues("Set-Cookie").Single().Should().Contain("path=/practice/crm");
        (await http.GetStringAsync("crm/customers")).Should().Contain("href=\"/practice/crm/customers/new\"").And.Contain("href=\"/practice/crm/assets/crm.css\"");
        (await http.GetStringAsync("challenge/data.csv")).Should().StartWith("First Name,Last Name,");
        (await http.GetStringAsync("")).Should().Contain("href=\"/practice/challenge/\"");
        await app.StopAsync();
    }

    [Fact]
    public async Task Options_without_the_app_files_are_refused()
    {
        var empty = Directory.CreateTempSubdirectory("rpa-practice-").FullName;
        try
        {
            var start = () => PracticeAppsServer.StartAsync(Options(o => o.StaticRoot = empty), CancellationToken.None);

            (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("has no 'challenge' folder");
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    private static PracticeAppsOptions Options(Action<PracticeAppsOptions>? change = null)
    {
        var options = new PracticeAppsOptions
        {
            Port = 0,
            SlowResponses = false,
            StaticRoot = RepositoryRoot.Combine("bots", "practice-apps"),
        };
        change?.Invoke(options);
        return options;
    }

    private static HttpClient NewClient(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(20),
        };

    private Task<HttpResponseMessage> SignInAsync(string user = "clerk", string password = "practice-Secret-42") => SignInAsync(client, user, password);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string user = "clerk", string password = "practice-Secret-42") =>
        http.PostAsync("crm/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = password }));

    private Task<HttpResponseMessage> PostCustomerAsync(
        string name,
        string email,
        string phone = "",
        string company = "",
        string country = "United Kingdom",
        HttpClient? http = null,
        CancellationToken cancellationToken = default) =>
        (http ?? client).PostAsync("crm/customers/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["email"] = email,
            ["phone"] = phone,
            ["company"] = company,
            ["country"] = country,
        }), cancellationToken);

    private static List<string[]> ReadXlsx(Stream xlsx) =>
        MiniExcel.Query(xlsx, useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(row => Columns.Select(c => row[c]?.ToString() ?? "").ToArray())
            .ToList();
}
