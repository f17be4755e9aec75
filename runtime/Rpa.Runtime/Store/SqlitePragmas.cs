using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rpa.Runtime.Store;

/// <summary>
/// Settings of every SQLite connection the store opens, applied once per physical connection (Microsoft.Data.Sqlite pools
/// them; a pooled connection keeps its settings):
/// <list type="bullet">
/// <item><c>synchronous=NORMAL</c>: with the WAL journal the store uses, a commit survives a crash of the process (kill -9
/// included); only a power cut can lose the last commits, never corrupt the file. It saves an fsync per commit.</item>
/// <item><c>busy_timeout=30000</c>: a writer that finds another one (a second worker thread, an <c>rpa approve</c> in
/// another process) waits inside SQLite, in steps of 1–100 ms, for up to 30 s; without it the writer waited in
/// Microsoft.Data.Sqlite's own retry loop, and two worker threads ran fewer runs than one (the dispatch benchmark).</item>
/// </list>
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    /// <summary>The native connections already set up; an entry goes when its connection is collected.</summary>
    private readonly ConditionalWeakTable<object, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
        catch
        {
            Forget(connection);
            throw;
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Forget(connection);
            throw;
        }
    }

    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _applied.TryAdd(handle, handle);

    /// <summary>Setting up failed: the next open of this connection tries again.</summary>
    private void Forget(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _applied.Remove(handle);
    }
}
