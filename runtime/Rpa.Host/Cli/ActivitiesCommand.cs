using System.CommandLine;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Values;

namespace Rpa.Host.Cli;

/// <summary>`rpa activities`: the activity descriptors, as text, JSON (the designer's palette) or Markdown (the docs).</summary>
internal static class ActivitiesCommand
{
    public static Command Create(ActivityRegistry registry, TextWriter output)
    {
        var json = CliOptions.Json();
        var markdown = new Option<bool>("--markdown") { Description = "Print the reference as Markdown (docs/activities.md)." };
        var command = new Command("activities", "List the activities bots can use, with their inputs, outputs and outcomes.") { json, markdown };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json)) output.WriteLine(DescriptorDocuments.ToJsonText(registry));
            else if (parse.GetValue(markdown)) output.Write(DescriptorDocuments.ToMarkdown(registry));
            else PrintText(output, registry);
            return ExitCodes.Succeeded;
        });
        return command;
    }

    private static void PrintText(TextWriter output, ActivityRegistry registry)
    {
        foreach (var category in DescriptorDocuments.Ordered(registry).GroupBy(d => d.Category))
        {
            output.WriteLine($"{category.Key}:");
            foreach (var d in category)
            {
                output.WriteLine($"  {d.Type} — {d.Description}");
                foreach (var i in d.Inputs)
                {
                    var def = i.Default is null ? "" : $" = {i.Default.ToJsonString()}";
                    output.WriteLine($"      in  {i.Name}: {DataTypes.ToName(i.Type)}{def}{(i.Required ? " (required)" : "")}");
                }

                foreach (var o in d.Outputs) output.WriteLine($"      out {o.Name}: {DataTypes.ToName(o.Type)}");
                foreach (var s in d.Slots) output.WriteLine($"      [{s.Name}] {s.Kind.ToString().ToLowerInvariant()}");
                output.WriteLine($"      outcomes: {string.Join(", ", d.Outcomes)}{(d.DynamicOutcomes ? " + cases" : "")}");
            }

            output.WriteLine();
        }
    }
}
