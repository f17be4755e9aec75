using Microsoft.EntityFrameworkCore;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Tests.Store;

/// <summary>A migrated SQLite store in a folder of its own, with no host around it; disposing deletes the folder.</summary>
public sealed class SqliteTestStore : IDisposable
{
    private SqliteTestStore(string folder)
    {
        Folder = folder;
        var options = new DbContextOptionsBuilder<SqliteRunDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "rpa.db")}").Options;
        Contexts = () => new SqliteRunDbContext(options);
        Store = new EfRunStore(Contexts, TimeProvider.System);
    }

    /// <summary>The folder of the database file; tests may put other files (bots) in it.</summary>
    public string Folder { get; }

    public Func<RunDbContext> Contexts { get; }

    public EfRunStore Store { get; }

    public static async Task<SqliteTestStore> CreateAsync()
    {
        var store = new SqliteTestStore(RuntimeFactory.NewDataDirectory());
        await store.Store.MigrateAsync(CancellationToken.None);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
