using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Tests.Store;

/// <summary>The settings every SQLite connection of the store gets, also when the pool hands out a connection again.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _data = RuntimeFactory.NewDataDirectory();

    [Fact]
    public async Task Every_store_connection_waits_for_a_busy_database_and_commits_without_an_fsync_per_commit()
    {
        await using var factory = new RuntimeFactory(_data);
        _ = factory.Server;
        var createContext = factory.Services.GetRequiredService<Func<RunDbContext>>();

        // Several times: the first open of a physical connection sets them, later opens reuse it from the pool.
        for (var i = 0; i < 3; i++)
        {
            await using var db = createContext();
            await db.Database.OpenConnectionAsync();
            (await Pragma(db, "journal_mode")).Should().Be("wal");
            (await Pragma(db, "synchronous")).Should().Be("1", "1 is NORMAL");
            (await Pragma(db, "busy_timeout")).Should().Be("30000");
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private static async Task<string?> Pragma(RunDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
