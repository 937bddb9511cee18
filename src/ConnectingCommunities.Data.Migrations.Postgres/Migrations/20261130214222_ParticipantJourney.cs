using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingCommunities.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantJourney : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "meaningful_intervention_minutes",
                table: "programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "participant_id",
                table: "audit_events",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "help_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    preferred_contact = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_help_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_help_requests_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: true),
                    number = table.Column<int>(type: "integer", nullable: false),
                    reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    advisor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    search_first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    search_last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    nino = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    nino_missing_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    gender_identity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ethnicity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    long_term_condition = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    activity_limitation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    highest_qualification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    has_childcare_responsibilities = table.Column<bool>(type: "boolean", nullable: true),
                    has_caring_responsibilities = table.Column<bool>(type: "boolean", nullable: true),
                    has_internet_access = table.Column<bool>(type: "boolean", nullable: true),
                    employment_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    last_in_work_on = table.Column<DateOnly>(type: "date", nullable: true),
                    weekly_hours = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    hourly_wage = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    employment_contract_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    cohort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    age_band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recruitment_channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    referrer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    privacy_notice_acknowledged = table.Column<bool>(type: "boolean", nullable: false),
                    evaluation_contact_consent = table.Column<bool>(type: "boolean", nullable: true),
                    eligibility_override_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    duplicate_check_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    leaving_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    leaving_notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    engaged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    last_contact_on = table.Column<DateOnly>(type: "date", nullable: true),
                    meaningful_interventions = table.Column<int>(type: "integer", nullable: false),
                    help_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_participants_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_participants_help_requests_help_request_id",
                        column: x => x.help_request_id,
                        principalTable: "help_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_participants_identity_users_advisor_id",
                        column: x => x.advisor_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_participants_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "goals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    agreed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    target_date = table.Column<DateOnly>(type: "date", nullable: true),
                    achieved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_goals", x => x.id);
                    table.ForeignKey(
                        name: "fk_goals_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interventions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    advisor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    advisor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    activity_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    is_meaningful = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interventions", x => x.id);
                    table.ForeignKey(
                        name: "fk_interventions_identity_users_advisor_id",
                        column: x => x.advisor_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_interventions_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participant_barriers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    barrier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    identified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participant_barriers", x => x.id);
                    table.ForeignKey(
                        name: "fk_participant_barriers_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participant_milestones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    milestone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    achieved_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participant_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_participant_milestones_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participant_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    transferred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    from_contract_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_contract_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_advisor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_advisor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participant_transfers", x => x.id);
                    table.ForeignKey(
                        name: "fk_participant_transfers_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    goal_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    activity_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    identified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    agreed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    not_done_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_actions_goals_goal_id",
                        column: x => x.goal_id,
                        principalTable: "goals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_plan_actions_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "barrier_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_barrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    resolved = table.Column<bool>(type: "boolean", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reviewed_by_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_barrier_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_barrier_reviews_participant_barriers_participant_barrier_id",
                        column: x => x.participant_barrier_id,
                        principalTable: "participant_barriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_participant_id",
                table: "audit_events",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_barrier_reviews_participant_barrier_id",
                table: "barrier_reviews",
                column: "participant_barrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_barrier_reviews_participant_id",
                table: "barrier_reviews",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_goals_participant_id",
                table: "goals",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_help_requests_lot_id_status_received_at",
                table: "help_requests",
                columns: new[] { "lot_id", "status", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_help_requests_reference",
                table: "help_requests",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_interventions_advisor_id",
                table: "interventions",
                column: "advisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_interventions_participant_id_date",
                table: "interventions",
                columns: new[] { "participant_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_participant_barriers_barrier_participant_id",
                table: "participant_barriers",
                columns: new[] { "barrier", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_participant_barriers_participant_id_barrier",
                table: "participant_barriers",
                columns: new[] { "participant_id", "barrier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_participant_milestones_milestone_achieved_on",
                table: "participant_milestones",
                columns: new[] { "milestone", "achieved_on" });

            migrationBuilder.CreateIndex(
                name: "ix_participant_milestones_participant_id_milestone",
                table: "participant_milestones",
                columns: new[] { "participant_id", "milestone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_participant_transfers_participant_id",
                table: "participant_transfers",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_participants_advisor_id_status",
                table: "participants",
                columns: new[] { "advisor_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_participants_contract_id",
                table: "participants",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_participants_date_of_birth",
                table: "participants",
                column: "date_of_birth");

            migrationBuilder.CreateIndex(
                name: "ix_participants_help_request_id",
                table: "participants",
                column: "help_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_participants_lot_id_number",
                table: "participants",
                columns: new[] { "lot_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_participants_lot_id_registered_on",
                table: "participants",
                columns: new[] { "lot_id", "registered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_participants_nino",
                table: "participants",
                column: "nino",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_participants_postcode",
                table: "participants",
                column: "postcode")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_participants_reference",
                table: "participants",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_participants_search_first_name",
                table: "participants",
                column: "search_first_name")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_participants_search_last_name_search_first_name",
                table: "participants",
                columns: new[] { "search_last_name", "search_first_name" })
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops", "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_goal_id",
                table: "plan_actions",
                column: "goal_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_participant_id_status_due_on",
                table: "plan_actions",
                columns: new[] { "participant_id", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_status_due_on",
                table: "plan_actions",
                columns: new[] { "status", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "barrier_reviews");

            migrationBuilder.DropTable(
                name: "interventions");

            migrationBuilder.DropTable(
                name: "participant_milestones");

            migrationBuilder.DropTable(
                name: "participant_transfers");

            migrationBuilder.DropTable(
                name: "plan_actions");

            migrationBuilder.DropTable(
                name: "participant_barriers");

            migrationBuilder.DropTable(
                name: "goals");

            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "help_requests");

            migrationBuilder.DropIndex(
                name: "ix_audit_events_participant_id",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "meaningful_intervention_minutes",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "participant_id",
                table: "audit_events");
        }
    }
}
