using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rpa.Activities;
using Rpa.Activities.Browser;
using Rpa.Engine.Execution;
using Rpa.Engine.Hosting;
using Rpa.Engine.Validation;
using Rpa.Host.PracticeApps;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>
/// What the browser scenario runs against: the practice apps on 127.0.0.1 (in this process), one Chromium for everything
/// (the <see cref="BrowserHost"/> of the runtime's services), and the three ways of doing the challenge. Each run gets a new
/// browser context and page, loads the challenge, clicks Start, and only then is timed: the 10 rounds, up to the 10th submit.
/// </summary>
internal sealed class ChallengeBench : IAsyncDisposable
{
    private readonly PracticeAppsServer _apps;
    private readonly ServiceProvider _services;
    private readonly BrowserHost _host;
    private readonly IReadOnlyList<(string Label, string Value)[]> _rows;
    private readonly string _csv;
    private readonly string _artifacts;
    private readonly CompiledBot _perField;
    private readonly CompiledBot _formLevel;

    private ChallengeBench(PracticeAppsServer apps, ServiceProvider services, string csv, string artifacts)
    {
        _apps = apps;
        _services = services;
        _host = services.GetRequiredService<BrowserHost>();
        _csv = csv;
        _rows = ReadRows(csv);
        _artifacts = artifacts;
        var compiler = services.GetRequiredService<BotCompiler>();
        _perField = compiler.CompileOrThrow(ChallengeBots.PerField());
        _formLevel = compiler.CompileOrThrow(ChallengeBots.FormLevel());
    }

    public int Rounds => _rows.Count;

    public string ChromiumPath => _host.Options.ExecutablePath;

    /// <summary>Starts the practice apps (no slow responses) and Chromium, and compiles the bots.</summary>
    public static async Task<ChallengeBench> StartAsync()
    {
        var options = new PracticeAppsOptions { Port = 0, SlowResponses = false };
        var apps = await PracticeAppsServer.StartAsync(options, CancellationToken.None).ConfigureAwait(false);
        var services = new ServiceCollection()
            .AddRpa(rpa => rpa.AddBuiltInActivities().AddBrowserActivities())
            .BuildServiceProvider();
        var artifacts = Directory.CreateTempSubdirectory("rpa-benchmarks-browser-").FullName;
        ChallengeBench? bench = null;
        try
        {
            bench = new ChallengeBench(apps, services, Path.Combine(options.StaticRoot, "challenge", "challenge.csv"), artifacts);
            await bench._host.GetBrowserAsync(CancellationToken.None).ConfigureAwait(false);
            return bench;
        }
        catch
        {
            if (bench is not null)
            {
                await bench.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await services.DisposeAsync().ConfigureAwait(false);
                await apps.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>(a) Hand-written Playwright: per round, GetByLabel(label).FillAsync(value) field by field, then click Submit.</summary>
    public async Task<ChallengeRun> RunPlaywrightAsync()
    {
        var browser = await _host.GetBrowserAsync(CancellationToken.None).ConfigureAwait(false);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = _host.Options.ViewportWidth, Height = _host.Options.ViewportHeight },
        }).ConfigureAwait(false);
        try
        {
            var page = await context.NewPageAsync().ConfigureAwait(false);
            await page.GotoAsync(_apps.ChallengeUrl.ToString()).ConfigureAwait(false);
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Start", Exact = true }).ClickAsync().ConfigureAwait(false);

            var clock = new RoundsClock();
            clock.Start();
            foreach (var row in _rows)
            {
                foreach (var (label, value) in row)
                {
                    await page.GetByLabel(label).FillAsync(value).ConfigureAwait(false);
                }

                await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Submit", Exact = true }).ClickAsync().ConfigureAwait(false);
            }

            clock.Stop();

            var result = page.GetByTestId("result");
            await result.WaitForAsync().ConfigureAwait(false);
            return new ChallengeRun(clock.Elapsed, clock.BytesAllocated, clock.Collections,
                Number(await result.GetAttributeAsync("data-correct").ConfigureAwait(false), "data-correct"),
                Number(await result.GetAttributeAsync("data-total").ConfigureAwait(false), "data-total"),
                Number(await result.GetAttributeAsync("data-milliseconds").ConfigureAwait(false), "data-milliseconds"));
        }
        finally
        {
            await context.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>(b) The bot with one activity per field: 7 × Fill and a Click per round.</summary>
    public Task<ChallengeRun> RunPerFieldBotAsync() => RunBotAsync(_perField);

    /// <summary>(c) The bot with the form-level activity: one Fill form (with submit) per round.</summary>
    public Task<ChallengeRun> RunFormLevelBotAsync() => RunBotAsync(_formLevel);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        await _apps.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_artifacts, recursive: true);
        }
        catch (IOException)
        {
            // Only temporary files.
        }
    }

    private async Task<ChallengeRun> RunBotAsync(CompiledBot bot)
    {
        var observer = new RoundsObserver(ChallengeBots.RoundsId);
        var result = await BotRunner.RunAsync(bot, new RunOptions
        {
            Inputs = new Dictionary<string, object?> { ["url"] = _apps.ChallengeUrl.ToString(), ["data"] = _csv },
            Services = _services,
            Observer = observer,
            ArtifactsDirectory = _artifacts,
        }).ConfigureAwait(false);
        if (result.Status != RunStatus.Succeeded) throw new InvalidOperationException($"The bot '{bot.Name}' did not succeed ({result.Status}): {result.ErrorMessage}");
        var entries = result.Journal.Entries;
        var loop = entries.Single(e => e.ActivityId == ChallengeBots.RoundsId).Sequence;
        var rounds = entries.Count(e => e.ParentSequence == loop);
        if (rounds != Rounds) throw new InvalidOperationException($"The bot '{bot.Name}' ran {rounds} rounds, not {Rounds}.");
        var clock = observer.Clock;
        return new ChallengeRun(clock.Elapsed, clock.BytesAllocated, clock.Collections,
            Number(result.Outputs.GetValueOrDefault("correct") as string, "data-correct"),
            Number(result.Outputs.GetValueOrDefault("total") as string, "data-total"),
            Number(result.Outputs.GetValueOrDefault("milliseconds") as string, "data-milliseconds"));
    }

    /// <summary>The challenge's CSV (plain: no quoted fields), as (label, value) pairs per row, in the columns' order.</summary>
    private static List<(string Label, string Value)[]> ReadRows(string csv)
    {
        var lines = File.ReadAllLines(csv).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        if (!header.SequenceEqual(ChallengeBots.Labels)) throw new InvalidOperationException($"{csv} does not have the challenge's columns ({string.Join(", ", ChallengeBots.Labels)}).");
        return lines.Skip(1).Select(line => header.Zip(line.Split(','), (label, value) => (label, value)).ToArray()).ToList();
    }

    private static int Number(string? value, string attribute) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidOperationException($"The challenge's result has no number in {attribute} ('{value}').");
}
