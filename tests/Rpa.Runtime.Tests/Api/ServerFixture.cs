namespace Rpa.Runtime.Tests.Api;

/// <summary>One server for a test class, with the sample bots imported, on a fresh data folder.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public RuntimeFactory Factory { get; } = new(RuntimeFactory.NewDataDirectory(), RuntimeFactory.SampleBots);

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
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
