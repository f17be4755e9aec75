using Rpa.Activities;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Activities.Data;

namespace Rpa.Engine.Tests.Activities.Documents;

public sealed class RenderTemplateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Renders_data_into_the_template_html_encoded_and_saves_it()
    {
        var result = await RunAsync("""
            { "id": "render", "type": "RenderTemplate",
              "inputs": { "template": "<p>{{ data.name }}</p>{% for item in data.items %}<li>{{ item }}</li>{% endfor %}", "data": { "name": "Ada & <Grace>", "items": ["a", "b"] }, "saveAs": "out/page.html" },
              "outputs": { "text": "text" } }
            """);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["text"].Should().Be("<p>Ada &amp; &lt;Grace&gt;</p><li>a</li><li>b</li>");
        _folder.Read("out/page.html").Should().Be("<p>Ada &amp; &lt;Grace&gt;</p><li>a</li><li>b</li>");
    }

    [Fact]
    public async Task An_unknown_variable_is_an_error_not_empty_text()
    {
        var result = await RunAsync("""
            { "id": "render", "type": "RenderTemplate", "inputs": { "template": "Dear {{ data.nmae }}", "data": { "name": "Ada" } }, "outputs": { "text": "text" } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().EndWith("the template failed: 'data' has no field 'nmae' (its fields: name)");
    }

    [Fact]
    public async Task An_unknown_top_level_variable_is_named()
    {
        var result = await RunAsync("""
            { "id": "render", "type": "RenderTemplate", "inputs": { "template": "Dear {{ customer }}", "data": {} }, "outputs": { "text": "text" } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().Contain("the template failed: ").And.Contain("'customer'");
    }

    [Fact]
    public async Task A_missing_template_file_is_named()
    {
        var result = await RunAsync("""
            { "id": "render", "type": "RenderTemplate", "inputs": { "templateFile": "letter.liquid", "data": {} }, "outputs": { "text": "text" } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().EndWith($"the template file 'letter.liquid' ({_folder.File("letter.liquid")}) does not exist");
    }

    private async Task<RunResult> RunAsync(string activity)
    {
        var host = new BotTestHost(ActivityRegistry.CreateDefault().AddBuiltInActivities());
        var json = $$"""{ "format": 1, "name": "template-test", "outputs": [ { "name": "text", "type": "text" } ], "root": {{activity}} }""";
        var compiled = host.Compiler.CompileOrThrow(Rpa.Engine.Serialization.BotJson.Parse(json), _folder.Path);
        return await host.RunAsync(compiled);
    }
}
