using System.Text.Json;
using Rpa.Engine.Execution;

namespace Rpa.Integration.Tests.Ocr;

/// <summary>bots/invoice-capture on its sample inbox (scans at 300 and 150 dpi, noisy ones, a scanned PDF) plus a damaged file.</summary>
[Collection(OcrCollection.Name)]
public sealed class InvoiceCaptureBotTests(OcrFixture ocr)
{
    [Fact]
    public async Task The_invoice_capture_bot_enters_confident_invoices_and_lists_doubtful_ones_for_review()
    {
        // The bot's sample inbox, made by InvoiceSetGenerator; RPA_INVOICE_SET=bots/invoice-capture/inbox makes it again first.
        var inbox = Path.Combine(RepositoryRoot(), "bots", "invoice-capture", "inbox");
        if (Environment.GetEnvironmentVariable("RPA_INVOICE_SET") is { Length: > 0 } set) await ocr.Generator.WriteInvoiceSetAsync(Path.GetFullPath(set, RepositoryRoot()));
        var written = Truth(inbox).Select(t => (File: t["file"].GetString()!, Truth: t)).ToList();
        var damaged = Path.Combine(ocr.Folder, "damaged-inbox");
        Directory.CreateDirectory(damaged);
        foreach (var file in Directory.GetFiles(inbox)) File.Copy(file, Path.Combine(damaged, Path.GetFileName(file)), overwrite: true);
        await File.WriteAllBytesAsync(Path.Combine(damaged, "invoice-99-torn.png"), (await File.ReadAllBytesAsync(Path.Combine(inbox, written[0].File)))[..400]);
        var results = Path.Combine(ocr.Folder, "results.csv");
        var payables = new Uri(Path.Combine(RepositoryRoot(), "bots", "practice-apps", "payables", "index.html")).AbsoluteUri;
        var folder = Path.Combine(RepositoryRoot(), "bots", "invoice-capture");

        var result = await ocr.RunAsync(await File.ReadAllTextAsync(Path.Combine(folder, "bot.json")), new Dictionary<string, object?>
        {
            ["inbox"] = damaged,
            ["results"] = results,
            ["payablesUrl"] = payables,
        }, folder);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var lines = await File.ReadAllLinesAsync(results);
        lines[0].Should().Be("File,Status,Reason,Vendor,InvoiceNumber,Date,Currency,Net,Tax,Total,Confidence,Entered");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(cells => cells[0]);
        rows.Should().HaveCount(written.Count + 1);
        rows["invoice-99-torn.png"][1].Should().Be("review");
        lines.Single(l => l.StartsWith("invoice-99-torn.png", StringComparison.Ordinal)).Should().Contain("cannot read: the image").And.Contain("damaged or truncated PNG");
        foreach (var (file, truth) in written)
        {
            var line = lines.Single(l => l.StartsWith(file + ",", StringComparison.Ordinal));
            if (rows[file][1] != "ok") continue;
            var expected = $"{truth["invoiceNumber"].GetString()},{truth["date"].GetString()},{truth["currency"].GetString()},{truth["net"].GetDecimal():0.00},{truth["tax"].GetDecimal():0.00},{truth["total"].GetDecimal():0.00}";
            line.Should().Contain($",{truth["vendor"].GetString()},{expected},", "a confident invoice must be right");
            line.Should().EndWith(",true");
        }

        var confident = (decimal)result.Outputs["confident"]!;
        confident.Should().BeGreaterThanOrEqualTo(3, string.Join("\n", lines));
        result.Outputs["processed"].Should().Be(written.Count + 1m);
        result.Outputs["review"].Should().Be(written.Count + 1m - confident);
    }

    [Fact]
    public void The_sample_inbox_has_ground_truth_for_every_document()
    {
        var folder = Path.Combine(RepositoryRoot(), "bots", "invoice-capture", "inbox");
        var truth = Truth(folder);

        truth.Select(t => t["file"].GetString()).Should().BeEquivalentTo(Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => f != "truth.json"));
        truth.Should().OnlyContain(t => t["net"].GetDecimal() + t["tax"].GetDecimal() == t["total"].GetDecimal());
    }

    private static List<Dictionary<string, JsonElement>> Truth(string folder) =>
        JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(File.ReadAllText(Path.Combine(folder, "truth.json")))!;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rpa.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Rpa.sln not found above " + AppContext.BaseDirectory);
    }
}
