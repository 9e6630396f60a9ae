using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CopiedFromPlanId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EndYear",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Plans",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ParentPlanId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Plans",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "PlanDuties",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Objectives",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Objectives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "Indicators",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TargetYear",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Indicators",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CarriedOverFromId",
                table: "Deliverables",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorSteps_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskCitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    CitedTaskId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskCitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskCitations_Tasks_CitedTaskId",
                        column: x => x.CitedTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskCitations_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every plan so far is an annual plan: its period ends in its own year.
            migrationBuilder.Sql("UPDATE \"Plans\" SET \"EndYear\" = \"Year\"");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_CopiedFromPlanId",
                table: "Plans",
                column: "CopiedFromPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_ParentPlanId",
                table: "Plans",
                column: "ParentPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Status_Kind",
                table: "Plans",
                columns: new[] { "Status", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_UnitId",
                table: "Plans",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Deliverables_CarriedOverFromId",
                table: "Deliverables",
                column: "CarriedOverFromId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSteps_IndicatorId_Year",
                table: "IndicatorSteps",
                columns: new[] { "IndicatorId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskCitations_CitedTaskId",
                table: "TaskCitations",
                column: "CitedTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCitations_TaskId_CitedTaskId",
                table: "TaskCitations",
                columns: new[] { "TaskId", "CitedTaskId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Deliverables_Deliverables_CarriedOverFromId",
                table: "Deliverables",
                column: "CarriedOverFromId",
                principalTable: "Deliverables",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Plans_CopiedFromPlanId",
                table: "Plans",
                column: "CopiedFromPlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Plans_ParentPlanId",
                table: "Plans",
                column: "ParentPlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Units_UnitId",
                table: "Plans",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Deliverables_Deliverables_CarriedOverFromId",
                table: "Deliverables");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Plans_CopiedFromPlanId",
                table: "Plans");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Plans_ParentPlanId",
                table: "Plans");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Units_UnitId",
                table: "Plans");

            migrationBuilder.DropTable(
                name: "IndicatorSteps");

            migrationBuilder.DropTable(
                name: "TaskCitations");

            migrationBuilder.DropIndex(
                name: "IX_Plans_CopiedFromPlanId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_ParentPlanId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_Status_Kind",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_UnitId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Deliverables_CarriedOverFromId",
                table: "Deliverables");

            migrationBuilder.DropColumn(
                name: "CopiedFromPlanId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EndYear",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ParentPlanId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PlanDuties");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "TargetYear",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "CarriedOverFromId",
                table: "Deliverables");
        }
    }
}
