using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Values;

public sealed class ValueConverterTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData(" 1,234.50 ", 1234.5)]
    [InlineData("-0.125", -0.125)]
    [InlineData("1e3", 1000)]
    public void Text_converts_to_a_number_in_the_invariant_culture(string text, double expected)
    {
        ValueConverter.ConvertTo(text, DataType.Number).Should().Be((decimal)expected);
    }

    [Fact]
    public void Text_converts_to_a_number_the_same_way_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            ValueConverter.ConvertTo("1.5", DataType.Number).Should().Be(1.5m);
            ValueConverter.ToText(1234.5m).Should().Be("1234.5");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,5,5.5.5")]
    [InlineData("")]
    public void Text_that_is_not_a_number_fails_with_the_expected_type_and_the_value(string text)
    {
        FluentActions.Invoking(() => ValueConverter.ConvertTo(text, DataType.Number)).Should().Throw<ValueConversionException>()
            .WithMessage($"expected number but got text '{text}'");
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("12,34")]
    [InlineData("1,2345.6")]
    public void A_comma_that_is_not_a_thousands_separator_is_not_silently_dropped(string text)
    {
        // "1,5" is one and a half in much of Europe: reading it as 15 would be wrong without a word.
        FluentActions.Invoking(() => ValueConverter.ConvertTo(text, DataType.Number)).Should().Throw<ValueConversionException>()
            .WithMessage($"expected number but got text '{text}'");
    }

    [Fact]
    public void A_fraction_does_not_become_a_whole_number_input_by_rounding()
    {
        ValueConverter.Convert<int>("3").Should().Be(3);
        FluentActions.Invoking(() => ValueConverter.Convert<int>(2.5m)).Should().Throw<ValueConversionException>()
            .WithMessage("expected a whole number but got 2.5");
    }

    [Fact]
    public void Numbers_of_every_CLR_type_become_decimals()
    {
        ValueConverter.ConvertTo(3, DataType.Number).Should().Be(3m);
        ValueConverter.ConvertTo(3L, DataType.Number).Should().Be(3m);
        ValueConverter.ConvertTo(0.25d, DataType.Number).Should().Be(0.25m);
        ValueConverter.ConvertTo(true, DataType.Number).Should().Be(1m);
        ValueConverter.Normalize(2.5f).Should().Be(2.5m);
    }

    [Fact]
    public void A_number_that_is_not_finite_is_not_a_number_a_bot_can_use()
    {
        FluentActions.Invoking(() => ValueConverter.ConvertTo(double.NaN, DataType.Number)).Should().Throw<ValueConversionException>();
    }

    [Fact]
    public void Numbers_convert_to_the_integer_types_activities_declare()
    {
        ValueConverter.Convert<int>(3m).Should().Be(3);
        ValueConverter.Convert<long>("12").Should().Be(12L);
        ValueConverter.Convert<double>(1.5m).Should().Be(1.5d);
    }

    [Theory]
    [InlineData("2025-01-31", "2025-01-31T00:00:00+00:00")]
    [InlineData("2025-01-31T10:15:00Z", "2025-01-31T10:15:00+00:00")]
    [InlineData("2025-01-31T10:15:00+02:00", "2025-01-31T10:15:00+02:00")]
    [InlineData("31 Jan 2025", "2025-01-31T00:00:00+00:00")]
    public void Text_converts_to_a_date_assuming_UTC_when_it_has_no_offset(string text, string expected)
    {
        ValueConverter.ConvertTo(text, DataType.DateTime).Should().Be(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Dates_of_every_CLR_type_become_DateTimeOffset()
    {
        ValueConverter.ConvertTo(new DateTime(2025, 1, 31, 8, 0, 0, DateTimeKind.Unspecified), DataType.DateTime)
            .Should().Be(new DateTimeOffset(2025, 1, 31, 8, 0, 0, TimeSpan.Zero));
        ValueConverter.ConvertTo(new DateOnly(2025, 1, 31), DataType.DateTime).Should().Be(new DateTimeOffset(2025, 1, 31, 0, 0, 0, TimeSpan.Zero));
        ValueConverter.Convert<DateTime>("2025-01-31T10:00:00+02:00").Should().Be(new DateTime(2025, 1, 31, 8, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Text_that_is_not_a_date_fails_clearly()
    {
        FluentActions.Invoking(() => ValueConverter.ConvertTo("next tuesday", DataType.DateTime)).Should().Throw<ValueConversionException>()
            .WithMessage("expected datetime but got text 'next tuesday'");
    }

    [Fact]
    public void Values_convert_to_text_in_a_stable_invariant_form()
    {
        ValueConverter.ToText(null).Should().Be("");
        ValueConverter.ToText(12.50m).Should().Be("12.50");
        ValueConverter.ToText(true).Should().Be("true");
        ValueConverter.ToText(new DateTimeOffset(2025, 1, 31, 8, 0, 0, TimeSpan.Zero)).Should().Be("2025-01-31T08:00:00.0000000+00:00");
        ValueConverter.ToText(new List<object?> { 1m, "a" }).Should().Be("""[1,"a"]""");
        ValueConverter.ToText(new Dictionary<string, object?> { ["a"] = null }).Should().Be("""{"a":null}""");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" yes ", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void Text_converts_to_bool(string text, bool expected)
    {
        ValueConverter.ConvertTo(text, DataType.Bool).Should().Be(expected);
    }

    [Fact]
    public void Text_that_is_not_a_bool_fails_clearly()
    {
        FluentActions.Invoking(() => ValueConverter.ConvertTo("maybe", DataType.Bool)).Should().Throw<ValueConversionException>()
            .WithMessage("expected bool but got text 'maybe'");
    }

    [Fact]
    public void A_list_of_objects_converts_to_a_table_with_the_union_of_their_keys_as_columns()
    {
        var rows = new List<object?>
        {
            new Dictionary<string, object?> { ["Name"] = "Ada", ["Age"] = 36 },
            new Dictionary<string, object?> { ["name"] = "Grace", ["City"] = "Arlington" },
        };

        var table = ValueConverter.ConvertTo(rows, DataType.Table).Should().BeOfType<Table>().Subject;

        table.Columns.Should().Equal("Name", "Age", "City");
        table.Rows.Select(r => r["name"]).Should().Equal("Ada", "Grace");
        table[0]["Age"].Should().Be(36);
        table[1]["Age"].Should().BeNull();
        table[1]["city"].Should().Be("Arlington");
    }

    [Fact]
    public void A_list_of_something_other_than_objects_does_not_convert_to_a_table()
    {
        FluentActions.Invoking(() => ValueConverter.ConvertTo(new List<object?> { 1, 2 }, DataType.Table)).Should().Throw<ValueConversionException>()
            .WithMessage("A table row must be an object with named values, not number.");
        FluentActions.Invoking(() => ValueConverter.ConvertTo("a,b", DataType.Table)).Should().Throw<ValueConversionException>()
            .WithMessage("expected table but got text 'a,b'");
    }

    [Fact]
    public void A_table_converts_to_a_list_of_its_rows_and_back()
    {
        var table = new Table(["A"]);
        table.AddRow(1m);

        var list = ValueConverter.ConvertTo(table, DataType.List).Should().BeOfType<List<object?>>().Subject;

        list.Should().ContainSingle().Which.Should().BeOfType<TableRow>();
        ValueConverter.ConvertTo(table, DataType.Table).Should().BeSameAs(table);
    }

    [Fact]
    public void A_table_row_converts_to_an_object()
    {
        var table = new Table(["A", "B"]);
        var row = table.AddRow(1m, "x");

        ValueConverter.ConvertTo(row, DataType.Object).Should().BeEquivalentTo(new Dictionary<string, object?> { ["A"] = 1m, ["B"] = "x" });
    }

    [Fact]
    public void Text_does_not_become_a_list_and_an_object_does_not_become_a_list()
    {
        FluentActions.Invoking(() => ValueConverter.ConvertTo("abc", DataType.List)).Should().Throw<ValueConversionException>()
            .WithMessage("expected list but got text 'abc'");
        FluentActions.Invoking(() => ValueConverter.ConvertTo(new Dictionary<string, object?>(), DataType.List)).Should().Throw<ValueConversionException>()
            .WithMessage("expected list but got object {}");
    }

    [Fact]
    public void Lists_and_objects_are_normalized_to_the_engines_shapes()
    {
        var value = ValueConverter.Normalize(new object[] { 1, 2.5d, new[] { "x" }, new Dictionary<string, int> { ["n"] = 3 }.ToDictionary(p => p.Key, p => (object?)p.Value) });

        value.Should().BeEquivalentTo(new List<object?> { 1m, 2.5m, new List<object?> { "x" }, new Dictionary<string, object?> { ["n"] = 3 } });
    }

    [Fact]
    public void Null_is_fine_for_reference_types_but_not_for_numbers_or_bools()
    {
        ValueConverter.ConvertTo(null, DataType.Text).Should().BeNull();
        ValueConverter.Convert<decimal?>(null).Should().BeNull();
        FluentActions.Invoking(() => ValueConverter.Convert(null, typeof(decimal))).Should().Throw<ValueConversionException>()
            .WithMessage("expected number but got null");
    }

    [Fact]
    public void Enums_convert_from_their_names_ignoring_case_and_reject_anything_else()
    {
        ValueConverter.Convert<Backoff>("linear").Should().Be(Backoff.Linear);
        FluentActions.Invoking(() => ValueConverter.Convert<Backoff>("7")).Should().Throw<ValueConversionException>()
            .WithMessage("expected one of Constant, Linear, Exponential but got '7'");
    }

    [Fact]
    public void Time_spans_convert_from_seconds_and_from_text()
    {
        ValueConverter.Convert<TimeSpan>(1.5m).Should().Be(TimeSpan.FromSeconds(1.5));
        ValueConverter.Convert<TimeSpan>("00:02:00").Should().Be(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void JSON_literals_are_read_into_the_engines_shapes()
    {
        var value = ValueConverter.FromJson(JsonNode.Parse("""{ "n": 1.50, "big": 1e3, "s": "x", "b": false, "nil": null, "list": [1, { "k": true }] }"""));

        value.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["n"] = 1.50m,
            ["big"] = 1000m,
            ["s"] = "x",
            ["b"] = false,
            ["nil"] = null,
            ["list"] = new List<object?> { 1m, new Dictionary<string, object?> { ["k"] = true } },
        });
    }

    [Fact]
    public void A_JSON_number_too_large_for_a_decimal_fails_with_a_conversion_error()
    {
        // Regression: it escaped as an OverflowException, which nothing above caught.
        FluentActions.Invoking(() => ValueConverter.FromJson(JsonNode.Parse("1e400"))).Should().Throw<ValueConversionException>()
            .WithMessage("the number 1e400 is too large for a number a bot can use");
    }

    [Fact]
    public void JSON_values_convert_like_the_values_they_hold()
    {
        // Regression: a JsonElement or JsonNode (inputs of a run started through an API) converted only to text and object.
        static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

        ValueConverter.ConvertTo(Json("5"), DataType.Number).Should().Be(5m);
        ValueConverter.ConvertTo(Json("\"5.5\""), DataType.Number).Should().Be(5.5m);
        ValueConverter.ConvertTo(Json("true"), DataType.Bool).Should().Be(true);
        ValueConverter.ConvertTo(Json("\"2025-01-31\""), DataType.DateTime).Should().Be(new DateTimeOffset(2025, 1, 31, 0, 0, 0, TimeSpan.Zero));
        ValueConverter.ConvertTo(Json("[{ \"a\": 1 }]"), DataType.Table).Should().BeOfType<Table>().Which[0]["A"].Should().Be(1m);
        ValueConverter.ConvertTo(Json("null"), DataType.Text).Should().BeNull();
        ValueConverter.ConvertTo(JsonNode.Parse("[1, 2]"), DataType.List).Should().BeEquivalentTo(new List<object?> { 1m, 2m });
        ValueConverter.Convert<int>(JsonNode.Parse("3")).Should().Be(3);
    }

    [Fact]
    public void JSON_elements_are_normalized_like_JSON_nodes()
    {
        using var document = JsonDocument.Parse("""{ "a": [1, "two"] }""");

        ValueConverter.Normalize(document.RootElement).Should().BeEquivalentTo(new Dictionary<string, object?> { ["a"] = new List<object?> { 1m, "two" } });
    }

    [Fact]
    public void Values_are_written_as_JSON_with_dates_as_ISO_text_and_tables_as_row_objects()
    {
        var table = new Table(["Sku", "Qty"]);
        table.AddRow("A", 2m);
        var value = new Dictionary<string, object?>
        {
            ["when"] = new DateTimeOffset(2025, 1, 31, 0, 0, 0, TimeSpan.Zero),
            ["table"] = table,
            ["mode"] = Backoff.Constant,
            ["wait"] = TimeSpan.FromSeconds(90),
        };

        var json = ValueConverter.ToJson(value)!;

        json["when"]!.GetValue<string>().Should().Be("2025-01-31T00:00:00.0000000+00:00");
        json["table"]!.ToJsonString().Should().Be("""[{"Sku":"A","Qty":2}]""");
        json["mode"]!.GetValue<string>().Should().Be("Constant");
        json["wait"]!.GetValue<string>().Should().Be("00:01:30");
    }

    [Fact]
    public void JSON_written_from_values_reads_back_to_the_same_values()
    {
        var original = new Dictionary<string, object?> { ["n"] = 12.5m, ["list"] = new List<object?> { "a", true, null }, ["o"] = new Dictionary<string, object?> { ["x"] = 1m } };

        ValueConverter.FromJson(ValueConverter.ToJson(original)).Should().BeEquivalentTo(original);
    }

    [Fact]
    public void Long_values_are_shortened_in_error_messages()
    {
        var text = new string('x', 100);

        FluentActions.Invoking(() => ValueConverter.ConvertTo(text, DataType.Number)).Should().Throw<ValueConversionException>()
            .WithMessage($"expected number but got text '{text[..57]}...'");
    }
}
