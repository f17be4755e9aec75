using Microsoft.EntityFrameworkCore;

namespace Rpa.Runtime.Store;

/// <summary>The store on PostgreSQL (scale-out); its migrations are in Store/Migrations/Postgres.</summary>
public sealed class PostgresRunDbContext(DbContextOptions<PostgresRunDbContext> options) : RunDbContext(options);
