namespace Rpa.Runtime.Hosting;

public enum StoreProvider
{
    /// <summary>A SQLite file under the data folder, with Hangfire in memory: one process, nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL for the store and for Hangfire's jobs (Hangfire.PostgreSql): several processes share the work.</summary>
    Postgres,
}
