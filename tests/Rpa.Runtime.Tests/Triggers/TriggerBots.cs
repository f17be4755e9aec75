using System.Text.Json.Nodes;

namespace Rpa.Runtime.Tests.Triggers;

/// <summary>Bots with triggers and concurrency limits for the trigger tests.</summary>
internal static class TriggerBots
{
    /// <summary><see cref="TestBots.Greeter"/> (inputs who, times) with the given triggers (a JSON list) and concurrency limit.</summary>
    public static string Greeter(string name, string triggers, int? maxConcurrency = null) => With(TestBots.Greeter(name), triggers, maxConcurrency);

    /// <summary><see cref="TestBots.Waiter"/> (input seconds) limited to <paramref name="maxConcurrency"/> runs at once.</summary>
    public static string LimitedWaiter(string name, int maxConcurrency) => With(TestBots.Waiter(name), null, maxConcurrency);

    /// <summary>Takes a file's path in input <c>file</c>; fails when the name ends in bad.txt, else logs it. A fileDrop trigger "inbox" on <paramref name="folder"/>.</summary>
    public static string FileReader(string name, string folder, string pattern = "*.txt") => $$$"""
        {
          "format": 1,
          "name": "{{{name}}}",
          "version": 1,
          "inputs": [
            { "name": "file", "type": "text", "required": true },
            { "name": "content", "type": "text", "default": "" }
          ],
          "triggers": [
            { "type": "fileDrop", "name": "inbox", "folder": {{{JsonValue.Create(folder).ToJsonString()}}}, "pattern": "{{{pattern}}}", "input": "file" }
          ],
          "root": {
            "id": "flow",
            "type": "Flowchart",
            "activities": [
              {
                "id": "check",
                "type": "If",
                "inputs": { "condition": { "js": "file.endsWith('bad.txt')" } },
                "then": { "id": "refuse", "type": "Fail", "inputs": { "message": { "liquid": "cannot use {{ file }}" } } },
                "else": { "id": "note", "type": "Log", "inputs": { "message": { "liquid": "took {{ file }}" } } }
              }
            ]
          }
        }
        """;

    private static string With(string json, string? triggers, int? maxConcurrency)
    {
        var bot = JsonNode.Parse(json)!.AsObject();
        if (triggers is not null) bot["triggers"] = JsonNode.Parse(triggers);
        if (maxConcurrency is { } max) bot["concurrency"] = new JsonObject { ["max"] = max };
        return bot.ToJsonString();
    }
}
