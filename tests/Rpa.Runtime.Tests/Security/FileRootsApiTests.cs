using Rpa.Host.Api.Security;

namespace Rpa.Runtime.Tests.Security;

public sealed class FileRootsApiTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static string Reader(string name, string path) => $$"""
        {
          "format": 1,
          "name": "{{name}}",
          "version": 1,
          "variables": [ { "name": "rows", "type": "table" } ],
          "root": { "id": "flow", "type": "Sequence", "activities": [
            { "id": "read-file", "type": "ReadCsv", "inputs": { "path": "{{path}}" }, "outputs": { "table": "rows" } }
          ] }
        }
        """;

    [Theory]
    [InlineData("escape-absolute", "/etc/passwd")]
    [InlineData("escape-traversal", "../../../../../../../../etc/passwd")]
    public async Task A_run_of_the_runtime_cannot_read_files_outside_the_data_and_bots_folders(string bot, string path)
    {
        using var engineer = server.Factory.CreateClientAs(RpaRole.Engineer);
        await engineer.SaveAndPublishAsync(Reader(bot, path));

        var run = await engineer.WaitForRunAsync(await engineer.StartRunAsync(bot));

        run["status"]!.GetValue<string>().Should().Be("failed");
        run["error"]!["activityId"]!.GetValue<string>().Should().Be("read-file");
        run["error"]!["message"]!.GetValue<string>().Should().Contain($"'{path}'").And.Contain("outside the folders file activities may use");
    }

    [Fact]
    public async Task A_file_in_the_data_folder_can_be_read()
    {
        using var engineer = server.Factory.CreateClientAs(RpaRole.Engineer);
        var file = Path.Combine(server.Factory.DataDirectory, "in.csv");
        await File.WriteAllTextAsync(file, "A,B\n1,2\n");
        await engineer.SaveAndPublishAsync(Reader("inside", file));

        var run = await engineer.WaitForRunAsync(await engineer.StartRunAsync("inside"));

        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
    }
}
