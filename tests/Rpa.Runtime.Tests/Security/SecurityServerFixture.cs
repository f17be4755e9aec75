namespace Rpa.Runtime.Tests.Security;

/// <summary>One SQLite server for a security test class, with the sample bots, on a fresh data folder.</summary>
public sealed class SecurityServerFixture : IAsyncLifetime
{
    public RuntimeFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new RuntimeFactory(RuntimeFactory.NewDataDirectory(), RuntimeFactory.SampleBots);
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(Factory.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
