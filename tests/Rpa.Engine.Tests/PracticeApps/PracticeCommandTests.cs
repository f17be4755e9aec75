using Rpa.Host.Cli;

namespace Rpa.Engine.Tests.PracticeApps;

/// <summary>`rpa practice`: serves the apps, prints the URLs, stops on cancellation.</summary>
public sealed class PracticeCommandTests
{
    [Fact]
    public async Task Practice_prints_the_urls_and_stops_cleanly_when_cancelled()
    {
        var printed = new StringWriter();
        var output = TextWriter.Synchronized(printed);
        var error = new StringWriter();
        using var cancel = new CancellationTokenSource();

        var run = RpaCli.RunAsync(["practice", "--port", "0", "--fast", "--quiet"], output, error, cancel.Token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Printed().Contains("Press Ctrl+C to stop.") && DateTime.UtcNow < deadline && !run.IsCompleted) await Task.Delay(50);
        var text = Printed();
        var url = System.Text.RegularExpressions.Regex.Match(text, @"crm:\s+(http://127\.0\.0\.1:\d+/crm/login)").Groups[1].Value;
        using (var http = new HttpClient())
        {
            (await http.GetStringAsync(url)).Should().Contain(">Sign in</button>");
        }

        await cancel.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(20));

        code.Should().Be(ExitCodes.Succeeded, error.ToString());
        text.Should().MatchRegex(@"Practice apps on http://127\.0\.0\.1:\d+/")
            .And.MatchRegex(@"challenge: http://127\.0\.0\.1:\d+/challenge/")
            .And.Contain("user 'clerk', password 'practice-Secret-42'")
            .And.Contain("Saving a customer is immediate (--fast).");
        Printed().Should().Contain("Stopping the practice apps.");

        // The synchronized writer locks on itself while writing.
        string Printed()
        {
            lock (output) return printed.ToString();
        }
    }

    [Fact]
    public async Task Practice_on_a_taken_port_says_so()
    {
        await using var first = await Rpa.Host.PracticeApps.PracticeAppsServer.StartAsync(
            new() { Port = 0, SlowResponses = false, StaticRoot = Cli.RepositoryRoot.Combine("bots", "practice-apps") }, CancellationToken.None);
        var error = new StringWriter();

        var code = await RpaCli.RunAsync(["practice", "--port", first.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], new StringWriter(), error);

        code.Should().Be(ExitCodes.Invalid);
        error.ToString().Should().Contain($"cannot listen on 127.0.0.1:{first.BaseAddress.Port}");
    }
}
