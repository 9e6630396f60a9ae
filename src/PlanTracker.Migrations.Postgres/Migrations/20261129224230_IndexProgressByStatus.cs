using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanTracker.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndexProgressByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DeliverableProgress_Status",
                table: "DeliverableProgress",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DeliverableProgress_Status",
                table: "DeliverableProgress");
        }
    }
}
