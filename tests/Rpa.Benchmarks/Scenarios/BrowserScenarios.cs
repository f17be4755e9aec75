using System.Diagnostics;
using Rpa.Benchmarks.Running;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>
/// The input-forms challenge in real Chromium, three ways in one run: hand-written Playwright, a bot with one activity per
/// field, and a bot with the form-level activity. Only the 10 rounds are timed (not the page load or Start), the ways take
/// turns so that the machine's load hits them alike, and every run must score 70/70.
/// </summary>
internal static class BrowserScenarios
{
    public const string PlaywrightRow = "challenge-playwright";

    public const string PerFieldRow = "challenge-fill";

    public const string FormLevelRow = "challenge-fillform";

    /// <summary>Target for (b): the per-field bot takes at most this many times the hand-written Playwright baseline.</summary>
    public const double PerFieldTargetRatio = 1.10;

    /// <summary>Target for (c): the form-level bot does the 10 rounds in at most this time.</summary>
    public static readonly TimeSpan FormLevelTarget = TimeSpan.FromMilliseconds(150);

    public static IEnumerable<Scenario> All()
    {
        yield return new Scenario
        {
            Name = "challenge",
            Description = "The 10-round input-forms challenge (practice apps on 127.0.0.1, Debian's Chromium) three ways: (a) hand-written Playwright, GetByLabel(label).FillAsync field by field, then click Submit; "
                + "(b) a bot with per-field activities, ForEach { 7 × Fill by label, Click Submit }; (c) a bot with Fill form (submit = Submit), as bots/input-forms-challenge. "
                + "Times only the rounds (after the page is loaded and Start clicked: for the bots, the ForEach's start to end); one browser; the ways take turns; every run must score 70/70. "
                + "Rows: challenge-playwright, challenge-fill, challenge-fillform.",
            Work = "10 rounds of the input-forms challenge, 3 ways",
            Items = 10,
            Unit = ("rounds", "round"),
            MeasureAsync = MeasureAsync,
        };
    }

    /// <summary>Runs per way, after warming up: 3 with --quick, else 15 (a run is one challenge, about 0.5 s, of which the rounds are timed).</summary>
    public static int Repetitions(BenchmarkOptions options) => options.Quick ? options.Samples : 15;

    private static async Task<IReadOnlyList<Measurement>> MeasureAsync(BenchmarkOptions options, TextWriter progress)
    {
        var setup = Stopwatch.StartNew();
        await using var bench = await ChallengeBench.StartAsync().ConfigureAwait(false);
        setup.Stop();
        var rounds = bench.Rounds;
        var ways = new (Scenario Row, Func<Task<ChallengeRun>> RunAsync)[]
        {
            (Row(PlaywrightRow, "hand-written Playwright: 7 × GetByLabel(…).FillAsync, click Submit", rounds), bench.RunPlaywrightAsync),
            (Row(PerFieldRow, "bot: ForEach { 7 × Fill by label, Click Submit }", rounds), bench.RunPerFieldBotAsync),
            (Row(FormLevelRow, "bot: ForEach { Fill form, submit = Submit }", rounds), bench.RunFormLevelBotAsync),
        };

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var warmup = Stopwatch.StartNew();
        var warmups = 0;
        for (; warmups < options.Warmups || warmup.Elapsed < options.MinWarmupTime; warmups++)
        {
            foreach (var way in ways) Verify(way.Row, await way.RunAsync().ConfigureAwait(false), rounds);
        }

        progress.WriteLine($"  warmed up: {warmups} run{(warmups == 1 ? "" : "s")} of each way in {ResultTable.Time(warmup.Elapsed)} (Chromium at {bench.ChromiumPath}, started in {ResultTable.Time(setup.Elapsed)})");

        // The ways take turns, and the first of each turn rotates, so that neither load nor order favours one of them.
        var repetitions = Repetitions(options);
        var runs = ways.Select(_ => new List<ChallengeRun>(repetitions)).ToArray();
        for (var r = 0; r < repetitions; r++)
        {
            for (var k = 0; k < ways.Length; k++)
            {
                var w = (r + k) % ways.Length;
                runs[w].Add(Verify(ways[w].Row, await ways[w].RunAsync().ConfigureAwait(false), rounds));
            }
        }

        return ways.Select((way, w) => Measure(way.Row, runs[w], setup.Elapsed)).ToList();
    }

    private static Measurement Measure(Scenario row, List<ChallengeRun> runs, TimeSpan setup)
    {
        var generations = runs[0].Collections.Length;
        var collections = Enumerable.Range(0, generations).Select(g => runs.Average(r => (double)r.Collections[g])).ToArray();
        var bytes = runs.Select(r => (double)r.BytesAllocated).Order().ElementAt(runs.Count / 2);
        var page = TimeSpan.FromMilliseconds(runs.Select(r => r.PageMilliseconds).Order().ElementAt(runs.Count / 2));
        var note = $"a sample = the rounds of one run; all {runs.Count} runs {runs[0].Correct}/{runs[0].Total}; page's own time (Start → last submit) median {ResultTable.Time(page)}, "
            + $"{ResultTable.Time(TimeSpan.FromMilliseconds(runs.Min(r => r.PageMilliseconds)))} to {ResultTable.Time(TimeSpan.FromMilliseconds(runs.Max(r => r.PageMilliseconds)))}";
        return new Measurement(row, runs.Select(r => r.Rounds).ToList(), 1, bytes, collections, setup, note) { PageTime = page };
    }

    private static ChallengeRun Verify(Scenario row, ChallengeRun run, int rounds)
    {
        var expected = rounds * ChallengeBots.Labels.Length;
        if (run.Correct != expected || run.Total != expected)
        {
            throw new InvalidOperationException($"{row.Name} scored {run.Correct}/{run.Total} on the challenge, not {expected}/{expected}.");
        }

        return run;
    }

    private static Scenario Row(string name, string way, int rounds) => new()
    {
        Name = name,
        Description = way,
        Work = $"{rounds} challenge rounds, {way}",
        Items = rounds,
        Unit = ("rounds", "round"),
    };
}
