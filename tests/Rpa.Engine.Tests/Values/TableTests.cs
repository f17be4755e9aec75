using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Values;

public sealed class TableTests
{
    private static Table People()
    {
        var table = new Table(["Name", "Email"]);
        table.AddRow("Ada", "ada@example.com");
        table.AddRow("Grace");
        return table;
    }

    [Fact]
    public void Columns_are_found_whatever_the_case()
    {
        var table = People();

        table.HasColumn("EMAIL").Should().BeTrue();
        table.ColumnIndex("email").Should().Be(1);
        table[0]["name"].Should().Be("Ada");
        table[0]["NAME"].Should().Be("Ada");
        table.Columns.Should().Equal("Name", "Email");
    }

    [Fact]
    public void Rows_read_and_write_cells_by_column_name_or_index()
    {
        var table = People();

        table[1]["EMAIL"] = "grace@example.com";
        table[1][0] = "Grace H.";

        table[1]["Email"].Should().Be("grace@example.com");
        table[1]["name"].Should().Be("Grace H.");
    }

    [Fact]
    public void A_row_with_fewer_values_than_columns_gets_nulls()
    {
        var table = People();

        table[1]["Email"].Should().BeNull();
        table.Count.Should().Be(2);
    }

    [Fact]
    public void A_row_with_more_values_than_columns_is_rejected()
    {
        FluentActions.Invoking(() => People().AddRow("a", "b", "c")).Should().Throw<ArgumentException>()
            .WithMessage("The row has 3 values but the table has 2 columns.*");
    }

    [Fact]
    public void An_unknown_column_names_the_columns_there_are()
    {
        var table = People();

        FluentActions.Invoking(() => table[0]["Phone"]).Should().Throw<KeyNotFoundException>()
            .WithMessage("The table has no column 'Phone'. Columns: Name, Email.");
    }

    [Fact]
    public void Column_names_must_be_unique_ignoring_case_and_not_empty()
    {
        FluentActions.Invoking(() => new Table(["Id", "ID"])).Should().Throw<ArgumentException>().WithMessage("The column 'ID' appears twice.*");
        FluentActions.Invoking(() => new Table(["Id", " "])).Should().Throw<ArgumentException>().WithMessage("A column name cannot be empty.*");
    }

    [Fact]
    public void Adding_a_column_gives_every_existing_row_an_empty_cell()
    {
        var table = People();

        var index = table.AddColumn("Phone");
        table[0]["phone"] = "555";

        index.Should().Be(2);
        table[0]["Phone"].Should().Be("555");
        table[1]["Phone"].Should().BeNull();
        table[1].Count.Should().Be(3);
        table.AddColumn("PHONE").Should().Be(2, "an existing column is found whatever the case");
    }

    [Fact]
    public void A_row_can_be_added_from_name_value_pairs_in_any_case()
    {
        var table = People();

        var row = table.AddRow(new Dictionary<string, object?> { ["email"] = "x@example.com", ["NAME"] = "X" });

        row["Name"].Should().Be("X");
        row["Email"].Should().Be("x@example.com");
    }

    [Fact]
    public void A_row_is_a_read_only_dictionary_of_its_cells()
    {
        IReadOnlyDictionary<string, object?> row = People()[0];

        row.Keys.Should().Equal("Name", "Email");
        row.Values.Should().Equal("Ada", "ada@example.com");
        row.ContainsKey("name").Should().BeTrue();
        row.TryGetValue("EMAIL", out var email).Should().BeTrue();
        email.Should().Be("ada@example.com");
        row.TryGetValue("Phone", out _).Should().BeFalse();
        row.Select(p => p.Key).Should().Equal("Name", "Email");
    }

    [Fact]
    public void A_row_copies_to_a_dictionary_with_the_column_names_as_written()
    {
        People()[0].ToDictionary().Should().Equal(new Dictionary<string, object?> { ["Name"] = "Ada", ["Email"] = "ada@example.com" });
    }

    [Fact]
    public void A_table_built_from_rows_of_another_table_keeps_their_columns()
    {
        var copy = Table.FromObjects(People().Rows);

        copy.Columns.Should().Equal("Name", "Email");
        copy.Rows.Select(r => r["name"]).Should().Equal("Ada", "Grace");
    }

    [Fact]
    public void A_table_describes_its_size()
    {
        People().ToString().Should().Be("table (2 rows × 2 columns)");
        People()[0].ToString().Should().Be("Name=Ada, Email=ada@example.com");
    }
}
