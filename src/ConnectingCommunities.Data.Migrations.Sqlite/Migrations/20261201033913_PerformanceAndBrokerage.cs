using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingCommunities.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceAndBrokerage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "rag_amber_from_percent",
                table: "programmes",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 80m);

            migrationBuilder.AddColumn<decimal>(
                name: "rag_green_from_percent",
                table: "programmes",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 95m);

            migrationBuilder.AddColumn<Guid>(
                name: "added_by_id",
                table: "employers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "added_by_lot_id",
                table: "employers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_line1",
                table: "employers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_line2",
                table: "employers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "companies_house_number",
                table: "employers",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sic_section",
                table: "employers",
                type: "TEXT",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "size_band",
                table: "employers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "town",
                table: "employers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "employer_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    participants_involved = table.Column<int>(type: "INTEGER", nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_activities_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_employer_activities_identity_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_employer_activities_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employer_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    job_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_contacts_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_employer_contacts_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employer_relationships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    engagement_method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    began_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_relationships", x => x.id);
                    table.ForeignKey(
                        name: "fk_employer_relationships_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_employer_relationships_identity_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_employer_relationships_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "job_goals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occupations = table.Column<string>(type: "TEXT", nullable: false),
                    skills = table.Column<string>(type: "TEXT", nullable: false),
                    min_weekly_hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    max_weekly_hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    available_days = table.Column<string>(type: "TEXT", nullable: false),
                    can_work_nights = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_work_weekends = table.Column<bool>(type: "INTEGER", nullable: false),
                    max_travel_minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    max_travel_miles = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    has_driving_licence = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_own_transport = table.Column<bool>(type: "INTEGER", nullable: false),
                    available_from = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    available_until = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    updated_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_goals", x => x.id);
                    table.ForeignKey(
                        name: "fk_job_goals_identity_users_updated_by_id",
                        column: x => x.updated_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_job_goals_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "match_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    vacancies_shown = table.Column<int>(type: "INTEGER", nullable: false),
                    plan_action_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reviewed_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_reviews_identity_users_reviewed_by_id",
                        column: x => x.reviewed_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_match_reviews_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_match_reviews_plan_actions_plan_action_id",
                        column: x => x.plan_action_id,
                        principalTable: "plan_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "postcode_locations",
                columns: table => new
                {
                    postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_postcode_locations", x => x.postcode);
                });

            migrationBuilder.CreateTable(
                name: "vacancies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    found_by_lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    soc_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    weekly_hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    shift_pattern = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    working_days = table.Column<string>(type: "TEXT", nullable: false),
                    starts_at = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ends_at = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    hourly_wage = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    contract_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    positions = table.Column<int>(type: "INTEGER", nullable: false),
                    required_skills = table.Column<string>(type: "TEXT", nullable: false),
                    desirable_skills = table.Column<string>(type: "TEXT", nullable: false),
                    minimum_qualification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    driving_licence_required = table.Column<bool>(type: "INTEGER", nullable: false),
                    posted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closing_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vacancies", x => x.id);
                    table.ForeignKey(
                        name: "fk_vacancies_employers_employer_id",
                        column: x => x.employer_id,
                        principalTable: "employers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_vacancies_identity_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_vacancies_lots_found_by_lot_id",
                        column: x => x.found_by_lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    vacancy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    referred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    interview_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    offered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    match_score = table.Column<int>(type: "INTEGER", nullable: true),
                    job_start_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    intervention_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    referred_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_referrals_identity_users_referred_by_id",
                        column: x => x.referred_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_referrals_interventions_intervention_id",
                        column: x => x.intervention_id,
                        principalTable: "interventions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_referrals_job_starts_job_start_id",
                        column: x => x.job_start_id,
                        principalTable: "job_starts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_referrals_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referrals_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_referrals_vacancies_vacancy_id",
                        column: x => x.vacancy_id,
                        principalTable: "vacancies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referral_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    referral_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_referral_events_identity_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_referral_events_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_employers_added_by_id",
                table: "employers",
                column: "added_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_employers_added_by_lot_id",
                table: "employers",
                column: "added_by_lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_employers_postcode",
                table: "employers",
                column: "postcode");

            migrationBuilder.CreateIndex(
                name: "ix_employer_activities_employer_id_lot_id_occurred_on",
                table: "employer_activities",
                columns: new[] { "employer_id", "lot_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_employer_activities_lot_id_occurred_on",
                table: "employer_activities",
                columns: new[] { "lot_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_employer_activities_recorded_by_id",
                table: "employer_activities",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_employer_contacts_employer_id_lot_id",
                table: "employer_contacts",
                columns: new[] { "employer_id", "lot_id" });

            migrationBuilder.CreateIndex(
                name: "ix_employer_contacts_lot_id",
                table: "employer_contacts",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_employer_relationships_created_by_id",
                table: "employer_relationships",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_employer_relationships_employer_id_lot_id",
                table: "employer_relationships",
                columns: new[] { "employer_id", "lot_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employer_relationships_lot_id",
                table: "employer_relationships",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_goals_participant_id",
                table: "job_goals",
                column: "participant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_job_goals_updated_by_id",
                table: "job_goals",
                column: "updated_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_reviews_participant_id_reviewed_on",
                table: "match_reviews",
                columns: new[] { "participant_id", "reviewed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_match_reviews_plan_action_id",
                table: "match_reviews",
                column: "plan_action_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_reviews_reviewed_by_id",
                table: "match_reviews",
                column: "reviewed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_referral_events_recorded_by_id",
                table: "referral_events",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_referral_events_referral_id",
                table: "referral_events",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_intervention_id",
                table: "referrals",
                column: "intervention_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_job_start_id",
                table: "referrals",
                column: "job_start_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_lot_id_status",
                table: "referrals",
                columns: new[] { "lot_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_participant_id",
                table: "referrals",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_referred_by_id",
                table: "referrals",
                column: "referred_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_vacancy_id_participant_id",
                table: "referrals",
                columns: new[] { "vacancy_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_created_by_id",
                table: "vacancies",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_employer_id",
                table: "vacancies",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_found_by_lot_id",
                table: "vacancies",
                column: "found_by_lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancies_status_closing_on",
                table: "vacancies",
                columns: new[] { "status", "closing_on" });

            migrationBuilder.AddForeignKey(
                name: "fk_employers_identity_users_added_by_id",
                table: "employers",
                column: "added_by_id",
                principalTable: "identity_users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_employers_lots_added_by_lot_id",
                table: "employers",
                column: "added_by_lot_id",
                principalTable: "lots",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_employers_identity_users_added_by_id",
                table: "employers");

            migrationBuilder.DropForeignKey(
                name: "fk_employers_lots_added_by_lot_id",
                table: "employers");

            migrationBuilder.DropTable(
                name: "employer_activities");

            migrationBuilder.DropTable(
                name: "employer_contacts");

            migrationBuilder.DropTable(
                name: "employer_relationships");

            migrationBuilder.DropTable(
                name: "job_goals");

            migrationBuilder.DropTable(
                name: "match_reviews");

            migrationBuilder.DropTable(
                name: "postcode_locations");

            migrationBuilder.DropTable(
                name: "referral_events");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "vacancies");

            migrationBuilder.DropIndex(
                name: "ix_employers_added_by_id",
                table: "employers");

            migrationBuilder.DropIndex(
                name: "ix_employers_added_by_lot_id",
                table: "employers");

            migrationBuilder.DropIndex(
                name: "ix_employers_postcode",
                table: "employers");

            migrationBuilder.DropColumn(
                name: "rag_amber_from_percent",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "rag_green_from_percent",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "added_by_id",
                table: "employers");

            migrationBuilder.DropColumn(
                name: "added_by_lot_id",
                table: "employers");

            migrationBuilder.DropColumn(
                name: "address_line1",
                table: "employers");

            migrationBuilder.DropColumn(
                name: "address_line2",
                table: "employers");

            migrationBuilder.DropColumn(
                name: "companies_house_number",
                table: "employers");

            migrationBuilder.DropColumn(
                name: "sic_section",
                table: "employers");

            migrationBuilder.DropColumn(
                name: "size_band",
                table: "employers");

            migrationBuilder.DropColumn(
                name: "town",
                table: "employers");
        }
    }
}
