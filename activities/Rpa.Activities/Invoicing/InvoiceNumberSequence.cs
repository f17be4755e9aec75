using System.Globalization;
using Microsoft.Data.Sqlite;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Invoicing;

/// <summary>
/// Durable, gapless invoice numbers per series in a SQLite file, shared safely by concurrent runs and processes.
/// Each number is issued in one IMMEDIATE transaction that reads the series' next number, records it against the
/// order id and advances the series: a number is committed only together with its order, so the numbers of a
/// series are 1, 2, 3 ... with no gaps and no duplicates, and an order invoiced again gets its first number back.
/// </summary>
public sealed class InvoiceNumberSequence
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS invoice_series (
            series TEXT NOT NULL PRIMARY KEY,
            next INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS invoice_numbers (
            series TEXT NOT NULL,
            order_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            issued_at TEXT NOT NULL,
            PRIMARY KEY (series, order_id),
            UNIQUE (series, number));
        """;

    private readonly string _connectionString;

    /// <param name="path">The SQLite file; created with its folder when missing.</param>
    /// <param name="busyTimeout">How long to wait for another run's transaction before giving up.</param>
    public InvoiceNumberSequence(string path, TimeSpan? busyTimeout = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Closing the connection closes the file: another process, or this one after a restart, sees it as it is.
            Pooling = false,
            DefaultTimeout = (int)(busyTimeout ?? TimeSpan.FromSeconds(60)).TotalSeconds,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>The number of <paramref name="orderId"/> in <paramref name="series"/>: its earlier one, or the next free one.</summary>
    public IssuedNumber Issue(string series, string orderId, DateTimeOffset now) => IssueAll(series, [orderId], now)[0];

    /// <summary>Numbers for several orders over one connection, one transaction per order.</summary>
    public IReadOnlyList<IssuedNumber> IssueAll(string series, IReadOnlyList<string> orderIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(series)) throw new ActivityException("the invoice series is empty; give one such as INV-2026");
        try
        {
            using var connection = Open();
            var issued = new List<IssuedNumber>(orderIds.Count);
            foreach (var orderId in orderIds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                issued.Add(IssueOne(connection, series, orderId, now));
            }

            return issued;
        }
        catch (SqliteException e)
        {
            throw new ActivityException($"the invoice number database {Path} failed: {e.Message}", e);
        }
    }

    /// <summary>The next number the series would issue (1 for a new series).</summary>
    public long Next(string series)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT next FROM invoice_series WHERE series = $series";
        command.Parameters.AddWithValue("$series", series);
        return command.ExecuteScalar() is long next ? next : 1;
    }

    private SqliteConnection Open()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        using (var pragma = connection.CreateCommand())
        {
            // Each commit reaches the disk before the number is used.
            pragma.CommandText = "PRAGMA synchronous = FULL";
            pragma.ExecuteNonQuery();
        }

        return connection;
    }

    private static IssuedNumber IssueOne(SqliteConnection connection, string series, string orderId, DateTimeOffset now)
    {
        // BEGIN IMMEDIATE: takes the write lock first, so two runs never read the same next number.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$series", series);
        command.Parameters.AddWithValue("$order", orderId);

        command.CommandText = "SELECT number FROM invoice_numbers WHERE series = $series AND order_id = $order";
        if (command.ExecuteScalar() is long existing)
        {
            transaction.Commit();
            return new IssuedNumber(series, orderId, existing, IsNew: false);
        }

        command.CommandText = "SELECT next FROM invoice_series WHERE series = $series";
        var number = command.ExecuteScalar() is long next ? next : 1;
        command.Parameters.AddWithValue("$number", number);
        command.Parameters.AddWithValue("$now", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.CommandText = """
            INSERT INTO invoice_numbers (series, order_id, number, issued_at) VALUES ($series, $order, $number, $now);
            INSERT INTO invoice_series (series, next) VALUES ($series, $number + 1)
                ON CONFLICT (series) DO UPDATE SET next = excluded.next;
            """;
        command.ExecuteNonQuery();
        transaction.Commit();
        return new IssuedNumber(series, orderId, number, IsNew: true);
    }
}
