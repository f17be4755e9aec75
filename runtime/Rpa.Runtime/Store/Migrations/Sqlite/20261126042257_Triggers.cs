using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rpa.Runtime.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Triggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "webhook_secrets",
                columns: table => new
                {
                    BotName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Hook = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_secrets", x => new { x.BotName, x.Hook });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "webhook_secrets");
        }
    }
}
