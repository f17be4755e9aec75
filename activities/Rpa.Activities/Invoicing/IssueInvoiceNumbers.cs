using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Invoicing;

[Activity("Invoicing", "Issue invoice numbers", Description = "Gives each invoice the next number of its series (INV-2026-000123) from a durable, gapless sequence in a SQLite file, safe for concurrent runs. An order that already has a number in the series gets the same one again.")]
public sealed class IssueInvoiceNumbers : Activity
{
    [Input(Required = true, Description = "The invoices from Create invoices.")]
    public Input<List<object?>> Invoices { get; set; } = new();

    [Input(Required = true, Description = "The series, such as INV-2026; the number is the series, a dash and the counter.")]
    public Input<string> Series { get; set; } = new();

    [Input(Description = "The counter's minimum number of digits (zero-padded).")]
    public Input<int> Digits { get; set; } = new(6);

    [Input(Description = "The sequence's SQLite file; a relative path is relative to the bot's folder. Every run and process that shares the file shares the sequence.")]
    public Input<string> Database { get; set; } = new("data/invoice-numbers.db");

    [Output(Description = "The invoices with their numbers, in the same order.")]
    public Output<List<object?>> Numbered { get; set; } = new();

    [Output(Description = "How many numbers were new (the others were reused for orders invoiced before).")]
    public Output<int> Issued { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var invoices = InvoiceValues.From(context.Get(Invoices));
        var series = context.Get(Series).Trim();
        var digits = context.Get(Digits);
        if (digits is < 1 or > 18) throw new ActivityException($"digits is {digits}; give 1 to 18");
        var sequence = new InvoiceNumberSequence(context.ResolvePath(context.Get(Database)));
        var now = context.Time.GetUtcNow();
        var orderIds = invoices.Select(i => i.OrderId).ToList();
        var numbers = await Task.Run(() => sequence.IssueAll(series, orderIds, now, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        context.Set(Numbered, invoices.Zip(numbers, (invoice, number) => (object?)(invoice with { Number = number.Format(digits) })).ToList());
        context.Set(Issued, numbers.Count(n => n.IsNew));
    }
}
