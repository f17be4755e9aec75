using Rpa.Activities.Data;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Data;

public sealed class ValidateRowsTests : IDisposable
{
    private static readonly (string, DataType)[] AllOutputs =
        [("valid", DataType.Table), ("invalid", DataType.Table), ("errors", DataType.List), ("count", DataType.Number)];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Dictionary<string, object?> Rules(params (string Rule, object? Value)[] rules) => rules.ToDictionary(r => r.Rule, r => r.Value);

    private static ActivityBuilder<ValidateRows> Check(Dictionary<string, object?> schema, InputValue? data = null) =>
        Bot.Activity<ValidateRows>("check")
            .Set(x => x.Data, data ?? InputValue.JavaScript("data"))
            .SetLiteral(x => x.Schema, schema)
            .Output(x => x.Valid, "valid")
            .Output(x => x.Invalid, "invalid")
            .Output(x => x.Errors, "errors")
            .Output(x => x.ErrorCount, "count");

    private async Task<RunResult> CheckAsync(IActivityBuilder check, Table data)
    {
        var result = await DataBot.RunAsync(_folder.Path, check, data, AllOutputs);
        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        return result;
    }

    /// <summary>The messages for one column, one value per row, with only <paramref name="rules"/> on it.</summary>
    private async Task<List<string?>> MessagesAsync(Dictionary<string, object?> rules, params object?[] values)
    {
        var data = new Table(["Value"]);
        foreach (var value in values)
        {
            data.AddRow([value]);
        }

        var result = await CheckAsync(Check(new Dictionary<string, object?> { ["Value"] = rules }), data);
        var invalid = (Table)result.Outputs["invalid"]!;
        var byValue = invalid.Rows.ToDictionary(r => (object)(r["Value"] ?? "(null)"), r => (string?)r["Errors"]);
        return values.Select(v => byValue.GetValueOrDefault(v ?? "(null)")).ToList();
    }

    private static Table Customers()
    {
        var table = new Table(["Name", "Email", "Amount", "Region"]);
        table.AddRow("Acme", "ap@acme.example", 120m, "North");
        table.AddRow("", "not-an-email", -5m, "North");
        table.AddRow("Smith & Co", "sales@smith.example", 40m, "West");
        table.AddRow("Jones", "jones@example.org", "12.50", "South");
        return table;
    }

    private static Dictionary<string, object?> CustomerSchema() => new()
    {
        ["Name"] = Rules(("required", true)),
        ["Email"] = Rules(("required", true), ("type", "email")),
        ["Amount"] = Rules(("type", "number"), ("min", 0m)),
        ["Region"] = Rules(("oneOf", new List<object?> { "North", "South", "East" })),
    };

    [Fact]
    public async Task Splits_rows_into_valid_and_invalid_without_failing_the_run()
    {
        var customers = Customers();

        var result = await CheckAsync(Check(CustomerSchema()), customers);

        var valid = (Table)result.Outputs["valid"]!;
        var invalid = (Table)result.Outputs["invalid"]!;
        valid.Columns.Should().Equal("Name", "Email", "Amount", "Region");
        valid.Rows.Select(r => r["Name"]).Should().Equal("Acme", "Jones");
        valid[1]["Amount"].Should().Be("12.50"); // validated as a number, passed on as it was
        invalid.Columns.Should().Equal("Name", "Email", "Amount", "Region", "Errors");
        invalid.Rows.Select(r => r["Errors"]).Should().Equal(
            "Name: is required; Email: must be an email address; Amount: must be at least 0",
            "Region: must be one of North, South, East");
        invalid[0]["Amount"].Should().Be(-5m);
        customers.Columns.Should().NotContain("Errors");
        result.Outputs["count"].Should().Be(4m);
    }

