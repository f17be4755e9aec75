using Rpa.Host.Api.Security;

namespace Rpa.Runtime.Tests.Api;

/// <summary>One server for a test class, with the sample bots imported, on a fresh data folder and a fresh store.</summary>
public abstract class ServerFixture : IAsyncLifetime
{
    public RuntimeFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new RuntimeFactory(RuntimeFactory.NewDataDirectory(), RuntimeFactory.SampleBots, postgres: await CreateDatabaseAsync());
        Client = Factory.CreateClientAs(RpaRole.Admin);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is null) return;
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(Factory.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A new PostgreSQL database's connection string, or null for a SQLite file in the data folder.</summary>
    protected abstract Task<string?> CreateDatabaseAsync();
}
