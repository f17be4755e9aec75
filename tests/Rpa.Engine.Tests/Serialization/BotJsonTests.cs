using System.Text.Json.Nodes;
using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Model;
using Rpa.Engine.Serialization;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Serialization;

public sealed class BotJsonTests
{
    /// <summary>A bot with every part of the format, written the way BotJson.Write writes it.</summary>
    private const string RichBot = """
        {
          "$schema": "https://rpa.dev/schemas/bot-1.json",
          "format": 1,
          "name": "invoice-run",
          "version": 7,
          "description": "Pays approved invoices — and says Grüße when done",
          "inputs": [
            {
              "name": "folder",
              "type": "text",
              "description": "Where the invoices are",
              "required": true
            },
            {
              "name": "limit",
              "type": "number",
              "default": 1000.50
            },
            {
              "name": "password",
              "type": "text",
              "secret": true
            }
          ],
          "outputs": [
            {
              "name": "paid",
              "type": "number"
            }
          ],
          "variables": [
            {
              "name": "reply",
              "type": "object",
              "value": {
                "status": "none",
                "codes": [
                  1,
                  2.5,
                  null
                ]
              },
              "description": "The sub-bot's answer"
            },
            {
              "name": "note",
              "type": "any"
            }
          ],
          "root": {
            "id": "flow",
            "type": "Flowchart",
            "displayName": "Main flow",
            "activities": [
              {
                "id": "start",
                "type": "Log",
                "inputs": {
                  "message": {
                    "liquid": "Paying from {{ folder }} < {{ limit }}"
                  },
                  "level": "Warning"
                },
                "designer": {
                  "x": 10,
                  "y": 20
                }
              },
              {
                "id": "check",
                "type": "If",
                "inputs": {
                  "condition": {
                    "js": "limit > 0 && folder !== ''"
                  }
                },
                "then": {
                  "id": "pay",
                  "type": "RunBot",
                  "inputs": {
                    "bot": "../pay",
                    "arguments": {
                      "amount": 12.30,
                      "tags": [
                        "a",
                        "b"
                      ]
                    }
                  },
                  "outputs": {
                    "result": "reply"
                  }
                },
                "else": {
                  "id": "literalObject",
                  "type": "SetVariable",
                  "inputs": {
                    "variable": "note",
                    "value": {
                      "literal": {
                        "js": 1
                      }
                    }
                  }
                }
              },
              {
                "id": "route",
                "type": "Switch",
                "inputs": {
                  "value": {
                    "js": "reply.status"
                  },
                  "cases": [
                    "ok",
                    "late"
                  ]
                },
                "branches": {
                  "ok": {
                    "id": "wait",
                    "type": "Delay",
                    "inputs": {
                      "seconds": 1.5
                    }
                  },
                  "type": {
                    "id": "typed",
                    "type": "Sequence",
                    "activities": []
                  }
                },
                "default": {
                  "id": "each",
                  "type": "ForEach",
                  "inputs": {
                    "items": [
                      1,
                      2
                    ],
                    "itemVariable": "n"
                  },
                  "body": {
                    "id": "nothing",
                    "type": "Sequence"
                  }
                }
              },
              {
                "id": "guard",
                "type": "TryCatch",
                "try": {
                  "id": "stop",
                  "type": "Fail",
                  "inputs": {
                    "message": "a \"quoted\" reason\nwith a new line"
                  }
                }
              }
            ],
            "connections": [
              {
                "from": "start",
                "outcome": "Done",
                "to": "check"
              },
              {
                "from": "check",
                "outcome": "True",
                "to": "route"
              },
              {
                "from": "route",
                "outcome": "late",
                "to": "guard"
              }
            ],
            "start": "start",
            "designer": {
              "zoom": 0.75,
              "collapsed": false
            }
          },
          "triggers": [
            {
              "type": "schedule",
              "cron": "0 6 * * 1-5"
            }
          ],
          "tags": [
            "finance"
          ],
          "x-owner": {
            "team": "ap",
            "ticket": 42
          }
        }

        """;

    private static BotDefinition Read(string json)
    {
        var result = BotJson.Read(json);
        result.Problems.Should().BeEmpty();
        return result.Bot!;
    }

