using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ResponsibleUnitId",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EnteredByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ResponsibleUnitId",
                table: "Indicators",
                column: "ResponsibleUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId_Period",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "Period" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Units_ResponsibleUnitId",
                table: "Indicators",
                column: "ResponsibleUnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Units_ResponsibleUnitId",
                table: "Indicators");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_ResponsibleUnitId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ResponsibleUnitId",
                table: "Indicators");
        }
    }
}
