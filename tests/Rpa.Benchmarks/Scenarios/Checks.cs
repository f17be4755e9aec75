using Rpa.Benchmarks.Running;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>What the numbers mean against the targets: activity throughput, and no parse per evaluation.</summary>
internal static class Checks
{
    public const double ActivityTarget = 1_000_000;

    public static IEnumerable<string> Describe(IReadOnlyList<Measurement> measurements)
    {
        foreach (var m in measurements.Where(m => m.Scenario.Name.StartsWith("sequence", StringComparison.Ordinal) || m.Scenario.Name.StartsWith("foreach", StringComparison.Ordinal) && m.Scenario.Unit.Plural == "iterations"))
        {
            var met = m.Throughput >= ActivityTarget ? "met" : "NOT met";
            yield return $"- Target ≥ {ActivityTarget:N0} trivial activities/s, {m.Scenario.Name}: {ResultTable.Number(m.Throughput)} {m.Scenario.Unit.Plural}/s, {ResultTable.Bytes(m.BytesPerItem)}/{m.Scenario.Unit.Singular}: **{met}**";
        }

        var byName = measurements.ToDictionary(m => m.Scenario.Name, StringComparer.Ordinal);
        if (byName.TryGetValue("foreach-js", out var shortEval) && byName.TryGetValue("js-eval-long", out var longEval) && byName.TryGetValue("js-compile-long", out var longParse))
        {
            yield return ParseCheck(shortEval, longEval, longParse);
        }
        else if (measurements.Any(m => m.Scenario.Name is "foreach-js" or "js-eval-long" or "js-compile-long"))
        {
            yield return "- Parse check: needs foreach-js, js-eval-long and js-compile-long in the same run (filter `js`).";
        }

        foreach (var line in ChallengeChecks(byName)) yield return line;
    }

    /// <summary>The browser scenario's targets: (b) per-field bot ≤ 1.10 × hand-written Playwright; (c) form-level bot ≤ 150 ms for the 10 rounds.</summary>
    private static IEnumerable<string> ChallengeChecks(Dictionary<string, Measurement> byName)
    {
        if (!byName.TryGetValue(BrowserScenarios.PlaywrightRow, out var baseline)) yield break;
        var pageBaseline = baseline.PageTime ?? TimeSpan.Zero;
        string PageRatio(Measurement m) => m.PageTime is { } page && pageBaseline > TimeSpan.Zero ? $"{page / pageBaseline:0.00}×" : "n/a";
        if (byName.TryGetValue(BrowserScenarios.PerFieldRow, out var perField))
        {
            var ratio = perField.Median / baseline.Median;
            var met = ratio <= BrowserScenarios.PerFieldTargetRatio ? "met" : "NOT met";
            yield return $"- Target (b) per-field bot ≤ {BrowserScenarios.PerFieldTargetRatio:0.00} × (a) hand-written Playwright, {perField.Scenario.Items} challenge rounds: "
                + $"(b) {ResultTable.Time(perField.Median)} vs (a) {ResultTable.Time(baseline.Median)} = **{ratio:0.00}×** (by the page's own time: {PageRatio(perField)}): **{met}**";
        }

        if (byName.TryGetValue(BrowserScenarios.FormLevelRow, out var formLevel))
        {
            var met = formLevel.Median <= BrowserScenarios.FormLevelTarget ? "met" : "NOT met";
            yield return $"- Target (c) Fill-form bot ≤ {ResultTable.Time(BrowserScenarios.FormLevelTarget)} for {formLevel.Scenario.Items} challenge rounds: "
                + $"(c) {ResultTable.Time(formLevel.Median)} (page's own time {ResultTable.Time(formLevel.PageTime ?? TimeSpan.Zero)}), **{formLevel.Median / baseline.Median:0.00}×** (a) "
                + $"(by the page's own time: {PageRatio(formLevel)}): **{met}**";
        }
    }

    /// <summary>
    /// Evaluating a 10,000-character expression costs what evaluating a 12-character one does, while parsing it costs
    /// far more: then evaluation does not parse. Compared in time and, less noisily, in bytes allocated.
    /// </summary>
    private static string ParseCheck(Measurement shortEval, Measurement longEval, Measurement longParse)
    {
        var perEval = (Measurement m) => m.Median.TotalSeconds / m.Scenario.Items;
        var extraTime = perEval(longEval) - perEval(shortEval);
        var extraBytes = longEval.BytesPerItem - shortEval.BytesPerItem;
        var parseTime = longParse.Median.TotalSeconds;
        var parseBytes = longParse.BytesPerItem;
        var parsesPerEval = Math.Max(extraTime / parseTime, extraBytes / parseBytes);
        var verdict = parsesPerEval < 0.1 ? "**no parse per evaluation**" : "**evaluation appears to parse**";
        return $"- Parse check ({ExpressionScenarios.LongExpression.Length:N0}-char vs {ExpressionScenarios.ShortExpression.Length}-char expression, same result; "
            + $"method: extra cost per evaluation of the long one vs the cost of parsing it once): parsing it costs {ResultTable.Time(longParse.Median)} and {ResultTable.Bytes(parseBytes)}; "
            + $"evaluating it costs {ResultTable.Time(TimeSpan.FromSeconds(Math.Max(extraTime, 0)))} and {ResultTable.Bytes(Math.Max(extraBytes, 0))} more than the short one "
            + $"(≈ {Math.Max(parsesPerEval, 0):0.000} parses' worth per evaluation): {verdict}";
    }
}