    [Fact]
    public void A_rich_bot_round_trips_from_JSON_to_the_model_and_back_byte_for_byte()
    {
        var bot = Read(RichBot);

        BotJson.Write(bot).Should().Be(RichBot);
        BotJson.Write(Read(BotJson.Write(bot))).Should().Be(RichBot);
    }

    [Fact]
    public void A_rich_bot_is_read_into_the_model_with_every_part_in_place()
    {
        var bot = Read(RichBot);

        bot.Name.Should().Be("invoice-run");
        bot.Version.Should().Be(7);
        bot.Inputs.Select(i => (i.Name, i.Type, i.Required, i.Secret)).Should().Equal(
            ("folder", DataType.Text, true, false), ("limit", DataType.Number, false, false), ("password", DataType.Text, false, true));
        bot.Root.Start.Should().Be("start");
        bot.Root.Connections.Should().Equal(new Connection("start", "Done", "check"), new Connection("check", "True", "route"), new Connection("route", "late", "guard"));
        bot.Root.Slots["activities"].Kind.Should().Be(SlotKind.List);

        var check = bot.AllActivities().Single(a => a.Id == "check");
        check.Slots["then"].Kind.Should().Be(SlotKind.Single);
        check.Inputs["condition"].Should().Be(InputValue.JavaScript("limit > 0 && folder !== ''"));

        var route = bot.AllActivities().Single(a => a.Id == "route");
        route.Slots["branches"].Kind.Should().Be(SlotKind.Map);
        route.Slots["branches"].Items.Select(i => i.Key).Should().Equal("ok", "type");

        var literal = bot.AllActivities().Single(a => a.Id == "literalObject").Inputs["value"];
        literal.IsLiteral.Should().BeTrue();
        literal.Literal!.ToJsonString().Should().Be("""{"js":1}""");

        bot.AllActivities().Single(a => a.Id == "pay").Outputs.Should().Equal(new Dictionary<string, string> { ["result"] = "reply" });
        bot.Extensions!.Select(p => p.Key).Should().Equal("$schema", "triggers", "tags", "x-owner");
        bot.Root.Designer!["zoom"]!.GetValue<decimal>().Should().Be(0.75m);
    }