    [Fact]
    public async Task Lists_each_problem_with_its_row_column_value_and_message()
    {
        var result = await CheckAsync(Check(CustomerSchema()), Customers());

        result.Outputs["errors"].Should().BeEquivalentTo(new List<object?>
        {
            new Dictionary<string, object?> { ["row"] = 2m, ["column"] = "Name", ["value"] = "", ["message"] = "is required" },
            new Dictionary<string, object?> { ["row"] = 2m, ["column"] = "Email", ["value"] = "not-an-email", ["message"] = "must be an email address" },
            new Dictionary<string, object?> { ["row"] = 2m, ["column"] = "Amount", ["value"] = -5m, ["message"] = "must be at least 0" },
            new Dictionary<string, object?> { ["row"] = 3m, ["column"] = "Region", ["value"] = "West", ["message"] = "must be one of North, South, East" },
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Checks_types_of_typed_values_and_of_text()
    {
        (await MessagesAsync(Rules(("type", "number")), 1.5m, "2,500.75", "12abc", true)).Should().Equal(null, null, "Value: must be a number", "Value: must be a number");
        (await MessagesAsync(Rules(("type", "date")), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), "2025-03-05", "soon")).Should().Equal(null, null, "Value: must be a date");
        (await MessagesAsync(Rules(("type", "bool")), true, "no", "maybe")).Should().Equal(null, null, "Value: must be true or false");
        (await MessagesAsync(Rules(("type", "text")), "x", 5m)).Should().Equal(null, "Value: must be text");
        (await MessagesAsync(Rules(("type", "email")), "a.b@example.co.uk", "a@b", "a b@c.de")).Should().Equal(null, "Value: must be an email address", "Value: must be an email address");
    }

    [Fact]
    public async Task Checks_patterns_lengths_ranges_and_allowed_values()
    {
        (await MessagesAsync(Rules(("pattern", "^[A-Z]{2}-\\d{3}$")), "DE-123", "de-123")).Should().Equal(null, "Value: must match the pattern ^[A-Z]{2}-\\d{3}$");
        (await MessagesAsync(Rules(("minLength", 2m), ("maxLength", 4m)), "ab", "a", "abcde")).Should().Equal(null, "Value: must have at least 2 characters", "Value: must have at most 4 characters");
        (await MessagesAsync(Rules(("min", 1m), ("max", 10m)), 1m, "10", 0.99m, 10.01m, "ten")).Should().Equal(
            null, null, "Value: must be at least 1", "Value: must be at most 10", "Value: must be a number");
        (await MessagesAsync(Rules(("type", "date"), ("min", "2025-01-01"), ("max", "2025-12-31")), "2025-06-30", "2024-12-31", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))).Should().Equal(
            null, "Value: must be on or after 2025-01-01", "Value: must be on or before 2025-12-31");
        (await MessagesAsync(Rules(("oneOf", new List<object?> { 1m, 2m, "three" })), "1.0", 2m, "three", "Three")).Should().Equal(
            null, null, null, "Value: must be one of 1, 2, three");
    }

    [Fact]
    public async Task Applies_only_required_to_empty_values()
    {
        (await MessagesAsync(Rules(("type", "number"), ("min", 5m)), null, " ")).Should().Equal(null, null);
        (await MessagesAsync(Rules(("required", true), ("type", "number")), null, " ")).Should().Equal("Value: is required", "Value: is required");
    }

    [Fact]
    public async Task Reads_numbers_and_dates_held_as_text_in_the_culture()
    {
        var data = new Table(["Betrag", "Datum"]);
        data.AddRow("1.234,56", "05.03.2025");
        data.AddRow("1,234.56", "2025-03-05");
        var schema = new Dictionary<string, object?> { ["Betrag"] = Rules(("type", "number"), ("max", 2000m)), ["Datum"] = Rules(("type", "date")) };

        var result = await CheckAsync(Check(schema).Set(x => x.Culture, "de-DE"), data);

        ((Table)result.Outputs["valid"]!).Count.Should().Be(1);
        ((Table)result.Outputs["invalid"]!).Rows.Select(r => r["Errors"]).Should().Equal("Betrag: must be a number");
    }

    [Fact]
    public async Task Names_a_schema_column_that_is_not_in_the_data_and_the_columns_it_has()
    {
        var schema = new Dictionary<string, object?> { ["Emial"] = Rules(("required", true)) };

        var result = await DataBot.RunAsync(_folder.Path, Check(schema), Customers(), AllOutputs);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("check");
        result.Error.Message.Should().Be("schema: the column 'Emial' is not in the data (the data has Name, Email, Amount, Region)");
    }

    [Fact]
    public void Rejects_an_invalid_pattern_an_unknown_rule_and_an_unknown_type_in_a_literal_schema_before_the_run()
    {
        Engine.Validation.CompileResult Compile(Dictionary<string, object?> schema) => DataBot.Compile(Check(schema, InputValue.JavaScript("[]")), AllOutputs);

        var pattern = Compile(new() { ["Code"] = Rules(("pattern", "[A-Z")) });
        var rule = Compile(new() { ["Amount"] = Rules(("maximum", 5m)) });
        var type = Compile(new() { ["Amount"] = Rules(("type", "money")) });
        var bounds = Compile(new() { ["Amount"] = Rules(("min", 10m), ("max", 5m)) });
        var shape = Compile(new() { ["Amount"] = "number" });

        pattern.Problems.Should().ContainSingle().Which.ToString().Should().StartWith("activity 'check': schema: the column 'Code' has an invalid pattern '[A-Z': ");
        rule.Problems.Should().ContainSingle().Which.Message.Should().Be("schema: the column 'Amount' has an unknown rule 'maximum' (rules: required, type, pattern, min, max, minLength, maxLength, oneOf)");
        type.Problems.Should().ContainSingle().Which.Message.Should().Be("schema: the column 'Amount' has the type 'money'; use number, text, date, bool or email");
        bounds.Problems.Should().ContainSingle().Which.Message.Should().Be("schema: the column 'Amount': min 10 is more than max 5");
        shape.Problems.Should().ContainSingle().Which.Message.Should().Be("schema: the rules of the column 'Amount' must be an object such as {\"required\": true, \"type\": \"number\"}, not 'number'");
    }

    [Fact]
    public async Task Reports_a_bad_schema_given_by_an_expression_when_the_activity_runs()
    {
        ActivityBuilder<ValidateRows> Check(string data) => Bot.Activity<ValidateRows>("check")
            .Set(x => x.Data, InputValue.JavaScript(data))
            .Set(x => x.Schema, InputValue.JavaScript("({ Name: { required: true, pattern: '(' } })"))
            .Output(x => x.Valid, "valid");

        var compiled = DataBot.Compile(Check("[]"), ("valid", DataType.Table));
        var result = await DataBot.RunAsync(_folder.Path, Check("data"), Customers(), ("valid", DataType.Table));

        compiled.IsValid.Should().BeTrue();
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().StartWith("schema: the column 'Name' has an invalid pattern '(': ");
    }

    [Fact]
    public async Task Validates_a_list_of_objects_and_an_empty_list()
    {
        var schema = new Dictionary<string, object?> { ["Qty"] = Rules(("type", "number"), ("min", 1m)) };

        var list = await DataBot.RunAsync(_folder.Path, Check(schema, InputValue.JavaScript("[{ Item: 'tea', Qty: 2 }, { Item: 'cake', Qty: 0 }]")), AllOutputs);
        var empty = await DataBot.RunAsync(_folder.Path, Check(schema, InputValue.JavaScript("[]")), AllOutputs);

        list.Status.Should().Be(RunStatus.Succeeded, list.ErrorMessage);
        ((Table)list.Outputs["invalid"]!).Rows.Select(r => r["Item"]).Should().Equal("cake");
        empty.Status.Should().Be(RunStatus.Succeeded, empty.ErrorMessage);
        ((Table)empty.Outputs["valid"]!).Count.Should().Be(0);
        empty.Outputs["count"].Should().Be(0m);
    }

    [Fact]
    public async Task Refuses_data_that_already_has_an_errors_column()
    {
        var data = new Table(["Id", "errors"]);
        data.AddRow(1m, "none");

        var result = await DataBot.RunAsync(_folder.Path, Check(new Dictionary<string, object?> { ["Id"] = Rules(("required", true)) }), data, AllOutputs);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("the data already has a column 'errors'; the invalid rows get an Errors column listing their problems, so rename it first");
    }
}
