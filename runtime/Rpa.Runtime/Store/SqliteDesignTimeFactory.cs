using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rpa.Runtime.Store;

/// <summary>For `dotnet ef migrations add X --context SqliteRunDbContext --output-dir Store/Migrations/Sqlite`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRunDbContext>
{
    public SqliteRunDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRunDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
