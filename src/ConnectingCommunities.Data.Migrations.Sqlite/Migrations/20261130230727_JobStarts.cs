using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingCommunities.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JobStarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "employers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    normalised_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "job_starts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    soc_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    weekly_hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    hourly_wage = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    contract_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_starts", x => x.id);
                    table.ForeignKey(
                        name: "fk_job_starts_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_job_starts_identity_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_job_starts_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_start_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    original_file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    stored_file_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_files_identity_users_uploaded_by_id",
                        column: x => x.uploaded_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_evidence_files_job_starts_job_start_id",
                        column: x => x.job_start_id,
                        principalTable: "job_starts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_evidence_files_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_employers_normalised_name",
                table: "employers",
                column: "normalised_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_job_start_id",
                table: "evidence_files",
                column: "job_start_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_participant_id",
                table: "evidence_files",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_stored_file_name",
                table: "evidence_files",
                column: "stored_file_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_uploaded_by_id",
                table: "evidence_files",
                column: "uploaded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_starts_employer_id",
                table: "job_starts",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_starts_participant_id_start_date",
                table: "job_starts",
                columns: new[] { "participant_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_job_starts_recorded_by_id",
                table: "job_starts",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_starts_start_date",
                table: "job_starts",
                column: "start_date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropTable(
                name: "job_starts");

            migrationBuilder.DropTable(
                name: "employers");
        }
    }
}
