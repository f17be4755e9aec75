using Rpa.Activities;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Serialization;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Activities.Data;
using Rpa.Engine.Tests.Cli;

namespace Rpa.Engine.Tests.Bots;

/// <summary>
/// Bad order files for bots/invoice-generation: the run stops at 'create' with the file, row and reason, before any
/// number is issued or file written. (The full run, with Chromium, is in Rpa.Integration.Tests.)
/// </summary>
public sealed class InvoiceGenerationBotTests : IDisposable
{
    private static readonly string BotFolder = RepositoryRoot.Combine("bots", "invoice-generation");
    private const string Header = "OrderId,LineId,CustomerId,CustomerName,CustomerEmail,Description,Quantity,Unit,UnitPrice,Discount,TaxRate,Currency\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("O-1,1,C-1,Alpha,a@x.example,Desk,1,pcs,300,0,19,EUR\nO-1,1,C-1,Alpha,a@x.example,Lamp,1,pcs,30,0,19,EUR\n", "bad.csv, row 2: the order line O-1/1 is a duplicate of row 1")]
    [InlineData("O-1,1,C-1,Alpha,a@x.example,Desk,1,pcs,300,0,19.125,EUR\n", "bad.csv, row 1: TaxRate '19.125' has more than 2 decimals")]
    [InlineData("O-1,1,C-1,Alpha,a@x.example,Desk,-1,pcs,300,0,19,EUR\n", "bad.csv, row 1: the quantity -1 is not positive")]
    public async Task A_bad_order_line_fails_the_run_with_file_row_and_reason_and_writes_nothing(string lines, string reason)
    {
        _temp.Write("bad.csv", Header + lines);

        var result = await RunAsync(_temp.File("bad.csv"));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("create");
        result.ErrorMessage.Should().StartWith($"Bot 'invoice-generation' failed at activity 'create' (CreateInvoices, path main/create): {_temp.File("bad.csv")} has a problem; no invoice was made:")
            .And.EndWith(reason);
        _temp.Files().Should().Equal("bad.csv");
    }

    [Fact]
    public async Task A_missing_column_fails_the_run_and_writes_nothing()
    {
        _temp.Write("bad.csv", "OrderId,LineId,CustomerId,CustomerName,Description,Quantity,UnitPrice,Currency\nO-1,1,C-1,Alpha,Desk,1,300,EUR\n");

        var result = await RunAsync(_temp.File("bad.csv"));

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().EndWith($"{_temp.File("bad.csv")}: the column 'TaxRate' is missing (the rows have OrderId, LineId, CustomerId, CustomerName, Description, Quantity, UnitPrice, Currency)");
        _temp.Files().Should().Equal("bad.csv");
    }

    private async Task<RunResult> RunAsync(string orders)
    {
        var host = new BotTestHost(ActivityRegistry.CreateDefault().AddBuiltInActivities());
        var compiled = host.Compiler.CompileOrThrow(BotJson.Parse(await File.ReadAllTextAsync(Path.Combine(BotFolder, "bot.json"))), BotFolder);
        return await host.RunAsync(compiled, new Dictionary<string, object?>
        {
            ["orders"] = orders,
            ["output"] = _temp.File("out"),
            ["database"] = _temp.File("data/numbers.db"),
        });
    }
}
