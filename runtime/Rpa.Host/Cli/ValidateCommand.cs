using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rpa.Engine.Descriptors;
using Rpa.Host.Bots;
using Rpa.Runtime.Triggers;

namespace Rpa.Host.Cli;

/// <summary>`rpa validate &lt;bot&gt;`: checks a bot without running it; lists every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(ActivityRegistry registry, TextWriter output)
    {
        var bot = CliOptions.Bot();
        var json = CliOptions.Json();
        var command = new Command("validate", "Check a bot without running it: lists every problem with its activity, property and reason. Exit code 0 valid, 2 invalid.") { bot, json };
        command.SetAction(parse =>
        {
            var file = BotFile.Resolve(parse.GetValue(bot)!);
            var (compiled, problems, name) = new BotLoader(registry).Load(file);
            if (compiled is not null && TriggerReader.Read(compiled.Definition).Problems is { Count: > 0 } triggerProblems)
            {
                // The runtime refuses a bot whose triggers or concurrency limit are wrong; say so before it is deployed.
                (compiled, problems) = (null, triggerProblems);
            }

            if (parse.GetValue(json))
            {
                var result = new JsonObject
                {
                    ["bot"] = name,
                    ["file"] = file,
                    ["valid"] = compiled is not null,
                    ["activities"] = compiled?.Activities.Count,
                    ["problems"] = new JsonArray(problems.Select(p => (JsonNode?)new JsonObject
                    {
                        ["activityId"] = p.ActivityId,
                        ["property"] = p.Property,
                        ["message"] = p.Message,
                    }).ToArray()),
                };
                output.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else if (compiled is not null)
            {
                output.WriteLine($"Bot '{name}' is valid ({compiled.Activities.Count} activities).");
            }
            else
            {
                ProblemPrinter.Print(output, name, file, problems);
            }

            return compiled is null ? ExitCodes.Invalid : ExitCodes.Succeeded;
        });
        return command;
    }
}
