using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// Hangfire's jobs in PostgreSQL (Hangfire.PostgreSql), polled every <c>pollInterval</c> instead of the default 15 s.
/// The schema is created or upgraded under an advisory lock, so processes that start at once on a new database do not
/// race each other's installer.
/// </summary>
internal static class PostgresJobStorage
{
    /// <summary>The advisory lock key for installing Hangfire's schema ("rpa-hf" in ASCII).</summary>
    private const long InstallLock = 0x7270612D6866;

    public static JobStorage Create(string connectionString, string schema, TimeSpan pollInterval)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = schema,
            QueuePollInterval = pollInterval,
            PrepareSchemaIfNecessary = true,
        };

        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({InstallLock})", connection))
        {
            take.ExecuteNonQuery();
        }

        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }
        finally
        {
            using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({InstallLock})", connection);
            release.ExecuteNonQuery();
        }
    }
}
