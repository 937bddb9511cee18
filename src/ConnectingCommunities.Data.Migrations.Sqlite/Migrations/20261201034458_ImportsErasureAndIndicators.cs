using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingCommunities.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportsErasureAndIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "retention_years_after_end",
                table: "programmes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<long>(
                name: "erased_at",
                table: "participants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "erasures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    erased = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    kept = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    evidence_files_removed = table.Column<int>(type: "INTEGER", nullable: false),
                    erased_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    erased_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erasures", x => x.id);
                    table.ForeignKey(
                        name: "fk_erasures_identity_users_erased_by_id",
                        column: x => x.erased_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    stored_file_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    rows_total = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_processed = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_new = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_updated = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_in_error = table.Column<int>(type: "INTEGER", nullable: false),
                    warnings = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    failure_message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    applied_valid_rows_only = table.Column<bool>(type: "INTEGER", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    validated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    applied_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_imports_identity_users_applied_by_id",
                        column: x => x.applied_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_imports_identity_users_uploaded_by_id",
                        column: x => x.uploaded_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_imports_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    point = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    self_esteem_items = table.Column<string>(type: "TEXT", nullable: false),
                    self_esteem = table.Column<int>(type: "INTEGER", nullable: true),
                    locus_of_control_items = table.Column<string>(type: "TEXT", nullable: false),
                    locus_of_control = table.Column<int>(type: "INTEGER", nullable: true),
                    attitude_to_work_items = table.Column<string>(type: "TEXT", nullable: false),
                    attitude_to_work = table.Column<int>(type: "INTEGER", nullable: true),
                    labour_market_awareness_items = table.Column<string>(type: "TEXT", nullable: false),
                    labour_market_awareness = table.Column<int>(type: "INTEGER", nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_assessments_identity_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_indicator_assessments_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_secrets",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_secrets", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "retention_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    run_at = table.Column<long>(type: "INTEGER", nullable: false),
                    retain_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    participants_listed = table.Column<int>(type: "INTEGER", nullable: false),
                    confirmed_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    confirmed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    participants_erased = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_retention_reviews_identity_users_confirmed_by_id",
                        column: x => x.confirmed_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "external_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    last_import_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_external_records_imports_last_import_id",
                        column: x => x.last_import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_external_records_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "import_row_errors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    import_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row = table.Column<int>(type: "INTEGER", nullable: false),
                    column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_row_errors", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_row_errors_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_erasures_erased_by_id",
                table: "erasures",
                column: "erased_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_erasures_participant_id",
                table: "erasures",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_external_records_entity_id",
                table: "external_records",
                column: "entity_id");

            migrationBuilder.CreateIndex(
                name: "ix_external_records_last_import_id",
                table: "external_records",
                column: "last_import_id");

            migrationBuilder.CreateIndex(
                name: "ix_external_records_lot_id_type_external_id",
                table: "external_records",
                columns: new[] { "lot_id", "type", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_row_errors_import_id_row",
                table: "import_row_errors",
                columns: new[] { "import_id", "row" });

            migrationBuilder.CreateIndex(
                name: "ix_imports_applied_by_id",
                table: "imports",
                column: "applied_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_imports_lot_id_uploaded_at",
                table: "imports",
                columns: new[] { "lot_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_imports_uploaded_by_id",
                table: "imports",
                column: "uploaded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_assessments_participant_id_point",
                table: "indicator_assessments",
                columns: new[] { "participant_id", "point" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_assessments_recorded_by_id",
                table: "indicator_assessments",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_retention_reviews_confirmed_by_id",
                table: "retention_reviews",
                column: "confirmed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_retention_reviews_run_at",
                table: "retention_reviews",
                column: "run_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "erasures");

            migrationBuilder.DropTable(
                name: "external_records");

            migrationBuilder.DropTable(
                name: "import_row_errors");

            migrationBuilder.DropTable(
                name: "indicator_assessments");

            migrationBuilder.DropTable(
                name: "platform_secrets");

            migrationBuilder.DropTable(
                name: "retention_reviews");

            migrationBuilder.DropTable(
                name: "imports");

            migrationBuilder.DropColumn(
                name: "retention_years_after_end",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "erased_at",
                table: "participants");
        }
    }
}
