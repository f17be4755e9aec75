using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Rpa.Engine.Tests.Activities.Data;

namespace Rpa.Engine.Tests.Activities.Invoicing;

/// <summary>Four `rpa run` processes number invoices from one SQLite file at the same time.</summary>
public sealed class InvoiceNumbersAcrossProcessesTests : IDisposable
{
    private const int Processes = 4;
    private const int OwnOrders = 40;
    private const int SharedOrders = 10;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Concurrent_processes_share_one_gapless_sequence_and_agree_on_shared_orders()
    {
        _folder.Write("bot/bot.json", """
            {
              "format": 1, "name": "numbering",
              "inputs": [ { "name": "orders", "type": "text", "required": true }, { "name": "database", "type": "text", "required": true } ],
              "variables": [ { "name": "rows", "type": "table" }, { "name": "drafts", "type": "list" } ],
              "outputs": [ { "name": "issued", "type": "number" } ],
              "root": {
                "id": "main", "type": "Sequence",
                "activities": [
                  { "id": "read", "type": "ReadCsv", "inputs": { "path": { "js": "orders" } }, "outputs": { "table": "rows" } },
                  { "id": "create", "type": "CreateInvoices", "inputs": { "rows": { "js": "rows" }, "seller": { "name": "Seller" } }, "outputs": { "invoices": "drafts" } },
                  { "id": "number", "type": "IssueInvoiceNumbers", "inputs": { "invoices": { "js": "drafts" }, "series": "INV", "database": { "js": "database" } }, "outputs": { "issued": "issued" } }
                ]
              }
            }
            """);
        for (var p = 0; p < Processes; p++)
        {
            var csv = new StringBuilder("OrderId,LineId,CustomerId,CustomerName,Description,Quantity,UnitPrice,TaxRate,Currency\n");
            for (var i = 0; i < OwnOrders; i++)
            {
                csv.Append($"P{p}-{i},1,C-1,Alpha,Desk,1,100,19,EUR\n");
                if (i % 4 == 0) csv.Append($"SHARED-{i / 4},1,C-1,Alpha,Desk,1,100,19,EUR\n");
            }

            _folder.Write($"orders-{p}.csv", csv.ToString());
        }

        var database = _folder.File("numbers.db");
        var runs = await Task.WhenAll(Enumerable.Range(0, Processes).Select(p => RunRpaAsync(_folder.File("bot"), _folder.File($"orders-{p}.csv"), database)));

        runs.Should().AllSatisfy(r => r.ExitCode.Should().Be(0, r.Output));
        var numbers = ReadNumbers(database);
        numbers.Should().HaveCount((Processes * OwnOrders) + SharedOrders, "every order has one row");
        numbers.Values.Order().Should().Equal(Enumerable.Range(1, (Processes * OwnOrders) + SharedOrders).Select(n => (long)n), "no gaps, no duplicates");
    }

    private static Dictionary<string, long> ReadNumbers(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT order_id, number FROM invoice_numbers WHERE series = 'INV'";
        using var reader = command.ExecuteReader();
        var numbers = new Dictionary<string, long>();
        while (reader.Read()) numbers.Add(reader.GetString(0), reader.GetInt64(1));
        return numbers;
    }

    private async Task<(int ExitCode, string Output)> RunRpaAsync(string bot, string orders, string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "rpa.dll"), "run", bot, "--input", $"orders={orders}", "--input", $"database={database}", "--data", _folder.File("data") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
