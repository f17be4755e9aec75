using Rpa.Engine.Activities;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Host.Cli;

namespace Rpa.Engine.Tests.Descriptors;

public sealed class ActivityNeedsTests
{
    private static readonly ActivityRegistry Registry = RpaCli.CreateRegistry();

    [Theory]
    [InlineData("ConvertHtmlToPdf", new[] { "browser" })]
    [InlineData("RenderInvoicePdfs", new[] { "browser" })]
    [InlineData("WritePayslips", new[] { "browser" })]
    [InlineData("PrintToPdf", new[] { "browser" })]
    [InlineData("ReadImageText", new[] { "ocr" })]
    [InlineData("ReadPdfText", new[] { "ocr" })]
    [InlineData("FindTextOnScreen", new[] { "browser", "ocr" })]
    [InlineData("ClickText", new[] { "browser", "ocr" })]
    [InlineData("ReadScreenText", new[] { "browser", "ocr" })]
    [InlineData("ExtractFields", new string[0])]
    [InlineData("Log", new string[0])]
    public void Descriptors_carry_what_each_activity_declares_it_needs(string type, string[] needs)
    {
        Registry.Get(type).Needs.Should().Equal(needs);
    }

    [Fact]
    public void Every_browser_activity_needs_chromium()
    {
        var browser = Registry.Descriptors.Where(d => d.Category == "Browser").ToList();

        browser.Should().NotBeEmpty();
        browser.Should().OnlyContain(d => d.Needs.Contains(ActivityNeeds.Browser), "a Browser activity drives Chromium");
    }

    [Fact]
    public void The_palette_json_lists_needs_in_camel_case()
    {
        var json = DescriptorDocuments.ToJson(Registry);

        var convert = json.Single(d => d!["type"]!.GetValue<string>() == "ConvertHtmlToPdf")!;
        convert["needs"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("browser");
        var log = json.Single(d => d!["type"]!.GetValue<string>() == "Log")!;
        log["needs"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void The_markdown_reference_names_the_software_an_activity_needs()
    {
        var markdown = DescriptorDocuments.ToMarkdown(Registry);

        markdown.Should().Contain("### Write payslips (`WritePayslips`)");
        var payslips = markdown[markdown.IndexOf("### Write payslips (`WritePayslips`)", StringComparison.Ordinal)..];
        payslips[..payslips.IndexOf("Outcomes:", StringComparison.Ordinal)].Should().Contain("Needs: Chromium (`browser`).");
        markdown.Should().Contain("Needs: Chromium (`browser`), Tesseract (`ocr`).");
    }

    [Fact]
    public void An_unknown_need_is_refused_naming_the_class_and_the_need()
    {
        var add = () => new ActivityRegistry().Add<NeedsAGpu>();

        add.Should().Throw<ArgumentException>().WithMessage("*NeedsAGpu*unknown need 'gpu'*known needs: browser, ocr*");
    }

    [Activity("Test", "Needs a GPU", Needs = ["gpu"])]
    public sealed class NeedsAGpu : Activity
    {
        public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
    }
}
