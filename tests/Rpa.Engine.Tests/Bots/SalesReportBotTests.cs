using System.Globalization;
using System.Text;
using Rpa.Activities;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Serialization;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Activities.Data;
using Rpa.Engine.Tests.Cli;

namespace Rpa.Engine.Tests.Bots;

/// <summary>Runs the sample bot bots/sales-report and checks its report against totals computed here in decimal.</summary>
public sealed class SalesReportBotTests : IDisposable
{
    private static readonly string BotFolder = RepositoryRoot.Combine("bots", "sales-report");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Writes_per_region_totals_sorted_by_region_and_exact_to_the_cent()
    {
        var target = _temp.File("report.csv");

        var result = await RunAsync(BotFolder, new Dictionary<string, object?> { ["target"] = target });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var expected = ExpectedTotals(File.ReadAllText(Path.Combine(BotFolder, "sales.csv")));
        var report = new StringBuilder("Region,Orders,Quantity,Revenue\r\n");
        foreach (var (region, orders, quantity, revenue) in expected)
        {
            report.Append(CultureInfo.InvariantCulture, $"{region},{orders},{quantity},{revenue:0.00}\r\n");
        }

        File.ReadAllText(target).Should().Be(report.ToString());
        result.Outputs["regions"].Should().Be((decimal)expected.Count);
        result.Outputs["orders"].Should().Be((decimal)expected.Sum(e => e.Orders));
        result.Outputs["revenue"].Should().Be(expected.Sum(e => e.Revenue));
    }

    [Fact]
    public async Task Adds_every_sale_in_the_loop_and_logs_a_summary()
    {
        var result = await RunAsync(BotFolder, new Dictionary<string, object?> { ["target"] = _temp.File("report.csv") });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var rows = ExpectedTotals(File.ReadAllText(Path.Combine(BotFolder, "sales.csv"))).Sum(e => e.Orders);
        result.Journal.Entries.Count(e => e.ActivityId == "add").Should().Be(rows);
        result.Journal.Entries.Select(e => e.ActivityId).Where(id => id != "add").Should().Equal("main", "read", "accumulate", "summarize", "write", "count", "sum", "summary");
        var message = (string)result.Journal.Entries.Single(e => e.ActivityId == "summary").Inputs!["message"]!;
        message.Should().StartWith($"Sales report: {rows} orders in 5 regions, revenue ").And.EndWith($"written to {_temp.File("report.csv")}");
    }

    [Fact]
    public async Task Writes_the_report_next_to_the_bot_by_default()
    {
        var copy = CopyBot();

        var result = await RunAsync(copy);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        File.ReadAllText(Path.Combine(copy, "out", "report.csv")).Should().StartWith("Region,Orders,Quantity,Revenue\r\nCentral,");
    }

    [Fact]
    public async Task Stops_at_the_read_activity_when_a_column_is_missing()
    {
        var copy = CopyBot();
        File.WriteAllText(Path.Combine(copy, "no-price.csv"), "Date,Region,Product,Quantity\n2025-01-07,North,Desk Lamp,5\n");

        var result = await RunAsync(copy, new Dictionary<string, object?> { ["source"] = "no-price.csv" });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("read");
        result.ErrorMessage.Should().Be(
            "Bot 'sales-report' failed at activity 'read' (ReadCsv, path main/read): " +
            "no-price.csv, line 1: the column 'UnitPrice' declared in columns is not in the header (the header has Date, Region, Product, Quantity)");
        Directory.Exists(Path.Combine(copy, "out")).Should().BeFalse();
    }

    [Fact]
    public async Task Sums_prices_that_are_not_exact_in_binary_without_losing_a_cent()
    {
        var copy = CopyBot();
        var lines = new StringBuilder("Date,Region,Product,Quantity,UnitPrice\n");
        for (var i = 0; i < 1000; i++) lines.Append("2025-01-07,North,Pen,3,0.10\n").Append("2025-01-07,South,Pad,7,19.99\n");
        File.WriteAllText(Path.Combine(copy, "many.csv"), lines.ToString());

        var result = await RunAsync(copy, new Dictionary<string, object?> { ["source"] = "many.csv", ["target"] = _temp.File("many-report.csv") });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        File.ReadAllText(_temp.File("many-report.csv")).Should().Be("Region,Orders,Quantity,Revenue\r\nNorth,1000,3000,300.00\r\nSouth,1000,7000,139930.00\r\n");
        result.Outputs["revenue"].Should().Be(140230.00m);
    }

    private static async Task<RunResult> RunAsync(string folder, Dictionary<string, object?>? inputs = null)
    {
        var registry = ActivityRegistry.CreateDefault().AddBuiltInActivities();
        var host = new BotTestHost(registry);
        var bot = BotJson.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "bot.json")));
        var compiled = host.Compiler.CompileOrThrow(bot, folder);
        return await host.RunAsync(compiled, inputs);
    }

    private string CopyBot()
    {
        var copy = _temp.File("sales-report");
        Directory.CreateDirectory(copy);
        foreach (var name in new[] { "bot.json", "sales.csv" }) File.Copy(Path.Combine(BotFolder, name), Path.Combine(copy, name));
        return copy;
    }

    /// <summary>The report computed without the engine: per region, in decimal, sorted by region (ordinal).</summary>
    private static List<(string Region, int Orders, decimal Quantity, decimal Revenue)> ExpectedTotals(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Fields(l.TrimEnd('\r'))).ToList();
        var header = lines[0];
        int Column(string name) => header.IndexOf(name);
        return lines.Skip(1)
            .Select(f => (Region: f[Column("Region")], Quantity: decimal.Parse(f[Column("Quantity")], CultureInfo.InvariantCulture), Price: decimal.Parse(f[Column("UnitPrice")], CultureInfo.InvariantCulture)))
            .GroupBy(s => s.Region, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Sum(s => s.Quantity), g.Sum(s => s.Quantity * s.Price)))
            .ToList();
    }

    /// <summary>Splits one CSV line (no line breaks inside quotes in the sample) into its fields.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }

        fields.Add(field.ToString());
        return fields;
    }
}
