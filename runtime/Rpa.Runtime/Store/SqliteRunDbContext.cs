using Microsoft.EntityFrameworkCore;

namespace Rpa.Runtime.Store;

/// <summary>The store on SQLite (the embedded default); its migrations are in Store/Migrations/Sqlite.</summary>
public sealed class SqliteRunDbContext(DbContextOptions<SqliteRunDbContext> options) : RunDbContext(options);
