using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rpa.Runtime.Store;

/// <summary>For `dotnet ef migrations add X --context PostgresRunDbContext --output-dir Store/Migrations/Postgres` (needs no server).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRunDbContext>
{
    public PostgresRunDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRunDbContext>().UseNpgsql("Host=127.0.0.1;Database=rpa;Username=rpa").Options);
}
