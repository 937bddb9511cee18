using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingCommunities.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutcomesAndClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "flagged_for_audit",
                table: "providers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "audit_all_above_amount",
                table: "programmes",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "audit_sample_percentage",
                table: "programmes",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "end_date",
                table: "job_starts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "end_reason",
                table: "job_starts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "job_start_id",
                table: "evidence_files",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "progression_record_id",
                table: "evidence_files",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "sustainment_check_id",
                table: "evidence_files",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    provider_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    audit_seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_claims_identity_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_claims_identity_users_submitted_by_id",
                        column: x => x.submitted_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_claims_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payment_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    provider_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    gross_payments = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    recoveries = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    brought_forward = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    carried_forward = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_payment_runs_identity_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_payment_runs_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "progression_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_start_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    changed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    job_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    weekly_hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    hourly_wage = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    contract_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    promotion = table.Column<bool>(type: "INTEGER", nullable: false),
                    lateral_move = table.Column<bool>(type: "INTEGER", nullable: false),
                    lateral_move_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    baseline_weekly_hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    baseline_hourly_wage = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    baseline_contract_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    earnings_change = table.Column<decimal>(type: "TEXT", precision: 12, scale: 6, nullable: true),
                    meets_strict = table.Column<bool>(type: "INTEGER", nullable: false),
                    meets_wider = table.Column<bool>(type: "INTEGER", nullable: false),
                    grounds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progression_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_progression_records_identity_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_progression_records_job_starts_job_start_id",
                        column: x => x.job_start_id,
                        principalTable: "job_starts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_progression_records_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sustainment_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    milestone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    run_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    job_start_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    checked_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sustainment_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_sustainment_checks_identity_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_sustainment_checks_job_starts_job_start_id",
                        column: x => x.job_start_id,
                        principalTable: "job_starts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sustainment_checks_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "claim_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    milestone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    milestone_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    cohort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    provider_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason_codes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    evidence_count = table.Column<int>(type: "INTEGER", nullable: false),
                    audit_selection = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    decided_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decision_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recovery_requested_at = table.Column<long>(type: "INTEGER", nullable: true),
                    recovery_requested_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recovery_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_claim_lines_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_lines_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_lines_identity_users_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_claim_lines_identity_users_recovery_requested_by_id",
                        column: x => x.recovery_requested_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_claim_lines_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_lines_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payment_run_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    payment_run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_run_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_payment_run_lines_claim_lines_claim_line_id",
                        column: x => x.claim_line_id,
                        principalTable: "claim_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payment_run_lines_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payment_run_lines_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payment_run_lines_payment_runs_payment_run_id",
                        column: x => x.payment_run_id,
                        principalTable: "payment_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_progression_record_id",
                table: "evidence_files",
                column: "progression_record_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_sustainment_check_id",
                table: "evidence_files",
                column: "sustainment_check_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_claim_id_status",
                table: "claim_lines",
                columns: new[] { "claim_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_contract_id",
                table: "claim_lines",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_decided_by_id",
                table: "claim_lines",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_one_live_line_per_milestone",
                table: "claim_lines",
                columns: new[] { "participant_id", "milestone" },
                unique: true,
                filter: "status IN ('Draft', 'Submitted', 'Returned', 'Approved', 'Paid')");

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_participant_id_milestone",
                table: "claim_lines",
                columns: new[] { "participant_id", "milestone" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_provider_id_status",
                table: "claim_lines",
                columns: new[] { "provider_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_recovery_requested_by_id",
                table: "claim_lines",
                column: "recovery_requested_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_created_by_id",
                table: "claims",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_lot_id_period",
                table: "claims",
                columns: new[] { "lot_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_one_draft_per_lot_period",
                table: "claims",
                columns: new[] { "lot_id", "period" },
                unique: true,
                filter: "status = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_claims_provider_id",
                table: "claims",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_reference",
                table: "claims",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_status_submitted_at",
                table: "claims",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_submitted_by_id",
                table: "claims",
                column: "submitted_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_lines_claim_line_id_kind",
                table: "payment_run_lines",
                columns: new[] { "claim_line_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_lines_contract_id",
                table: "payment_run_lines",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_lines_lot_id_kind",
                table: "payment_run_lines",
                columns: new[] { "lot_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_lines_payment_run_id",
                table: "payment_run_lines",
                column: "payment_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_runs_created_by_id",
                table: "payment_runs",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_runs_provider_id_period_end",
                table: "payment_runs",
                columns: new[] { "provider_id", "period_end" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_runs_reference",
                table: "payment_runs",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_progression_records_job_start_id",
                table: "progression_records",
                column: "job_start_id");

            migrationBuilder.CreateIndex(
                name: "ix_progression_records_participant_id_changed_on",
                table: "progression_records",
                columns: new[] { "participant_id", "changed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_progression_records_recorded_by_id",
                table: "progression_records",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_sustainment_checks_due_on",
                table: "sustainment_checks",
                column: "due_on");

            migrationBuilder.CreateIndex(
                name: "ix_sustainment_checks_job_start_id",
                table: "sustainment_checks",
                column: "job_start_id");

            migrationBuilder.CreateIndex(
                name: "ix_sustainment_checks_participant_id_milestone_run_start",
                table: "sustainment_checks",
                columns: new[] { "participant_id", "milestone", "run_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sustainment_checks_recorded_by_id",
                table: "sustainment_checks",
                column: "recorded_by_id");

            migrationBuilder.AddForeignKey(
                name: "fk_evidence_files_progression_records_progression_record_id",
                table: "evidence_files",
                column: "progression_record_id",
                principalTable: "progression_records",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_evidence_files_sustainment_checks_sustainment_check_id",
                table: "evidence_files",
                column: "sustainment_check_id",
                principalTable: "sustainment_checks",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_evidence_files_progression_records_progression_record_id",
                table: "evidence_files");

            migrationBuilder.DropForeignKey(
                name: "fk_evidence_files_sustainment_checks_sustainment_check_id",
                table: "evidence_files");

            migrationBuilder.DropTable(
                name: "payment_run_lines");

            migrationBuilder.DropTable(
                name: "progression_records");

            migrationBuilder.DropTable(
                name: "sustainment_checks");

            migrationBuilder.DropTable(
                name: "claim_lines");

            migrationBuilder.DropTable(
                name: "payment_runs");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropIndex(
                name: "ix_evidence_files_progression_record_id",
                table: "evidence_files");

            migrationBuilder.DropIndex(
                name: "ix_evidence_files_sustainment_check_id",
                table: "evidence_files");

            migrationBuilder.DropColumn(
                name: "flagged_for_audit",
                table: "providers");

            migrationBuilder.DropColumn(
                name: "audit_all_above_amount",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "audit_sample_percentage",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "end_date",
                table: "job_starts");

            migrationBuilder.DropColumn(
                name: "end_reason",
                table: "job_starts");

            migrationBuilder.DropColumn(
                name: "progression_record_id",
                table: "evidence_files");

            migrationBuilder.DropColumn(
                name: "sustainment_check_id",
                table: "evidence_files");

            migrationBuilder.AlterColumn<Guid>(
                name: "job_start_id",
                table: "evidence_files",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