    [Fact]
    public void A_rich_bot_read_from_JSON_compiles()
    {
        var result = new BotTestHost().Validate(Read(RichBot));

        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void A_switch_case_named_type_is_read_as_a_case_not_as_an_activity()
    {
        // Regression: any object with a "type" key was taken for a single activity, so a case named "type" broke the map.
        var bot = Read("""
            { "name": "cases", "root": { "id": "pick", "type": "Switch", "inputs": { "value": "type" },
              "branches": { "type": { "id": "one", "type": "Sequence" } } } }
            """);

        bot.Root.Slots["branches"].Should().BeEquivalentTo(new ActivitySlot(SlotKind.Map, [new SlotItem(new ActivityDefinition("one", "Sequence"), "type")]));
    }

    [Fact]
    public void The_CSharp_builder_and_the_equivalent_JSON_give_the_same_bot()
    {
        var built = Bot.Define("greeter")
            .Description("Says hello")
            .Version(2)
            .Input("who", DataType.Text, "world", description: "Whom to greet")
            .Input("token", DataType.Text, required: true, secret: true)
            .Output("greeting", DataType.Text)
            .Variable("count", DataType.Number, 0)
            .Root(Bot.Flowchart("flow",
                    Bot.Activity<SetVariable>("greet").DisplayName("Greet").Set(x => x.Variable, "greeting").Set(x => x.Value, InputValue.Liquid("Hello {{ who }}!")),
                    Bot.Activity<If>("long").Set(x => x.Condition, InputValue.JavaScript("greeting.length > 10"))
                        .Child(x => x.Then, Bot.Activity<Log>("say").Set(x => x.Message, "long greeting").Set(x => x.Level, "Warning")),
                    Bot.Activity<Switch>("pick").Set(x => x.Value, InputValue.JavaScript("count"))
                        .SetLiteral(x => x.Cases, new[] { "0" })
                        .Case(x => x.Branches, "1", Bot.Activity<Delay>("wait").Set(x => x.Seconds, 1.5m)),
                    Bot.Activity<RunBot>("call").Set(x => x.Bot, "other").SetLiteral(x => x.Arguments, new Dictionary<string, object?> { ["n"] = 1 }))
                .Connect("greet", "long")
                .Connect("long", "False", "pick")
                .Start("greet")
                .Designer(new JsonObject { ["x"] = 1 }))
            .Build();
        const string json = """
            {
              "format": 1,
              "name": "greeter",
              "version": 2,
              "description": "Says hello",
              "inputs": [
                { "name": "who", "type": "text", "description": "Whom to greet", "default": "world" },
                { "name": "token", "type": "text", "required": true, "secret": true }
              ],
              "outputs": [ { "name": "greeting", "type": "text" } ],
              "variables": [ { "name": "count", "type": "number", "value": 0 } ],
              "root": {
                "id": "flow",
                "type": "Flowchart",
                "activities": [
                  { "id": "greet", "type": "SetVariable", "displayName": "Greet", "inputs": { "variable": "greeting", "value": { "liquid": "Hello {{ who }}!" } } },
                  {
                    "id": "long", "type": "If", "inputs": { "condition": { "js": "greeting.length > 10" } },
                    "then": { "id": "say", "type": "Log", "inputs": { "message": "long greeting", "level": "Warning" } }
                  },
                  {
                    "id": "pick", "type": "Switch", "inputs": { "value": { "js": "count" }, "cases": [ "0" ] },
                    "branches": { "1": { "id": "wait", "type": "Delay", "inputs": { "seconds": 1.5 } } }
                  },
                  { "id": "call", "type": "RunBot", "inputs": { "bot": "other", "arguments": { "n": 1 } } }
                ],
                "connections": [
                  { "from": "greet", "to": "long" },
                  { "from": "long", "outcome": "False", "to": "pick" }
                ],
                "start": "greet",
                "designer": { "x": 1 }
              }
            }
            """;

        BotJson.Write(Read(json)).Should().Be(BotJson.Write(built));
        new BotTestHost().Validate(built).Problems.Should().BeEmpty();
    }

    [Fact]
    public void Malformed_JSON_is_reported_with_its_line_and_column()
    {
        var result = BotJson.Read("{\n  \"name\": \"broken\",\n  \"root\": { \"id\": \"a\" \"type\": \"Sequence\" }\n}");

        result.Success.Should().BeFalse();
        result.Bot.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Message.Should().Be("the file is not valid JSON at line 3, column 23: '\"' is invalid after a value. Expected either ',', '}', or ']'.");
        problem.ActivityId.Should().BeNull();
    }

    [Fact]
    public void Malformed_JSON_columns_count_characters_not_bytes()
    {
        // Regression: the column was the parser's UTF-8 byte offset, so every ü or ß before the error moved it right.
        var result = BotJson.Read("{\n  \"name\": \"Grüße Grüße\" x\n}");

        result.Problems.Should().ContainSingle().Which.Message.Should().StartWith("the file is not valid JSON at line 2, column 25: 'x' is invalid");
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var result = BotJson.Read("""
            {
              // a bot with comments
              "name": "relaxed",
              "root": { "id": "main", "type": "Sequence", }, /* trailing comma above */
            }
            """);

        result.Problems.Should().BeEmpty();
        result.Bot!.Name.Should().Be("relaxed");
    }

    [Fact]
    public void Unknown_properties_are_reported_where_they_are()
    {
        var result = BotJson.Read("""
            {
              "name": "typos",
              "varables": [],
              "inputs": [ { "name": "a", "type": "text", "requird": true } ],
              "variables": [ { "name": "b", "type": "text", "initial": 1 } ],
              "root": {
                "id": "flow", "type": "Flowchart", "dispayName": "x",
                "activities": [ { "id": "a1", "type": "Sequence" } ],
                "connections": [ { "from": "a1", "to": "a1", "when": "always" } ]
              }
            }
            """);

        result.Success.Should().BeFalse();
        result.Problems.Should().BeEquivalentTo(new[]
        {
            new ValidationProblem(null, "varables", "unknown property 'varables' (known: format, name, version, description, inputs, outputs, variables, root; keep your own data under a key starting with 'x-')"),
            new ValidationProblem(null, "inputs[0]", "unknown property 'requird' (known: name, type, description, required, default, secret)"),
            new ValidationProblem(null, "variables[0]", "unknown property 'initial' (known: name, type, value, description)"),
            new ValidationProblem("flow", "dispayName", "unknown property 'dispayName'; an activity has id, type, displayName, inputs, outputs, designer, its child slots and, for a Flowchart, connections and start"),
            new ValidationProblem("flow", "connections[0]", "unknown property 'when' (known: from, outcome, to)"),
        });
    }

    [Fact]
    public void Structural_mistakes_are_all_reported_at_once()
    {
        var result = BotJson.Read("""
            {
              "format": 2,
              "version": "one",
              "inputs": [ { "name": "a" }, { "name": "b", "type": "money" }, 5 ],
              "root": {
                "id": "main",
                "type": "Sequence",
                "activities": [
                  { "type": "Log" },
                  { "id": "x", "type": "Log", "inputs": { "message": { "js": 5 } }, "outputs": { "o": 1 } },
                  { "id": "y", "type": "Log", "inputs": 3, "connections": {} },
                  7
                ]
              }
            }
            """);

        result.Problems.Select(p => p.Message).Should().BeEquivalentTo(
            "this runtime reads bot format 1, not 2",
            "name is required",
            "the activity needs an id (a text unique in the bot)",
            "a js expression must be text",
            "an output maps to the name of a variable (text)",
            "inputs must be an object of name: value",
            "connections must be a list of {from, outcome, to}",
            "each entry must be an activity object",
            "version must be a whole number",
            "type is required (one of any, text, number, bool, datetime, list, object, table)",
            "unknown type 'money' (one of any, text, number, bool, datetime, list, object, table)",
            "each entry must be an object with name and type");
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_reported()
    {
        BotJson.Read("[1, 2]").Problems.Should().Equal(new ValidationProblem(null, null, "a bot is a JSON object with name and root"));
    }

    [Fact]
    public void Parse_throws_with_every_problem_and_the_bots_name()
    {
        var act = () => BotJson.Parse("""{ "name": "half", "root": { "id": "r" } }""");

        act.Should().Throw<BotValidationException>().WithMessage("Bot 'half' is not valid (1 problem):*type is required*");
    }

    [Fact]
    public void A_literal_object_that_looks_like_an_expression_is_written_wrapped_in_literal()
    {
        var bot = Bot.Define("wrapped")
            .Variable("x", DataType.Any)
            .Root(Bot.Activity<SetVariable>("set").Set(x => x.Variable, "x").SetLiteral(x => x.Value, new Dictionary<string, object?> { ["liquid"] = "not a template" }))
            .Build();

        var json = BotJson.Write(bot);

        JsonNode.Parse(json)!["root"]!["inputs"]!["value"]!.ToJsonString().Should().Be("""{"literal":{"liquid":"not a template"}}""");
        Read(json).Root.Inputs["value"].Should().Match<InputValue>(v => v.IsLiteral && v.Literal!["liquid"]!.GetValue<string>() == "not a template");
    }

    [Fact]
    public async Task A_bot_read_from_JSON_runs_like_the_same_bot_built_in_CSharp()
    {
        var result = (await new BotTestHost().RunJsonAsync("""
            {
              "name": "json-bot",
              "inputs": [ { "name": "n", "type": "number", "default": 4 } ],
              "outputs": [ { "name": "square", "type": "number" } ],
              "root": { "id": "set", "type": "SetVariable", "inputs": { "variable": "square", "value": { "js": "n * n" } } }
            }
            """)).ShouldSucceed();

        result.Outputs["square"].Should().Be(16m);
    }

    [Fact]
    public void Writing_is_canonical_whatever_the_input_layout()
    {
        var compact = """{"name":"c","root":{"type":"Sequence","id":"main"},"version":3,"x-a":1,"format":1}""";

        BotJson.Write(Read(compact)).Should().Be("""
            {
              "format": 1,
              "name": "c",
              "version": 3,
              "root": {
                "id": "main",
                "type": "Sequence"
              },
              "x-a": 1
            }

            """);
    }
}
