using System.Globalization;
using System.Text.RegularExpressions;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

/// <summary>
/// The Schema input of ValidateRows, parsed: column → rules such as {"required": true, "type": "number", "min": 0}.
/// Parsing reports every mistake in the schema itself (an unknown rule, a bad pattern) as an <see cref="ActivityException"/>.
/// </summary>
internal sealed partial class RowSchema
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private static readonly string[] RuleNames = ["required", "type", "pattern", "min", "max", "minLength", "maxLength", "oneOf"];

    private readonly List<Rules> _columns;

    private RowSchema(List<Rules> columns)
    {
        _columns = columns;
    }

    /// <summary>The columns the schema names, as it spells them.</summary>
    public IEnumerable<string> Columns => _columns.Select(c => c.Column);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    public static RowSchema Parse(IReadOnlyDictionary<string, object?>? schema)
    {
        if (schema is null || schema.Count == 0) throw new ActivityException("schema: give at least one column, such as {\"Amount\": {\"required\": true, \"type\": \"number\", \"min\": 0}}");
        var columns = new List<Rules>();
        foreach (var (column, value) in schema)
        {
            if (string.IsNullOrWhiteSpace(column)) throw new ActivityException("schema: a column name cannot be empty");
            if (value is not IEnumerable<KeyValuePair<string, object?>> rules)
            {
                throw new ActivityException($"schema: the rules of the column '{column}' must be an object such as {{\"required\": true, \"type\": \"number\"}}, not {Show(value)}");
            }

            columns.Add(ParseRules(column.Trim(), rules));
        }

        return new RowSchema(columns);
    }

    private static Rules ParseRules(string column, IEnumerable<KeyValuePair<string, object?>> rules)
    {
        var result = new Rules(column);
        foreach (var (key, value) in rules)
        {
            var name = RuleNames.FirstOrDefault(r => r.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? throw new ActivityException($"schema: the column '{column}' has an unknown rule '{key}' (rules: {string.Join(", ", RuleNames)})");
            if (value is null) continue;
            var where = $"schema: the column '{column}'";
            switch (name)
            {
                case "required":
                    result.Required = value as bool? ?? throw new ActivityException($"{where}: required must be true or false, not {Show(value)}");
                    break;
                case "type":
                    result.Type = (value as string)?.Trim().ToLowerInvariant() switch
                    {
                        "number" or "decimal" => RuleType.Number,
                        "text" or "string" => RuleType.Text,
                        "date" or "datetime" => RuleType.Date,
                        "bool" or "boolean" => RuleType.Bool,
                        "email" => RuleType.Email,
                        _ => throw new ActivityException($"{where} has the type {Show(value)}; use number, text, date, bool or email"),
                    };
                    break;
                case "pattern":
                    var pattern = value as string ?? throw new ActivityException($"{where}: pattern must be a regular expression as text, not {Show(value)}");
                    try
                    {
                        result.Pattern = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
                    }
                    catch (ArgumentException e)
                    {
                        throw new ActivityException($"{where} has an invalid pattern '{pattern}': {e.Message}", e);
                    }

                    break;
                case "min":
                    result.Min = Bound(value, where, name);
                    break;
                case "max":
                    result.Max = Bound(value, where, name);
                    break;
                case "minLength":
                    result.MinLength = Length(value, where, name);
                    break;
                case "maxLength":
                    result.MaxLength = Length(value, where, name);
                    break;
                case "oneOf":
                    if (value is string || value is not System.Collections.IEnumerable || value is IEnumerable<KeyValuePair<string, object?>>)
                    {
                        throw new ActivityException($"{where}: oneOf must be a list such as [\"North\", \"South\"], not {Show(value)}");
                    }

                    result.OneOf = ((System.Collections.IEnumerable)value).Cast<object?>().Select(ValueConverter.Normalize).ToList();
                    break;
            }
        }

        CheckBounds(result);
        return result;
    }

    /// <summary>A min or max: a number, or a date (ISO 8601 text) for a date column.</summary>
    private static object Bound(object value, string where, string name) => value switch
    {
        decimal d => d,
        DateTimeOffset d => d,
        string s when TextValues.TryParseDate(s, CultureInfo.InvariantCulture, out var date) => date,
        _ => throw new ActivityException($"{where}: {name} must be a number, or a date such as \"2025-01-01\" for a date column, not {Show(value)}"),
    };

    private static int Length(object value, string where, string name) =>
        value is decimal d && d >= 0 && d == decimal.Truncate(d) && d <= int.MaxValue
            ? (int)d
            : throw new ActivityException($"{where}: {name} must be a whole number of characters (0 or more), not {Show(value)}");

    private static void CheckBounds(Rules rules)
    {
        var where = $"schema: the column '{rules.Column}'";
        if (rules.Min is not null && rules.Max is not null)
        {
            if (rules.Min.GetType() != rules.Max.GetType()) throw new ActivityException($"{where}: min and max must both be numbers or both dates");
            if (Comparer<object>.Default.Compare(rules.Min, rules.Max) > 0) throw new ActivityException($"{where}: min {Text(rules.Min)} is more than max {Text(rules.Max)}");
        }

        var bound = rules.Min ?? rules.Max;
        if (bound is DateTimeOffset && rules.Type is not (null or RuleType.Date)) throw new ActivityException($"{where}: a date min or max needs the type date");
        if (bound is decimal && rules.Type is RuleType.Date) throw new ActivityException($"{where}: the type is date, so min and max must be dates such as \"2025-01-01\"");
        if (rules.MinLength > rules.MaxLength) throw new ActivityException($"{where}: minLength {rules.MinLength} is more than maxLength {rules.MaxLength}");
    }

    /// <summary>The columns the schema names that the table does not have.</summary>
    public IEnumerable<string> MissingFrom(Table table) => _columns.Select(c => c.Column).Where(c => !table.HasColumn(c));

    /// <summary>The problems of one row, as (column as the table spells it, value, message).</summary>
    public IEnumerable<(string Column, object? Value, string Message)> Check(TableRow row, CultureInfo culture)
    {
        foreach (var rules in _columns)
        {
            var index = row.Table.ColumnIndex(rules.Column);
            var column = row.Table.Columns[index];
            var value = row[index];
            foreach (var message in rules.Check(value, culture, column))
            {
                yield return (column, value, message);
            }
        }
    }

    private static bool IsEmpty(object? value) => value is null || (value is string s && s.Trim().Length == 0);

    private static string Text(object? value) => value is string s ? s : TextValues.Format(value, null, CultureInfo.InvariantCulture);

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        _ => $"{DataTypes.Describe(value)} {ValueConverter.ToText(value)}",
    };

    private enum RuleType
    {
        Number,
        Text,
        Date,
        Bool,
        Email,
    }

    private sealed class Rules(string column)
    {
        public string Column { get; } = column;

        public bool Required { get; set; }

        public RuleType? Type { get; set; }

        public Regex? Pattern { get; set; }

        public object? Min { get; set; }

        public object? Max { get; set; }

        public int? MinLength { get; set; }

        public int? MaxLength { get; set; }

        public List<object?>? OneOf { get; set; }

        public IEnumerable<string> Check(object? value, CultureInfo culture, string column)
        {
            if (IsEmpty(value))
            {
                if (Required) yield return "is required";
                yield break;
            }

            if (Type is { } type && !HasType(value!, type, culture))
            {
                yield return type switch
                {
                    RuleType.Number => "must be a number",
                    RuleType.Text => "must be text",
                    RuleType.Date => "must be a date",
                    RuleType.Bool => "must be true or false",
                    _ => "must be an email address",
                };
                yield break;
            }

            var text = Text(value);
            if (Pattern is not null && !Matches(Pattern, text, column)) yield return $"must match the pattern {Pattern}";
            if (MinLength is { } minLength && text.Length < minLength) yield return $"must have at least {minLength} characters";
            if (MaxLength is { } maxLength && text.Length > maxLength) yield return $"must have at most {maxLength} characters";
            if (Min is not null || Max is not null)
            {
                foreach (var message in CheckBounds(value!, culture))
                {
                    yield return message;
                }
            }

            if (OneOf is not null && !OneOf.Any(option => SameValue(value!, option, culture)))
            {
                yield return $"must be one of {string.Join(", ", OneOf.Select(Text))}";
            }
        }

        private IEnumerable<string> CheckBounds(object value, CultureInfo culture)
        {
            if ((Min ?? Max) is DateTimeOffset)
            {
                if (!TryDate(value, culture, out var date))
                {
                    yield return "must be a date";
                    yield break;
                }

                if (Min is DateTimeOffset min && date < min) yield return $"must be on or after {Text(min)}";
                if (Max is DateTimeOffset max && date > max) yield return $"must be on or before {Text(max)}";
                yield break;
            }

            if (!TryNumber(value, culture, out var number))
            {
                yield return "must be a number";
                yield break;
            }

            if (Min is decimal low && number < low) yield return $"must be at least {Text(low)}";
            if (Max is decimal high && number > high) yield return $"must be at most {Text(high)}";
        }

        private static bool Matches(Regex pattern, string text, string column)
        {
            try
            {
                return pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException e)
            {
                throw new ActivityException($"column '{column}': the pattern {pattern} took longer than {PatternTimeout.TotalSeconds:0} s on one value; simplify it", e);
            }
        }

        private static bool HasType(object value, RuleType type, CultureInfo culture) => type switch
        {
            RuleType.Number => TryNumber(value, culture, out _),
            RuleType.Text => value is string,
            RuleType.Date => TryDate(value, culture, out _),
            RuleType.Bool => value is bool || (value is string s && TextValues.TryParseBool(s, out _)),
            _ => value is string s && EmailPattern().IsMatch(s.Trim()),
        };

        private static bool TryNumber(object value, CultureInfo culture, out decimal number)
        {
            number = value is decimal d ? d : 0;
            return value is decimal || (value is string s && TextValues.TryParseNumber(s, culture, out number));
        }

        private static bool TryDate(object value, CultureInfo culture, out DateTimeOffset date)
        {
            date = value is DateTimeOffset d ? d : default;
            return value is DateTimeOffset || (value is string s && TextValues.TryParseDate(s, culture, out date));
        }

        /// <summary>Numbers compare as numbers (so "5.0" in a text column is 5), everything else by its text, case-sensitively.</summary>
        private static bool SameValue(object value, object? option, CultureInfo culture) =>
            option is decimal expected && TryNumber(value, culture, out var number)
                ? number == expected
                : string.Equals(Text(value), Text(option), StringComparison.Ordinal);
    }
}
