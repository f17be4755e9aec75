using Rpa.Engine.Execution;
using Rpa.Engine.Serialization;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;

namespace Rpa.Engine.Tests.Execution;

public sealed class ActivityLoggerTests
{
    [Fact]
    public async Task An_exception_handed_to_the_log_has_the_runs_secrets_masked_with_its_type_kept()
    {
        var host = new BotTestHost().Add<LogException>();
        var bot = host.Compiler.CompileOrThrow(BotJson.Parse("""
            { "format": 1, "name": "leaky", "inputs": [ { "name": "password", "type": "text", "secret": true } ],
              "root": { "id": "log", "type": "LogException", "inputs": { "text": { "js": "'password ' + password" } } } }
            """));
        var logger = new CapturingLogger();

        var result = await BotRunner.RunAsync(bot, new RunOptions { Inputs = new Dictionary<string, object?> { ["password"] = "Tr0ub4dor&3" }, Logger = logger });

        result.Status.Should().Be(RunStatus.Succeeded);
        logger.Exceptions.Should().ContainSingle().Which.Should()
            .Contain("System.InvalidOperationException: the server said: password ***")
            .And.Contain("inner: password ***")
            .And.NotContain("Tr0ub4dor&3");
    }
}
