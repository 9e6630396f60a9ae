using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerifiedProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AssignedByHigherLevel",
                table: "Tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "VerifiesCompletions",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AdjustedDue",
                table: "DeliverableProgress",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "DeliverableProgress",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReturnedAtUtc",
                table: "DeliverableProgress",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAtUtc",
                table: "DeliverableProgress",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedByName",
                table: "DeliverableProgress",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliverableId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CurrentDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestedDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "Deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ItemFollowers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliverableId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemFollowers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemFollowers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ItemFollowers_Deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "Deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemFollowers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Highlights = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Shortcomings = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Difficulties = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    NextSteps = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Proposals = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitReports_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitReports_ReportSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "ReportSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitReports_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_DeliverableId_UnitId_Period",
                table: "DeadlineExtensions",
                columns: new[] { "DeliverableId", "UnitId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_Status",
                table: "DeadlineExtensions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_UnitId",
                table: "DeadlineExtensions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemFollowers_DeliverableId_UnitId_UserId",
                table: "ItemFollowers",
                columns: new[] { "DeliverableId", "UnitId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItemFollowers_UnitId",
                table: "ItemFollowers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemFollowers_UserId",
                table: "ItemFollowers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitReports_PlanId_UnitId_PeriodKey",
                table: "UnitReports",
                columns: new[] { "PlanId", "UnitId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitReports_SubmissionId",
                table: "UnitReports",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitReports_UnitId",
                table: "UnitReports",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineExtensions");

            migrationBuilder.DropTable(
                name: "ItemFollowers");

            migrationBuilder.DropTable(
                name: "UnitReports");

            migrationBuilder.DropColumn(
                name: "AssignedByHigherLevel",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "VerifiesCompletions",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "AdjustedDue",
                table: "DeliverableProgress");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "DeliverableProgress");

            migrationBuilder.DropColumn(
                name: "ReturnedAtUtc",
                table: "DeliverableProgress");

            migrationBuilder.DropColumn(
                name: "VerifiedAtUtc",
                table: "DeliverableProgress");

            migrationBuilder.DropColumn(
                name: "VerifiedByName",
                table: "DeliverableProgress");
        }
    }
}
