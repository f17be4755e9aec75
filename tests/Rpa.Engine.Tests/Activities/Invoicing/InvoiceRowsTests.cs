using Rpa.Activities.Invoicing;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;
using static Rpa.Engine.Tests.Activities.Invoicing.InvoiceSamples;

namespace Rpa.Engine.Tests.Activities.Invoicing;

public sealed class InvoiceRowsTests
{
    private static readonly InvoiceRows.Terms Terms = new(Seller, new DateOnly(2026, 3, 2), 14, "Payment within 14 days.", "");

    private static Table Rows(string csv, string? header = null)
    {
        var lines = ((header ?? Header) + "\n" + csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var table = new Table(lines[0].Split(','));
        foreach (var line in lines.Skip(1)) table.AddRow(line.Split(',').Cast<object?>().ToArray());
        return table;
    }

    [Fact]
    public void Makes_one_invoice_per_order_in_the_order_orders_first_appear()
    {
        var rows = Rows("""
            O-2,1,C-2,Beta,b@x.example,Pens,10,pcs,1.20,0,19,EUR
            O-1,1,C-1,Alpha,a@x.example,Desk,1,pcs,300,10,19,EUR
            O-2,2,C-2,Beta,b@x.example,Book,2,pcs,24.80,0,7,EUR
            """);

        var invoices = InvoiceRows.ToInvoices(rows, "orders.csv", Terms);

        invoices.Select(i => (i.OrderId, i.Buyer.Name, i.Lines.Count)).Should().Equal(("O-2", "Beta", 2), ("O-1", "Alpha", 1));
        invoices[0].Totals.Net.Should().Be(61.60m);
        invoices[0].Totals.Tax.Should().Be(2.28m + 3.47m);
        invoices[0].DueDate.Should().Be(new DateOnly(2026, 3, 16));
        invoices[1].Lines[0].Net.Should().Be(270m);
    }

    [Fact]
    public void A_duplicate_order_line_id_is_rejected_with_the_file_row_and_reason()
    {
        var rows = Rows("""
            O-1,1,C-1,Alpha,a@x.example,Desk,1,pcs,300,0,19,EUR
            O-1,2,C-1,Alpha,a@x.example,Lamp,1,pcs,30,0,19,EUR
            O-1,1,C-1,Alpha,a@x.example,Chair,1,pcs,90,0,19,EUR
            """);

        var act = () => InvoiceRows.ToInvoices(rows, "orders.csv", Terms);

        act.Should().Throw<ActivityException>().WithMessage("orders.csv has a problem; no invoice was made:*orders.csv, row 3: the order line O-1/1 is a duplicate of row 1");
    }

    [Fact]
    public void A_tax_rate_with_too_many_decimals_is_rejected_not_rounded()
    {
        var rows = Rows("O-1,1,C-1,Alpha,a@x.example,Desk,1,pcs,300,0,19.125,EUR\n");

        var act = () => InvoiceRows.ToInvoices(rows, "orders.csv", Terms);

        act.Should().Throw<ActivityException>().WithMessage("*orders.csv, row 1: TaxRate '19.125' has more than 2 decimals");
    }

    [Fact]
    public void A_negative_quantity_is_rejected()
    {
        var rows = Rows("O-1,1,C-1,Alpha,a@x.example,Desk,-2,pcs,300,0,19,EUR\n");

        var act = () => InvoiceRows.ToInvoices(rows, "orders.csv", Terms);

        act.Should().Throw<ActivityException>().WithMessage("*orders.csv, row 1: the quantity -2 is not positive");
    }

    [Fact]
    public void A_missing_column_is_named_with_the_file()
    {
        var rows = Rows("O-1,1,C-1,Alpha,Desk,1,300,EUR\n", "OrderId,LineId,CustomerId,CustomerName,Description,Quantity,UnitPrice,Currency");

        var act = () => InvoiceRows.ToInvoices(rows, "orders.csv", Terms);

        act.Should().Throw<ActivityException>().WithMessage("orders.csv: the column 'TaxRate' is missing (the rows have OrderId, LineId, CustomerId, CustomerName, Description, Quantity, UnitPrice, Currency)");
    }

    [Fact]
    public void Every_bad_row_is_reported_at_once()
    {
        var rows = Rows("""
            O-1,1,C-1,Alpha,a@x.example,Desk,one,pcs,300,0,19,EUR
            O-1,2,C-1,Alpha,a@x.example,Lamp,1,pcs,30,0,19,euro
            O-2,1,C-2,Beta,b@x.example,Lamp,1,pcs,30,0,19,EUR
            O-2,2,C-3,Gamma,c@x.example,Pen,1,pcs,1,0,7,EUR
            O-3,1,C-2,Beta,b@x.example,,1,pcs,30,120,19,EUR
            """);

        var act = () => InvoiceRows.ToInvoices(rows, "orders.csv", Terms);

        var message = act.Should().Throw<ActivityException>().Which.Message;
        message.Should().StartWith("orders.csv has 5 problems; no invoice was made:");
        message.Should().Contain("orders.csv, row 1: Quantity 'one' is not a number (write it like 1234.56)")
            .And.Contain("orders.csv, row 2: the currency 'euro' is not an ISO 4217 code such as EUR or USD")
            .And.Contain("orders.csv, row 5: Description is empty")
            .And.Contain("orders.csv, row 5: the discount 120 is not a percentage between 0 and 100")
            .And.Contain("orders.csv, row 4: the order O-2 has CustomerId 'C-3' here but 'C-2' on row 3");
    }

    [Fact]
    public void Prices_with_up_to_four_decimals_and_trailing_zeros_are_accepted()
    {
        var rows = Rows("O-1,1,C-1,Alpha,a@x.example,Screws,1000,pcs,0.0125,0,19.00,EUR\n");

        var invoice = InvoiceRows.ToInvoices(rows, "orders.csv", Terms).Single();

        invoice.Lines[0].Net.Should().Be(12.50m);
        invoice.Lines[0].Tax.Should().Be(2.38m);
    }
}
