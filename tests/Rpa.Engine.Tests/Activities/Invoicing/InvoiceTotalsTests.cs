using Rpa.Activities.Invoicing;
using static Rpa.Engine.Tests.Activities.Invoicing.InvoiceSamples;

namespace Rpa.Engine.Tests.Activities.Invoicing;

/// <summary>Hand-computed cases for the rounding rule: per line, half away from zero, to the currency's minor unit.</summary>
public sealed class InvoiceTotalsTests
{
    [Fact]
    public void A_line_net_is_rounded_half_away_from_zero_not_to_even()
    {
        // 3 × 0.335 = 1.005 → 1.01 (banker's rounding would give 1.00).
        var invoice = Invoice("O-1", "EUR", Line("1", 3, 0.335m, 0));

        invoice.Lines[0].Net.Should().Be(1.01m);
        invoice.Lines[0].Tax.Should().Be(0m);
    }

    [Fact]
    public void The_line_tax_is_computed_on_the_rounded_net_and_rounded_half_away_from_zero()
    {
        // 2.50 × 5 % = 0.125 → 0.13 (to even: 0.12).
        var invoice = Invoice("O-1", "EUR", Line("1", 1, 2.50m, 5));

        invoice.Lines[0].Net.Should().Be(2.50m);
        invoice.Lines[0].Tax.Should().Be(0.13m);
        invoice.Totals.Gross.Should().Be(2.63m);
    }

    [Fact]
    public void A_discount_is_taken_off_before_rounding_the_net()
    {
        // 7 × 19.99 = 139.93; −10 % = 125.937 → 125.94; 19 % of 125.94 = 23.9286 → 23.93.
        var invoice = Invoice("O-1", "EUR", Line("1", 7, 19.99m, 19, discount: 10));

        invoice.Lines[0].Net.Should().Be(125.94m);
        invoice.Lines[0].Tax.Should().Be(23.93m);
        invoice.Lines[0].Gross.Should().Be(149.87m);
    }

    [Fact]
    public void Tax_is_rounded_per_line_so_the_summary_is_the_sum_of_the_printed_lines()
    {
        // Three lines of 0.05 at 10 %: each tax 0.005 → 0.01, so 0.03 in all (rounding per rate would give 0.02).
        var invoice = Invoice("O-1", "EUR", Line("1", 1, 0.05m, 10), Line("2", 1, 0.05m, 10), Line("3", 1, 0.05m, 10));

        invoice.Lines.Select(l => l.Tax).Should().Equal(0.01m, 0.01m, 0.01m);
        invoice.Totals.TaxSummary.Should().Equal(new TaxSummaryLine(10m, 0.15m, 0.03m));
        invoice.Totals.Tax.Should().Be(0.03m);
    }

    [Fact]
    public void The_tax_summary_has_one_entry_per_rate_highest_first_and_adds_up_to_the_totals()
    {
        // 19 %: 2 × 49.95 = 99.90 (tax 18.981 → 18.98) and 1.5 × 120 = 180.00 (tax 34.20)
        //  7 %: 3 × 12.90 = 38.70 (tax 2.709 → 2.71)
        //  0 %: 1 × 75.00 = 75.00
        var invoice = Invoice(
            "O-1",
            "EUR",
            Line("1", 2, 49.95m, 19),
            Line("2", 3, 12.90m, 7),
            Line("3", 1.5m, 120m, 19),
            Line("4", 1, 75m, 0));

        invoice.Totals.TaxSummary.Should().Equal(
            new TaxSummaryLine(19m, 279.90m, 53.18m),
            new TaxSummaryLine(7m, 38.70m, 2.71m),
            new TaxSummaryLine(0m, 75.00m, 0m));
        invoice.Totals.Net.Should().Be(393.60m);
        invoice.Totals.Tax.Should().Be(55.89m);
        invoice.Totals.Gross.Should().Be(449.49m);
    }

    [Fact]
    public void Amounts_are_rounded_to_the_minor_unit_of_the_currency()
    {
        // JPY has no minor unit: 3 × 333.5 = 1000.5 → 1001; 10 % → 100.1 → 100.
        var yen = Invoice("O-1", "JPY", Line("1", 3, 333.5m, 10));
        // KWD has three decimals: 1 × 1.2345 → 1.235 (half away from zero); 5 % → 0.06175 → 0.062.
        var dinar = Invoice("O-2", "KWD", Line("1", 1, 1.2345m, 5));

        yen.Lines[0].Net.Should().Be(1001m);
        yen.Lines[0].Tax.Should().Be(100m);
        dinar.Lines[0].Net.Should().Be(1.235m);
        dinar.Lines[0].Tax.Should().Be(0.062m);
    }

    [Fact]
    public void Money_is_formatted_with_the_currency_decimals()
    {
        Currencies.Format(1234.5m, "EUR").Should().Be("1,234.50");
        Currencies.Format(1001m, "JPY").Should().Be("1,001");
        Currencies.Format(1.235m, "KWD").Should().Be("1.235");
        Currencies.Round(-2.345m, "EUR").Should().Be(-2.35m);
    }
}
