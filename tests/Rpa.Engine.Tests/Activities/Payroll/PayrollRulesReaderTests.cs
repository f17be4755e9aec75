using Rpa.Activities.Payroll;
using Rpa.Engine.Tests.Cli;

namespace Rpa.Engine.Tests.Activities.Payroll;

public sealed class PayrollRulesReaderTests
{
    private const string Minimal = """
        {
          "currency": "EUR",
          "payer": { "name": "Example Ltd", "iban": "DE02100500000024290661" },
          "taxClasses": { "A": { "brackets": [ { "upTo": 1000, "rate": 0 }, { "rate": 0.25 } ] } }
        }
        """;

    [Fact]
    public void Reads_the_example_rules_shipped_with_the_payroll_bot()
    {
        var rules = PayrollRulesReader.ReadFile(RepositoryRoot.Combine("bots", "payroll", "rules.json"));

        rules.Currency.Should().Be("EUR");
        rules.Payer.Should().Be(new Payer("Example Widgets Ltd", "DE02100500000024290661", "BELADEBEXXX"));
        rules.OvertimeThreshold.Should().Be(40m);
        rules.OvertimePer.Should().Be(OvertimePeriod.Week);
        rules.Multipliers.Should().Be(new HoursMultipliers(1.0m, 1.5m, 1.0m, 0.8m));
        rules.TaxClasses.Keys.Should().Equal("A", "B", "C");
        rules.TaxClasses["B"].Allowance.Should().Be(500m);
        rules.TaxClasses["A"].Brackets.Should().Equal(new TaxBracket(1000m, 0m), new TaxBracket(3000m, 0.20m), new TaxBracket(6000m, 0.30m), new TaxBracket(null, 0.42m));
        rules.Contributions.Select(c => (c.Name, c.Rate, c.Cap)).Should().Equal(("Pension", 0.093m, 8050.00m), ("Health insurance", 0.0815m, 5512.50m), ("Unemployment insurance", 0.013m, 8050.00m));
        rules.Deductions.Should().Equal(new FixedDeduction("Meal vouchers", 40.00m, false));
    }

    [Fact]
    public void Fills_defaults_for_the_optional_fields()
    {
        var rules = PayrollRulesReader.Parse(Minimal);

        rules.OvertimeThreshold.Should().BeNull();
        rules.Multipliers.Should().Be(new HoursMultipliers(1m, 1m, 1m, 1m));
        rules.RateDecimals.Should().Be(2);
        rules.SalariedStandardHours.Should().Be(160m);
        rules.Contributions.Should().BeEmpty();
        rules.Payer.Bic.Should().BeNull();
    }

    [Theory]
    [InlineData("\"currency\": \"EUR\",", "", "rules.json: currency: is missing")]
    [InlineData("\"EUR\"", "\"euro\"", "rules.json: currency: 'euro' is not an ISO 4217 code such as EUR")]
    [InlineData("DE02100500000024290661", "DE02100500000024290662", "rules.json: payer.iban: 'DE02100500000024290662' is not an IBAN: the check digits 02 do not match")]
    [InlineData("{ \"rate\": 0.25 }", "{ \"rate\": 1.25 }", "rules.json: taxClasses.A.brackets[1].rate: 1.25 must be between 0 and 1")]
    [InlineData("{ \"rate\": 0.25 }", "{ \"upTo\": 500, \"rate\": 0.25 }", "rules.json: taxClasses.A.brackets[1].upTo: the last bracket must be open-ended: leave out upTo so every amount is taxed")]
    [InlineData("{ \"upTo\": 1000, \"rate\": 0 }, { \"rate\": 0.25 }", "{ \"upTo\": 1000, \"rate\": 0 }, { \"upTo\": 900, \"rate\": 0.1 }, { \"rate\": 0.25 }", "rules.json: taxClasses.A.brackets[1].upTo: 900 must be above the previous bracket's 1000")]
    [InlineData("\"currency\"", "\"curency\": 1, \"currency\"", "rules.json: curency: unknown field; the fields are contributions, currency, deductions, description, hoursDecimals, multipliers, overtime, payer, rateDecimals, salaried, taxClasses")]
    [InlineData("\"taxClasses\"", "\"contributions\": [ { \"name\": \"Pension\", \"rate\": \"9%\" } ], \"taxClasses\"", "rules.json: contributions[0].rate: must be a number, not \"9%\"")]
    [InlineData("\"taxClasses\"", "\"deductions\": [ { \"name\": \"Fee\", \"amount\": 1.005 } ], \"taxClasses\"", "rules.json: deductions[0].amount: 1.005 has more than 2 decimals; amounts are in cents")]
    [InlineData("\"taxClasses\"", "\"deductions\": [ { \"name\": \"Net\", \"amount\": 1 } ], \"taxClasses\"", "rules.json: deductions[0].name: 'Net' is used twice or is a register column")]
    public void Names_the_field_and_the_reason_of_a_bad_rule(string find, string replace, string expected)
    {
        var json = Minimal.Replace(find, replace, StringComparison.Ordinal);

        var act = () => PayrollRulesReader.Parse(json, "rules.json");

        act.Should().Throw<PayrollRulesException>().Which.Message.Should().StartWith(expected);
    }

    [Fact]
    public void Reports_json_syntax_errors_with_the_line()
    {
        var act = () => PayrollRulesReader.Parse("{\n  \"currency\": \"EUR\"\n  \"payer\": {}\n}", "rules.json");

        act.Should().Throw<PayrollRulesException>().Which.Message.Should().StartWith("rules.json: not valid JSON (line 3)");
    }
}
