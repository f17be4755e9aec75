using System.Text.Json.Nodes;
using Rpa.Engine.Activities;
using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Serialization;
using Rpa.Engine.Testing;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Serialization;

/// <summary>
/// docs/bot.schema.json and the examples of docs/bot-format.md against the engine, so neither can drift from the code:
/// the schema accepts what BotJson reads and rejects what it refuses, and every example reads, fits the schema,
/// compiles, runs, and is in canonical form.
/// </summary>
public sealed class BotSchemaTests
{
    public static TheoryData<string> ExampleNames => new(BotFormatDocs.Examples.Select(e => e.Name));

    [Fact]
    public void The_schema_parses_and_names_the_format()
    {
        var schema = JsonNode.Parse(File.ReadAllText(BotFormatDocs.SchemaPath))!;

        schema["$id"]!.GetValue<string>().Should().Be(BotJson.SchemaUrl);
        schema["$schema"]!.GetValue<string>().Should().Be("https://json-schema.org/draft/2020-12/schema");
        BotFormatDocs.Schema.Should().NotBeNull();
        BotFormatDocs.SchemaErrors("""{"name": "empty", "root": {"id": "main", "type": "Sequence", "activities": []}}""").Should().BeEmpty();
    }

    [Fact]
    public void Every_bot_in_the_repository_fits_the_schema()
    {
        var failures = BotFormatDocs.RepositoryBots()
            .SelectMany(file => BotFormatDocs.SchemaErrors(File.ReadAllText(file))
                .Select(error => $"{Path.GetRelativePath(BotFormatDocs.RepositoryRoot, file)}: {error}"))
            .ToList();

        failures.Should().BeEmpty();
    }

