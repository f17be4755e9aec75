using System.Text.Json.Nodes;
using Rpa.Engine.Serialization;
using Rpa.Runtime.Triggers;

namespace Rpa.Runtime.Tests.Triggers;

public sealed class TriggerReaderTests
{
    private static IReadOnlyList<string> Problems(string triggers, int? max = null)
    {
        var json = TriggerBots.Greeter("checked", triggers, max);
        var (_, problems) = TriggerReader.Read(BotJson.Parse(json));
        return problems.Select(p => p.ToString()).ToList();
    }

    [Fact]
    public void A_bad_cron_an_unknown_time_zone_a_duplicate_name_and_an_unknown_input_are_each_named_with_the_trigger_and_field()
    {
        var problems = Problems("""
            [
              { "type": "schedule", "name": "nightly", "cron": "0 25 * * *", "timeZone": "Europe/Berlin" },
              { "type": "schedule", "name": "morning", "cron": "0 7 * * 1-5", "timeZone": "Mars/Olympus" },
              { "type": "webhook", "name": "morning" },
              { "type": "schedule", "name": "weekly", "cron": "0 7 * * 1", "inputs": { "whom": "Ada" } },
              { "type": "webhook", "name": "hook", "inputs": { "who": "name" } },
              { "type": "fileDrop", "name": "drop", "folder": "in", "input": "times" },
              { "type": "email", "name": "mail" }
            ]
            """, max: 0);

        problems.Should().Contain(p => p.StartsWith("triggers[nightly].cron: '0 25 * * *' is not a cron expression", StringComparison.Ordinal));
        problems.Should().Contain("triggers[morning].timeZone: unknown time zone 'Mars/Olympus' (use an IANA name such as \"Europe/Berlin\" or \"UTC\")");
        problems.Should().Contain("triggers[morning].name: two triggers are named 'morning'; names must be unique in the bot");
        problems.Should().Contain("triggers[weekly].inputs.whom: bot 'checked' has no input 'whom' (its inputs: who, times)");
        problems.Should().Contain(p => p.StartsWith("triggers[hook].inputs.who: each input maps to a JSON pointer", StringComparison.Ordinal));
        problems.Should().Contain("triggers[drop].input: input 'times' is number; the file's path needs a text input");
        problems.Should().Contain("triggers[mail].type: unknown trigger type 'email' (one of schedule, webhook, fileDrop)");
        problems.Should().Contain(p => p.StartsWith("concurrency.max: max must be a whole number of 1 or more", StringComparison.Ordinal));
        problems.Should().HaveCount(8, string.Join("\n", problems));
    }

    [Fact]
    public void Valid_triggers_read_into_their_types_with_the_concurrency_limit()
    {
        var json = TriggerBots.Greeter("fine", """
            [
              { "type": "schedule", "name": "nightly", "cron": "0 2 * * 1-5", "timeZone": "Europe/Berlin", "inputs": { "who": "night" } },
              { "type": "webhook", "name": "new-order", "inputs": { "who": "/customer/name" } },
              { "type": "fileDrop", "name": "inbox", "folder": "in", "pattern": "*.pdf", "input": "who" }
            ]
            """, 1);

        var (read, problems) = TriggerReader.Read(BotJson.Parse(json));

        problems.Should().BeEmpty();
        read.MaxConcurrency.Should().Be(1);
        var schedule = read.Triggers[0].Should().BeOfType<ScheduleTrigger>().Subject;
        schedule.TimeZone.Id.Should().Be("Europe/Berlin");
        schedule.RunTrigger.Should().Be("schedule:nightly");
        read.Triggers[1].Should().BeOfType<WebhookTrigger>().Which.Inputs.Should().Equal(new Dictionary<string, string> { ["who"] = "/customer/name" });
        read.Triggers[2].Should().BeOfType<FileDropTrigger>().Which.Pattern.Should().Be("*.pdf");
    }

    [Fact]
    public void Triggers_and_concurrency_round_trip_through_bot_json()
    {
        var json = TriggerBots.Greeter("round", """[ { "type": "schedule", "name": "nightly", "cron": "0 2 * * *" } ]""", 2);

        var written = BotJson.Write(BotJson.Parse(json));

        var again = JsonNode.Parse(written)!;
        again["triggers"]![0]!["cron"]!.GetValue<string>().Should().Be("0 2 * * *");
        again["concurrency"]!["max"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public void A_daily_schedule_in_Berlin_follows_daylight_saving_time_both_ways()
    {
        var schedule = new ScheduleTrigger("daily", "30 2 * * *", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), []);

        // Winter: 02:30 CET is 01:30 UTC.
        schedule.NextOccurrence(new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero)).Should().Be(new DateTimeOffset(2026, 3, 28, 1, 30, 0, TimeSpan.Zero));
        // 29 March 2026: clocks jump from 02:00 to 03:00, so 02:30 does not exist; it fires at the jump (03:00 CEST, 01:00 UTC).
        schedule.NextOccurrence(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero)).Should().Be(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero));
        // Summer: 02:30 CEST is 00:30 UTC.
        schedule.NextOccurrence(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero)).Should().Be(new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero));
        // 25 October 2026: 02:30 happens twice (CEST, then CET); a daily job fires once, at the first.
        var autumn = schedule.NextOccurrence(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero))!.Value;
        autumn.Should().Be(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
        schedule.NextOccurrence(autumn).Should().Be(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_webhook_maps_json_pointers_and_names_the_input_whose_value_is_missing()
    {
        var hook = new WebhookTrigger("orders", new Dictionary<string, string> { ["id"] = "/order/id", ["first"] = "/lines/0/sku", ["all"] = "" });
        var body = JsonNode.Parse("""{ "order": { "id": 42 }, "lines": [ { "sku": "A~1" } ] }""");

        var (inputs, problems) = hook.Map(body);

        problems.Should().BeEmpty();
        inputs!["id"]!.GetValue<int>().Should().Be(42);
        inputs["first"]!.GetValue<string>().Should().Be("A~1");
        inputs["all"]!["order"]!["id"]!.GetValue<int>().Should().Be(42);

        var (none, missing) = hook.Map(JsonNode.Parse("""{ "order": {} }"""));
        none.Should().BeNull();
        missing.Should().Contain(("id", "the body has no value at '/order/id'")).And.Contain(("first", "the body has no value at '/lines/0/sku'"));
    }
}
