using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Invoicing;

[Activity("Invoicing", "Create invoices", Description = "Makes one invoice per order from order lines (OrderId, LineId, CustomerId, CustomerName, Description, Quantity, UnitPrice, TaxRate, Currency; optional Unit, Discount, CustomerAddress, CustomerEmail, CustomerTaxId). Every row is checked first; bad rows are all reported and no invoice is made.")]
public sealed class CreateInvoices : Activity
{
    [Input(Required = true, Description = "The order lines, e.g. from Read CSV (all columns as text is best: numbers are checked for their decimals).")]
    public Input<Table> Rows { get; set; } = new();

    [Input(Description = "The file the rows came from, named in errors (e.g. orders.csv).")]
    public Input<string> Source { get; set; } = new("rows");

    [Input(Required = true, Description = "The seller: {\"name\", \"address\" (lines separated by \\n), \"taxId\", \"email\", \"bankAccount\", \"id\"}.")]
    public Input<Dictionary<string, object?>> Seller { get; set; } = new();

    [Input(Description = "The issue date; empty: today (UTC).")]
    public Input<DateTimeOffset?> IssueDate { get; set; } = new();

    [Input(Description = "Days from the issue date to the due date.")]
    public Input<int> PaymentDays { get; set; } = new(30);

    [Input(Description = "The payment terms as printed; empty: \"Payment within {paymentDays} days of the invoice date.\"")]
    public Input<string> PaymentTerms { get; set; } = new("");

    [Input(Description = "A note printed on every invoice.")]
    public Input<string> Notes { get; set; } = new("");

    [Output(Description = "The invoices (without numbers), in the order their orders first appear.")]
    public Output<List<object?>> Invoices { get; set; } = new();

    [Output(Description = "The number of invoices.")]
    public Output<int> Count { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var rows = context.Get(Rows) ?? throw new ActivityException("rows is empty (null); give the order lines as a table");
        var seller = InvoiceValues.Seller(context.Get(Seller));
        var issue = context.Get(IssueDate) ?? context.Time.GetUtcNow();
        var days = context.Get(PaymentDays);
        if (days < 0) throw new ActivityException($"paymentDays is {days}; give 0 or more days");
        var terms = context.Get(PaymentTerms);
        if (terms.Length == 0) terms = $"Payment within {days} days of the invoice date.";
        var invoices = InvoiceRows.ToInvoices(rows, context.Get(Source), new InvoiceRows.Terms(seller, DateOnly.FromDateTime(issue.UtcDateTime), days, terms, context.Get(Notes)));
        context.Set(Invoices, invoices.Cast<object?>().ToList());
        context.Set(Count, invoices.Count);
        return ValueTask.CompletedTask;
    }
}
