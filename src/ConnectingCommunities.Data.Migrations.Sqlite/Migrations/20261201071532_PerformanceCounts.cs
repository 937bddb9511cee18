using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingCommunities.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "performance_counts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    provider_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    cohort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    milestone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    registered_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    achieved_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_counts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_performance_counts_lot_id_milestone_achieved_month",
                table: "performance_counts",
                columns: new[] { "lot_id", "milestone", "achieved_month" });

            migrationBuilder.CreateIndex(
                name: "ix_performance_counts_lot_id_registered_month",
                table: "performance_counts",
                columns: new[] { "lot_id", "registered_month" });

            // Counts for the participants and milestones already stored (PerformanceCounts.RebuildAsync makes the same).
            migrationBuilder.Sql(
                """
                INSERT INTO performance_counts (lot_id, provider_id, cohort, milestone, registered_month, achieved_month, count)
                SELECT p.lot_id, c.provider_id, p.cohort, NULL, substr(p.registered_on, 1, 7) || '-01', NULL, COUNT(*)
                FROM participants p LEFT JOIN contracts c ON c.id = p.contract_id
                GROUP BY p.lot_id, c.provider_id, p.cohort, substr(p.registered_on, 1, 7) || '-01';
                INSERT INTO performance_counts (lot_id, provider_id, cohort, milestone, registered_month, achieved_month, count)
                SELECT p.lot_id, c.provider_id, p.cohort, m.milestone, substr(p.registered_on, 1, 7) || '-01', substr(m.achieved_on, 1, 7) || '-01', COUNT(*)
                FROM participant_milestones m
                JOIN participants p ON p.id = m.participant_id
                LEFT JOIN contracts c ON c.id = p.contract_id
                GROUP BY p.lot_id, c.provider_id, p.cohort, m.milestone, substr(p.registered_on, 1, 7) || '-01', substr(m.achieved_on, 1, 7) || '-01';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "performance_counts");
        }
    }
}
