using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConnectingCommunities.Data.Migrations.Postgres.Migrations
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cohort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    milestone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    registered_month = table.Column<DateOnly>(type: "date", nullable: false),
                    achieved_month = table.Column<DateOnly>(type: "date", nullable: true),
                    count = table.Column<int>(type: "integer", nullable: false)
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
                SELECT p.lot_id, c.provider_id, p.cohort, NULL, date_trunc('month', p.registered_on)::date, NULL, COUNT(*)
                FROM participants p LEFT JOIN contracts c ON c.id = p.contract_id
                GROUP BY p.lot_id, c.provider_id, p.cohort, date_trunc('month', p.registered_on)::date;
                INSERT INTO performance_counts (lot_id, provider_id, cohort, milestone, registered_month, achieved_month, count)
                SELECT p.lot_id, c.provider_id, p.cohort, m.milestone, date_trunc('month', p.registered_on)::date, date_trunc('month', m.achieved_on)::date, COUNT(*)
                FROM participant_milestones m
                JOIN participants p ON p.id = m.participant_id
                LEFT JOIN contracts c ON c.id = p.contract_id
                GROUP BY p.lot_id, c.provider_id, p.cohort, m.milestone, date_trunc('month', p.registered_on)::date, date_trunc('month', m.achieved_on)::date;
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
