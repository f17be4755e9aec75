using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Engine.Expressions;

/// <summary>
/// Says which field after a dot a Liquid template asked for and the value does not have. Fluid reports a missing field of
/// an object only as "Undefined variable 'Fluid.Ast.IdentifierSegment'", which names neither; this finds it from the
/// template's text and the variables in scope.
/// </summary>
public static partial class LiquidFieldCheck
{
    private const int FieldsShown = 12;

    /// <summary>"'customer' has no field 'nmae' (its fields: name, address)", or null when no dotted name explains it.</summary>
    public static string? Explain(string template, IReadOnlyDictionary<string, object?> variables) =>
        Explain(template, name => variables.TryGetValue(name, out var value) ? new StrongBox<object?>(value) : null);

    internal static string? Explain(string template, VariableScope scope) =>
        Explain(template, name => scope.Find(name) is { } variable ? new StrongBox<object?>(variable.Value) : null);

    /// <summary><paramref name="find"/> gives a variable's value in a box, or null when no variable has the name.</summary>
    private static string? Explain(string template, Func<string, StrongBox<object?>?> find)
    {
        var unresolved = new List<string>();
        foreach (Match tag in LiquidSource.Tag().Matches(template))
        {
            var code = LiquidSource.Quoted().Replace(tag.Value, "''");
            foreach (Match path in DottedName().Matches(code))
            {
                var names = path.Value.Split('.');
                if (names[0] is "forloop" or "tablerowloop") continue; // Liquid's own loop objects
                if (find(names[0]) is not { } variable)
                {
                    unresolved.Add(path.Value);
                    continue;
                }

                if (MissingField(variable.Value, names) is { } problem) return problem;
            }
        }

        return unresolved.Distinct(StringComparer.Ordinal).ToList() switch
        {
            [] => null,
            [var one] => $"a field after a dot is not defined in '{one}'",
            var many => $"a field after a dot is not defined in one of {string.Join(", ", many.Select(m => $"'{m}'"))}",
        };
    }

    private static string? MissingField(object? value, string[] names)
    {
        for (var i = 1; i < names.Length; i++)
        {
            var owner = string.Join('.', names[..i]);
            var field = names[i];
            switch (value)
            {
                case IEnumerable<KeyValuePair<string, object?>> fields:
                    var all = fields.ToList();
                    var found = all.FindIndex(f => string.Equals(f.Key, field, StringComparison.Ordinal));
                    if (found < 0 && field is not "size")
                    {
                        var shown = string.Join(", ", all.Take(FieldsShown).Select(f => f.Key)) + (all.Count > FieldsShown ? ", ..." : "");
                        return $"'{owner}' has no field '{field}'" + (all.Count == 0 ? " (it has no fields)" : $" (its fields: {shown})");
                    }

                    value = found < 0 ? all.Count : all[found].Value;
                    break;
                case string or Table or IEnumerable when field is "size" or "first" or "last":
                    var items = value is string s ? s.Cast<object?>().ToList() : value is Table t ? t.Rows.Cast<object?>().ToList() : ((IEnumerable)value).Cast<object?>().ToList();
                    value = field == "size" ? items.Count : field == "first" ? items.FirstOrDefault() : items.LastOrDefault();
                    break;
                case null:
                    return $"'{owner}' is empty, so it has no field '{field}'";
                default:
                    return $"'{owner}' is {Describe(value)}, which has no field '{field}' (lists and text have size, first and last)";
            }
        }

        return null;
    }

    private static string Describe(object value) => value switch
    {
        string => "text",
        decimal or int or long or double => "a number",
        bool => "true or false",
        DateTimeOffset or DateTime => "a date",
        Table => "a table",
        IEnumerable => "a list",
        _ => "a value",
    };

    /// <summary>name.field.field: a variable and the fields after it (not a number like 1.5, not a filter's argument name).</summary>
    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")]
    private static partial Regex DottedName();
}
