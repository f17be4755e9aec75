using System.Text.Json;

namespace Rpa.Activities.Payroll;

/// <summary>Reads a rules file (JSON, see docs/payroll.md) into <see cref="PayrollRules"/>; every problem names the file and the field.</summary>
public static class PayrollRulesReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static PayrollRules ReadFile(string path, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        if (!File.Exists(path)) throw new PayrollRulesException($"the rules file {name} does not exist ({path})");
        return Parse(File.ReadAllText(path), name);
    }

    public static PayrollRules Parse(string json, string source = "rules")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new PayrollRulesException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        using (document)
        {
            return new Reader(source).Read(document.RootElement);
        }
    }

    private sealed class Reader(string source)
    {
        private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
        {
            "currency", "payer", "rateDecimals", "hoursDecimals", "overtime", "multipliers", "salaried", "taxClasses", "contributions", "deductions", "$schema", "description",
        };

        private PayrollRulesException Error(string field, string reason) => new($"{source}: {field}: {reason}");

        public PayrollRules Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Error("(root)", "the rules must be a JSON object");
            foreach (var property in root.EnumerateObject())
            {
                if (!Known.Contains(property.Name)) throw Error(property.Name, $"unknown field; the fields are {string.Join(", ", Known.Where(k => k[0] != '$').Order(StringComparer.Ordinal))}");
            }

            var currency = Text(root, "currency", "currency", required: true)!;
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) throw Error("currency", $"'{currency}' is not an ISO 4217 code such as EUR");

            var overtime = Optional(root, "overtime");
            var salaried = Optional(root, "salaried");
            var contributions = ReadContributions(root);
            var deductions = ReadDeductions(root);
            var names = new HashSet<string>(PayrollRegister.FixedColumns, StringComparer.OrdinalIgnoreCase);
            foreach (var (field, name) in contributions.Select((c, i) => ($"contributions[{i}].name", c.Name)).Concat(deductions.Select((d, i) => ($"deductions[{i}].name", d.Name))))
            {
                if (!names.Add(name)) throw Error(field, $"'{name}' is used twice or is a register column ({string.Join(", ", PayrollRegister.FixedColumns)}); give each contribution and deduction its own name");
            }

            return new PayrollRules
            {
                Currency = currency,
                Payer = ReadPayer(Required(root, "payer", "payer")),
                RateDecimals = (int)Number(root, "rateDecimals", "rateDecimals", 2m, 0m, 6m, whole: true),
                HoursDecimals = (int)Number(root, "hoursDecimals", "hoursDecimals", 2m, 0m, 6m, whole: true),
                OvertimeThreshold = overtime is { } o ? NullableNumber(o, "thresholdHours", "overtime.thresholdHours", 0m, null) : null,
                OvertimePer = overtime is { } p ? ReadOvertimePer(p) : OvertimePeriod.Week,
                Multipliers = ReadMultipliers(root),
                SalariedStandardHours = salaried is { } s ? Number(s, "standardHours", "salaried.standardHours", 160m, 0.01m, null) : 160m,
                SalariedOvertimePaid = salaried is { } t ? Bool(t, "payOvertime", "salaried.payOvertime", true) : true,
                TaxClasses = ReadTaxClasses(Required(root, "taxClasses", "taxClasses")),
                Contributions = contributions,
                Deductions = deductions,
            };
        }

        private Payer ReadPayer(JsonElement payer)
        {
            Object(payer, "payer");
            var name = Text(payer, "name", "payer.name", required: true)!;
            var iban = Text(payer, "iban", "payer.iban", required: true)!;
            if (!Iban.TryNormalize(iban, out var normalized, out var reason)) throw Error("payer.iban", reason);
            var bic = Text(payer, "bic", "payer.bic", required: false);
            if (bic is not null && !Bic.IsValid(bic)) throw Error("payer.bic", $"'{bic}' is not a BIC (8 or 11 letters and digits, such as COBADEFFXXX)");
            return new Payer(name, normalized, bic?.ToUpperInvariant());
        }

        private OvertimePeriod ReadOvertimePer(JsonElement overtime)
        {
            var per = Text(overtime, "per", "overtime.per", required: false) ?? "week";
            return per.ToLowerInvariant() switch
            {
                "day" => OvertimePeriod.Day,
                "week" => OvertimePeriod.Week,
                "period" => OvertimePeriod.Period,
                _ => throw Error("overtime.per", $"'{per}' is not day, week or period"),
            };
        }

        private HoursMultipliers ReadMultipliers(JsonElement root)
        {
            var m = Optional(root, "multipliers");
            if (m is null) return new HoursMultipliers(1m, 1m, 1m, 1m);
            var e = m.Value;
            Object(e, "multipliers");
            return new HoursMultipliers(
                Number(e, "regular", "multipliers.regular", 1m, 0m, 10m),
                Number(e, "overtime", "multipliers.overtime", 1m, 0m, 10m),
                Number(e, "holiday", "multipliers.holiday", 1m, 0m, 10m),
                Number(e, "sick", "multipliers.sick", 1m, 0m, 10m));
        }

        private Dictionary<string, TaxClass> ReadTaxClasses(JsonElement classes)
        {
            Object(classes, "taxClasses");
            var result = new Dictionary<string, TaxClass>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in classes.EnumerateObject())
            {
                var field = $"taxClasses.{property.Name}";
                Object(property.Value, field);
                var allowance = Money(property.Value, "allowance", $"{field}.allowance", 0m);
                var brackets = Required(property.Value, "brackets", $"{field}.brackets");
                if (brackets.ValueKind != JsonValueKind.Array || brackets.GetArrayLength() == 0) throw Error($"{field}.brackets", "must be a list of at least one bracket such as { \"upTo\": 1000, \"rate\": 0.1 }");
                var list = new List<TaxBracket>();
                decimal? previous = null;
                var i = 0;
                foreach (var bracket in brackets.EnumerateArray())
                {
                    var at = $"{field}.brackets[{i}]";
                    Object(bracket, at);
                    var upTo = NullableNumber(bracket, "upTo", $"{at}.upTo", 0m, null);
                    var rate = Number(bracket, "rate", $"{at}.rate", null, 0m, 1m);
                    var last = i == brackets.GetArrayLength() - 1;
                    if (upTo is null && !last) throw Error($"{at}.upTo", "only the last bracket may be open-ended (no upTo)");
                    if (upTo is not null && last) throw Error($"{at}.upTo", "the last bracket must be open-ended: leave out upTo so every amount is taxed");
                    if (upTo is not null && previous is not null && upTo <= previous) throw Error($"{at}.upTo", $"{upTo} must be above the previous bracket's {previous}");
                    previous = upTo ?? previous;
                    list.Add(new TaxBracket(upTo, rate));
                    i++;
                }

                result[property.Name] = new TaxClass(property.Name, allowance, list);
            }

            if (result.Count == 0) throw Error("taxClasses", "give at least one tax class");
            return result;
        }

        private List<Contribution> ReadContributions(JsonElement root)
        {
            var result = new List<Contribution>();
            foreach (var (item, field) in Items(root, "contributions"))
            {
                result.Add(new Contribution(
                    Text(item, "name", $"{field}.name", required: true)!,
                    Number(item, "rate", $"{field}.rate", null, 0m, 1m),
                    Optional(item, "cap") is null ? null : Money(item, "cap", $"{field}.cap", null),
                    Bool(item, "preTax", $"{field}.preTax", true)));
            }

            return result;
        }

        private List<FixedDeduction> ReadDeductions(JsonElement root)
        {
            var result = new List<FixedDeduction>();
            foreach (var (item, field) in Items(root, "deductions"))
            {
                result.Add(new FixedDeduction(
                    Text(item, "name", $"{field}.name", required: true)!,
                    Money(item, "amount", $"{field}.amount", null),
                    Bool(item, "preTax", $"{field}.preTax", false)));
            }

            return result;
        }

        private IEnumerable<(JsonElement Item, string Field)> Items(JsonElement root, string name)
        {
            var list = Optional(root, name);
            if (list is null) yield break;
            if (list.Value.ValueKind != JsonValueKind.Array) throw Error(name, "must be a list");
            var i = 0;
            foreach (var item in list.Value.EnumerateArray())
            {
                Object(item, $"{name}[{i}]");
                yield return (item, $"{name}[{i}]");
                i++;
            }
        }

        private static JsonElement? Optional(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        private JsonElement Required(JsonElement parent, string name, string field) =>
            Optional(parent, name) ?? throw Error(field, "is missing");

        private void Object(JsonElement element, string field)
        {
            if (element.ValueKind != JsonValueKind.Object) throw Error(field, "must be a JSON object");
        }

        private string? Text(JsonElement parent, string name, string field, bool required)
        {
            var value = Optional(parent, name);
            if (value is null) return required ? throw Error(field, "is missing") : null;
            if (value.Value.ValueKind != JsonValueKind.String || value.Value.GetString()!.Trim().Length == 0) throw Error(field, "must be a non-empty text");
            return value.Value.GetString()!.Trim();
        }

        private bool Bool(JsonElement parent, string name, string field, bool fallback)
        {
            var value = Optional(parent, name);
            if (value is null) return fallback;
            return value.Value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(field, "must be true or false"),
            };
        }

        private decimal Money(JsonElement parent, string name, string field, decimal? fallback)
        {
            var amount = Number(parent, name, field, fallback, 0m, null);
            if (amount != Math.Round(amount, 2)) throw Error(field, $"{amount} has more than 2 decimals; amounts are in cents");
            return amount;
        }

        private decimal? NullableNumber(JsonElement parent, string name, string field, decimal min, decimal? max) =>
            Optional(parent, name) is null ? null : Number(parent, name, field, null, min, max);

        private decimal Number(JsonElement parent, string name, string field, decimal? fallback, decimal min, decimal? max, bool whole = false)
        {
            var value = Optional(parent, name);
            if (value is null) return fallback ?? throw Error(field, "is missing");
            if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetDecimal(out var number)) throw Error(field, $"must be a number, not {value.Value.GetRawText()}");
            if (number < min || (max is not null && number > max)) throw Error(field, max is null ? $"{number} must be at least {min}" : $"{number} must be between {min} and {max}");
            if (whole && number != decimal.Truncate(number)) throw Error(field, $"{number} must be a whole number");
            return number;
        }
    }
}
