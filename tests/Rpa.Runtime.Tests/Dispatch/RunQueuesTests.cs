using Rpa.Engine.Descriptors;
using Rpa.Engine.Serialization;
using Rpa.Host.Cli;
using Rpa.Runtime.Dispatch;

namespace Rpa.Runtime.Tests.Dispatch;

public sealed class RunQueuesTests
{
    private static readonly ActivityRegistry Registry = RpaCli.CreateRegistry();

    [Theory]
    [InlineData("payroll", "browser")]
    [InlineData("invoice-generation", "browser")]
    [InlineData("input-forms-challenge", "browser")]
    [InlineData("invoice-capture", "ocr")]
    [InlineData("canvas-ledger", "ocr")]
    [InlineData("hello", "default")]
    [InlineData("sales-report", "default")]
    public void A_sample_bot_goes_to_the_queue_of_what_its_activities_need(string bot, string queue)
    {
        RunQueues.For(SampleBot(bot), Registry).Should().Be(queue);
    }

    [Fact]
    public void A_bot_that_only_prints_html_to_pdf_needs_a_worker_with_chromium()
    {
        var read = BotJson.Read("""
            {"format": 1, "name": "print-only", "root": {"id": "print", "type": "ConvertHtmlToPdf", "inputs": {"html": "<p>hi</p>", "saveAs": "out.pdf"}}}
            """);

        read.Success.Should().BeTrue(string.Join("; ", read.Problems.Select(p => p.Message)));
        RunQueues.For(read.Bot!, Registry).Should().Be(RunQueues.Browser, "ConvertHtmlToPdf prints through Chromium though it is not in the Browser category");
    }

    private static Engine.Model.BotDefinition SampleBot(string name)
    {
        var read = BotJson.Read(File.ReadAllText(Path.Combine(RuntimeFactory.SampleBots, name, "bot.json")));
        read.Success.Should().BeTrue($"bots/{name}/bot.json is readable");
        return read.Bot!;
    }
}
