using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Values;

public sealed class DataTypesTests
{
    [Theory]
    [InlineData("text", DataType.Text)]
    [InlineData("String", DataType.Text)]
    [InlineData("decimal", DataType.Number)]
    [InlineData("boolean", DataType.Bool)]
    [InlineData("date", DataType.DateTime)]
    [InlineData("array", DataType.List)]
    [InlineData("TABLE", DataType.Table)]
    public void Type_names_and_their_aliases_parse_ignoring_case(string name, DataType expected)
    {
        DataTypes.TryParse(name, out var type).Should().BeTrue();
        type.Should().Be(expected);
    }

    [Fact]
    public void Unknown_type_names_do_not_parse()
    {
        DataTypes.TryParse("money", out _).Should().BeFalse();
        DataTypes.TryParse(null, out _).Should().BeFalse();
    }

    [Fact]
    public void Every_type_has_a_name_that_parses_back()
    {
        foreach (var type in Enum.GetValues<DataType>())
        {
            DataTypes.TryParse(DataTypes.ToName(type), out var parsed).Should().BeTrue();
            parsed.Should().Be(type);
        }

        DataTypes.Names.Should().Equal("any", "text", "number", "bool", "datetime", "list", "object", "table");
    }

    [Theory]
    [InlineData(typeof(int), DataType.Number)]
    [InlineData(typeof(decimal?), DataType.Number)]
    [InlineData(typeof(string), DataType.Text)]
    [InlineData(typeof(TimeSpan), DataType.Text)]
    [InlineData(typeof(DayOfWeek), DataType.Text)]
    [InlineData(typeof(DateOnly), DataType.DateTime)]
    [InlineData(typeof(Dictionary<string, object?>), DataType.Object)]
    [InlineData(typeof(List<string>), DataType.List)]
    [InlineData(typeof(Table), DataType.Table)]
    [InlineData(typeof(object), DataType.Any)]
    public void CLR_types_map_to_the_data_type_the_designer_shows(Type clr, DataType expected)
    {
        DataTypes.FromClr(clr).Should().Be(expected);
    }

    [Theory]
    [InlineData(DataType.Number, DataType.Text, true)]
    [InlineData(DataType.Text, DataType.Number, false)]
    [InlineData(DataType.Table, DataType.List, true)]
    [InlineData(DataType.List, DataType.Table, true)]
    [InlineData(DataType.Object, DataType.Any, true)]
    [InlineData(DataType.Any, DataType.Bool, true)]
    [InlineData(DataType.Object, DataType.List, false)]
    public void Outputs_can_go_to_variables_of_compatible_types(DataType source, DataType target, bool assignable)
    {
        DataTypes.IsAssignable(source, target).Should().Be(assignable);
    }
}