    [Fact]
    public void The_format_docs_have_complete_examples_including_a_flowchart()
    {
        BotFormatDocs.Examples.Should().NotBeEmpty();
        BotFormatDocs.Examples.Select(e => e.Name).Should().OnlyHaveUniqueItems();
        BotFormatDocs.Examples.Should().Contain(e => BotJson.Read(e.Json).Bot!.Root.Type == "Flowchart");
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public async Task A_docs_example_reads_fits_the_schema_compiles_runs_and_is_canonical(string name)
    {
        var example = BotFormatDocs.Example(name);

        var read = BotJson.Read(example.Json);
        read.Problems.Should().BeEmpty();
        read.Success.Should().BeTrue();
        BotFormatDocs.SchemaErrors(example.Json).Should().BeEmpty();

        var compiled = new BotCompiler(ActivityRegistry.CreateDefault()).Compile(read.Bot!);
        compiled.Problems.Should().BeEmpty();
        compiled.IsValid.Should().BeTrue();

        BotJson.Write(read.Bot!).ReplaceLineEndings("\n").Should().Be(example.Json, "the docs show bots in canonical form");

        var result = await new BotTestHost().RunAsync(compiled.Bot!);
        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        if (example.Outputs is not null)
        {
            var outputs = new JsonObject(result.Outputs.Select(p => KeyValuePair.Create(p.Key, ValueConverter.ToJson(p.Value))));
            var expected = JsonNode.Parse(example.Outputs);
            JsonNode.DeepEquals(outputs, expected).Should().BeTrue($"the docs say the outputs are {example.Outputs}, the run gave {outputs.ToJsonString()}");
        }
    }

    [Fact]
    public void The_builder_example_in_the_docs_gives_the_flowchart_example()
    {
        // Keep in step with the C# in docs/bot-format.md, section "The C# builder".
        var bot = Bot.Define("route-payment")
            .Description("Rejects payments that are not positive and sends large ones to manual review.")
            .Input("amount", DataType.Number, defaultValue: 1200)
            .Output("route", DataType.Text)
            .Root(Bot.Flowchart("flow",
                    Bot.Activity<If>("check")
                        .DisplayName("Amount positive?")
                        .Set(x => x.Condition, InputValue.JavaScript("amount > 0")),
                    Bot.Activity<Fail>("reject")
                        .Set(x => x.Message, InputValue.Liquid("The amount {{ amount }} is not positive.")),
                    Bot.Activity<Switch>("classify")
                        .Set(x => x.Value, InputValue.JavaScript("amount >= 1000 ? 'large' : 'small'"))
                        .SetLiteral(x => x.Cases, new[] { "large", "small" }),
                    Bot.Activity<Log>("warn")
                        .Set(x => x.Message, InputValue.Liquid("Large payment: {{ amount }}"))
                        .Set(x => x.Level, "Warning"),
                    Bot.Activity<SetVariable>("manual")
                        .Set(x => x.Variable, "route")
                        .Set(x => x.Value, "manual review"),
                    Bot.Activity<SetVariable>("automatic")
                        .Set(x => x.Variable, "route")
                        .Set(x => x.Value, "automatic"))
                .Connect("check", Outcomes.True, "classify")
                .Connect("check", Outcomes.False, "reject")
                .Connect("classify", "large", "warn")
                .Connect("warn", "manual")
                .Connect("classify", "small", "automatic"))
            .Build();

        BotJson.Write(bot).ReplaceLineEndings("\n").Should().Be(BotFormatDocs.Example("route-payment").Json);
        new BotCompiler(ActivityRegistry.CreateDefault()).Compile(bot).Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("an activity without type", """{"name": "b", "root": {"id": "main"}}""")]
    [InlineData("a nested activity without type", """{"name": "b", "root": {"id": "main", "type": "Sequence", "activities": [{"id": "x"}]}}""")]
    [InlineData("an activity without id", """{"name": "b", "root": {"type": "Sequence"}}""")]
    [InlineData("no root", """{"name": "b"}""")]
    [InlineData("no name", """{"root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("an unknown top-level key", """{"name": "b", "owner": "me", "root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("another format", """{"format": 2, "name": "b", "root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("a version that is not a whole number", """{"name": "b", "version": "2", "root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("an unknown data type", """{"name": "b", "inputs": [{"name": "a", "type": "money"}], "root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("an argument without type", """{"name": "b", "outputs": [{"name": "a"}], "root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("an unknown argument key", """{"name": "b", "inputs": [{"name": "a", "type": "text", "optional": true}], "root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("a variable with a default", """{"name": "b", "variables": [{"name": "a", "type": "text", "default": "x"}], "root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("required that is not a bool", """{"name": "b", "inputs": [{"name": "a", "type": "text", "required": "yes"}], "root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("a js expression that is not text", """{"name": "b", "root": {"id": "main", "type": "Log", "inputs": {"message": {"js": 5}}}}""")]
    [InlineData("inputs that are not an object", """{"name": "b", "root": {"id": "main", "type": "Log", "inputs": ["hi"]}}""")]
    [InlineData("an output bound to a non-text", """{"name": "b", "root": {"id": "main", "type": "RunBot", "outputs": {"result": 1}}}""")]
    [InlineData("a slot that is text", """{"name": "b", "root": {"id": "main", "type": "If", "then": "done"}}""")]
    [InlineData("a list slot holding text", """{"name": "b", "root": {"id": "main", "type": "Sequence", "activities": ["x"]}}""")]
    [InlineData("a child activity whose type is null", """{"name": "b", "root": {"id": "i", "type": "If", "then": {"id": "l", "type": null}}}""")]
    [InlineData("a child activity whose type is a number", """{"name": "b", "root": {"id": "i", "type": "If", "then": {"id": "l", "type": 5}}}""")]
    [InlineData("a connection without to", """{"name": "b", "root": {"id": "f", "type": "Flowchart", "activities": [], "connections": [{"from": "a"}]}}""")]
    [InlineData("a connection with an unknown key", """{"name": "b", "root": {"id": "f", "type": "Flowchart", "activities": [], "connections": [{"from": "a", "to": "b", "when": "x"}]}}""")]
    [InlineData("a start that is not text", """{"name": "b", "root": {"id": "f", "type": "Flowchart", "activities": [], "start": 1}}""")]
    public void A_document_the_reader_refuses_fails_the_schema(string what, string json)
    {
        BotJson.Read(json).Success.Should().BeFalse($"BotJson refuses {what}");
        BotFormatDocs.SchemaErrors(json).Should().NotBeEmpty($"the schema should refuse {what}");
    }

    [Theory]
    [InlineData("extension and x- keys", """{"$schema": "https://rpa.dev/schemas/bot-1.json", "name": "b", "root": {"id": "main", "type": "Sequence"}, "triggers": [{"type": "schedule", "name": "daily", "cron": "0 6 * * *"}], "tags": ["a"], "sla": {"minutes": 5}, "designer": {"zoom": 1}, "concurrency": {"max": 1}, "queues": ["q"], "x-owner": "me"}""")]
    [InlineData("comments and trailing commas", "{\n  // a bot\n  \"name\": \"b\", /* the root */ \"root\": {\"id\": \"main\", \"type\": \"Sequence\",},\n}")]
    [InlineData("data type spellings", """{"name": "b", "inputs": [{"name": "a", "type": "Boolean"}, {"name": "c", "type": "DECIMAL", "default": 1.5, "required": true, "secret": false, "description": "d"}], "variables": [{"name": "d", "type": "date", "value": "2024-01-31"}, {"name": "e", "type": "array"}], "root": {"id": "main", "type": "Sequence"}}""")]
    [InlineData("every kind of input value", """{"name": "b", "root": {"id": "main", "type": "SetVariable", "inputs": {"a": "text", "b": 1.5, "c": true, "d": null, "e": [1, {"js": 1}], "f": {"js": "1 + 1"}, "g": {"liquid": "{{ x }}"}, "h": {"literal": {"js": 5}}, "i": {"js": "x", "note": 1}, "j": {}}}}""")]
    [InlineData("slots of every kind, empty ones too", """{"name": "b", "root": {"id": "s", "type": "Switch", "branches": {"a": {"id": "l", "type": "Log"}}, "default": {"id": "m", "type": "Sequence", "activities": []}, "other": {}}}""")]
    [InlineData("a flowchart with default outcomes and a start", """{"name": "b", "root": {"id": "f", "type": "Flowchart", "activities": [{"id": "a", "type": "Log"}], "connections": [{"from": "a", "to": "a"}, {"from": "a", "outcome": "Done", "to": "a"}], "start": "a", "designer": {"x": 1}}}""")]
    [InlineData("a map slot entry named type", """{"name": "b", "root": {"id": "s", "type": "Switch", "branches": {"type": {"id": "l", "type": "Log"}}}}""")]
    [InlineData("outputs bound to variables", """{"name": "b", "format": 1, "version": 7, "description": "d", "root": {"id": "r", "type": "RunBot", "displayName": "Run", "outputs": {"result": "r"}}}""")]
    public void A_document_the_reader_accepts_fits_the_schema(string what, string json)
    {
        BotJson.Read(json).Problems.Should().BeEmpty($"BotJson reads {what}");
        BotFormatDocs.SchemaErrors(json).Should().BeEmpty($"the schema should accept {what}");
    }

    [Fact]
    public void Canonical_output_of_a_bot_fits_the_schema()
    {
        var example = BotJson.Read(BotFormatDocs.Example("route-payment").Json).Bot!;
        var withExtras = example with
        {
            Extensions = new JsonObject { ["$schema"] = BotJson.SchemaUrl, ["x-owner"] = "finance", ["tags"] = new JsonArray("payments") },
            Variables = [new VariableDefinition("note", DataType.Text) { Value = JsonValue.Create("n"), Description = "d" }],
        };

        var json = BotJson.Write(withExtras);

        BotFormatDocs.SchemaErrors(json).Should().BeEmpty();
        BotJson.Write(BotJson.Parse(json)).Should().Be(json);
    }
}
