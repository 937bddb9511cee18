using ConnectingCommunities.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConnectingCommunities.Data;

public sealed class CcDbContext(DbContextOptions<CcDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<ProgrammeRecord> Programmes => Set<ProgrammeRecord>();
    public DbSet<LotGroup> LotGroups => Set<LotGroup>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<LotPostcode> LotPostcodes => Set<LotPostcode>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<ContractVariation> ContractVariations => Set<ContractVariation>();
    public DbSet<Tariff> Tariffs => Set<Tariff>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<UserLot> UserLots => Set<UserLot>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<ParticipantBarrier> ParticipantBarriers => Set<ParticipantBarrier>();
    public DbSet<BarrierReview> BarrierReviews => Set<BarrierReview>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<Intervention> Interventions => Set<Intervention>();
    public DbSet<ParticipantMilestone> ParticipantMilestones => Set<ParticipantMilestone>();
    public DbSet<ParticipantTransfer> ParticipantTransfers => Set<ParticipantTransfer>();
    public DbSet<HelpRequest> HelpRequests => Set<HelpRequest>();
    public DbSet<Employer> Employers => Set<Employer>();
    public DbSet<JobStart> JobStarts => Set<JobStart>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<SustainmentCheck> SustainmentChecks => Set<SustainmentCheck>();
    public DbSet<ProgressionRecord> ProgressionRecords => Set<ProgressionRecord>();
    public DbSet<OutcomeClaim> Claims => Set<OutcomeClaim>();
    public DbSet<ClaimLine> ClaimLines => Set<ClaimLine>();
    public DbSet<PaymentRun> PaymentRuns => Set<PaymentRun>();
    public DbSet<PaymentRunLine> PaymentRunLines => Set<PaymentRunLine>();
    public DbSet<EmployerRelationship> EmployerRelationships => Set<EmployerRelationship>();
    public DbSet<EmployerContact> EmployerContacts => Set<EmployerContact>();
    public DbSet<EmployerActivity> EmployerActivities => Set<EmployerActivity>();
    public DbSet<JobGoals> JobGoals => Set<JobGoals>();
    public DbSet<Vacancy> Vacancies => Set<Vacancy>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralEvent> ReferralEvents => Set<ReferralEvent>();
    public DbSet<MatchReview> MatchReviews => Set<MatchReview>();
    public DbSet<PostcodeLocation> PostcodeLocations => Set<PostcodeLocation>();
    public DbSet<DataImport> Imports => Set<DataImport>();
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();
    public DbSet<ExternalRecord> ExternalRecords => Set<ExternalRecord>();
    public DbSet<ErasureRecord> Erasures => Set<ErasureRecord>();
    public DbSet<RetentionReview> RetentionReviews => Set<RetentionReview>();
    public DbSet<PlatformSecret> PlatformSecrets => Set<PlatformSecret>();
    public DbSet<IndicatorAssessment> IndicatorAssessments => Set<IndicatorAssessment>();
    public DbSet<PerformanceCount> PerformanceCounts => Set<PerformanceCount>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // However the context is built (app, command line, tests), the performance counts follow every save.
        optionsBuilder.AddInterceptors(Performance.PerformanceCountsInterceptor.Instance);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        if (IsSqlite)
        {
            // SQLite cannot order or compare DateTimeOffset stored as text; UTC ticks sort correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<ProgrammeRecord>(e =>
        {
            e.ToTable("programmes");
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasMany(p => p.Groups).WithOne().HasForeignKey(g => g.ProgrammeId);
            e.HasMany(p => p.Lots).WithOne(l => l.Programme).HasForeignKey(l => l.ProgrammeId);
        });
        builder.Entity<LotGroup>(e =>
        {
            e.ToTable("lot_groups");
            e.Property(g => g.Name).HasMaxLength(200);
            e.Property(g => g.Description).HasMaxLength(2000);
        });
        builder.Entity<Lot>(e =>
        {
            e.ToTable("lots");
            e.HasIndex(l => l.Code).IsUnique();
            e.Property(l => l.Code).HasMaxLength(4);
            e.Property(l => l.Name).HasMaxLength(200);
            e.Property(l => l.LocalAuthority).HasMaxLength(200);
            e.Property(l => l.LeadOrganisationType).HasMaxLength(200);
            e.Property(l => l.Version).IsConcurrencyToken();
            e.HasOne(l => l.Group).WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(l => l.Contracts).WithOne(c => c.Lot).HasForeignKey(c => c.LotId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<LotPostcode>(e =>
        {
            e.ToTable("lot_postcodes");
            e.Property(p => p.Postcode).HasMaxLength(8);
            e.Property(p => p.District).HasMaxLength(4);
            // A postcode belongs to one neighbourhood at most, so residence decides the lot.
            e.HasIndex(p => p.Postcode).IsUnique();
            e.HasIndex(p => new { p.LotId, p.Postcode });
            e.HasOne<Lot>().WithMany().HasForeignKey(p => p.LotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Provider>(e =>
        {
            e.ToTable("providers");
            e.Property(p => p.Name).HasMaxLength(200);
            e.HasIndex(p => p.Name).IsUnique();
            e.Property(p => p.OrganisationType).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<Contract>(e =>
        {
            e.ToTable("contracts");
            e.Property(c => c.Reference).HasMaxLength(40);
            e.HasIndex(c => c.Reference).IsUnique();
            e.Property(c => c.Notes).HasMaxLength(2000);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Ignore(c => c.Period);
            e.HasOne(c => c.Provider).WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Variations).WithOne().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(c => new { c.LotId, c.StartDate });
        });
        builder.Entity<ContractVariation>(e =>
        {
            e.ToTable("contract_variations");
            e.Property(v => v.Title).HasMaxLength(200);
            e.Property(v => v.Description).HasMaxLength(2000);
        });
        builder.Entity<Tariff>(e =>
        {
            e.ToTable("tariffs");
            e.HasIndex(t => new { t.ProgrammeId, t.Milestone, t.Cohort, t.EffectiveFrom }).IsUnique();
            e.Property(t => t.Reason).HasMaxLength(500);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasOne<ProgrammeRecord>().WithMany().HasForeignKey(t => t.ProgrammeId);
        });
        builder.Entity<Target>(e =>
        {
            e.ToTable("targets");
            e.HasIndex(t => new { t.LotId, t.Milestone, t.QuarterStart, t.EffectiveFrom }).IsUnique();
            e.Property(t => t.Reason).HasMaxLength(500);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Ignore(t => t.Quarter);
            e.HasOne(t => t.Lot).WithMany().HasForeignKey(t => t.LotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserLot>(e =>
        {
            e.ToTable("user_lots");
            e.HasKey(u => new { u.UserId, u.LotId });
            e.HasOne<AppUser>().WithMany(u => u.Lots).HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(u => u.Lot).WithMany().HasForeignKey(u => u.LotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Summary).HasMaxLength(1000);
            e.HasIndex(a => a.OccurredAt);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.ParticipantId);
        });
        builder.Entity<AppUser>(e => e.Property(u => u.DisplayName).HasMaxLength(200));
        ConfigureParticipants(builder);
        ConfigureOutcomes(builder);
        ConfigureBrokerage(builder);
        ConfigureDataExchange(builder);

        SnakeCaseNames.Apply(builder);
    }

    private void ConfigureParticipants(ModelBuilder builder)
    {
        builder.Entity<Participant>(e =>
        {
            e.ToTable("participants");
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Property(p => p.Reference).HasMaxLength(20);
            e.HasIndex(p => p.Reference).IsUnique();
            e.HasIndex(p => new { p.LotId, p.Number }).IsUnique();

            // One person, one record: the database refuses a second use of a NINO even under a race.
            e.HasIndex(p => p.Nino).IsUnique();
            e.Property(p => p.Nino).HasMaxLength(9);
            foreach (var name in new[] { nameof(Participant.FirstName), nameof(Participant.LastName), nameof(Participant.SearchFirstName), nameof(Participant.SearchLastName) })
            {
                e.Property(name).HasMaxLength(100);
            }

            var lastName = e.HasIndex(p => new { p.SearchLastName, p.SearchFirstName });
            var firstName = e.HasIndex(p => p.SearchFirstName);
            var postcode = e.HasIndex(p => p.Postcode);
            if (!IsSqlite)
            {
                // Prefix search (LIKE 'abc%') uses a btree index only with pattern operators outside the C collation.
                lastName.HasOperators("text_pattern_ops", "text_pattern_ops");
                firstName.HasOperators("text_pattern_ops");
                postcode.HasOperators("text_pattern_ops");
            }

            e.HasIndex(p => p.DateOfBirth);
            e.HasIndex(p => new { p.LotId, p.RegisteredOn });
            e.HasIndex(p => new { p.AdvisorId, p.Status });
            e.Property(p => p.Email).HasMaxLength(254);
            e.Property(p => p.Phone).HasMaxLength(30);
            e.Property(p => p.AddressLine1).HasMaxLength(200);
            e.Property(p => p.AddressLine2).HasMaxLength(200);
            e.Property(p => p.Town).HasMaxLength(100);
            e.Property(p => p.Postcode).HasMaxLength(8);
            foreach (var name in new[]
                     {
                         nameof(Participant.Sex), nameof(Participant.GenderIdentity), nameof(Participant.Ethnicity),
                         nameof(Participant.LongTermCondition), nameof(Participant.ActivityLimitation),
                         nameof(Participant.HighestQualification), nameof(Participant.EmploymentContractType),
                         nameof(Participant.RecruitmentChannel), nameof(Participant.LeavingReason),
                     })
            {
                e.Property(name).HasMaxLength(40);
            }

            e.Property(p => p.WeeklyHours).HasPrecision(5, 2);
            e.Property(p => p.Referrer).HasMaxLength(200);
            e.Property(p => p.EligibilityOverrideReason).HasMaxLength(1000);
            e.Property(p => p.DuplicateCheckReason).HasMaxLength(1000);
            e.Property(p => p.LeavingNotes).HasMaxLength(1000);
            e.HasOne(p => p.Lot).WithMany().HasForeignKey(p => p.LotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Contract).WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Advisor).WithMany().HasForeignKey(p => p.AdvisorId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<HelpRequest>().WithMany().HasForeignKey(p => p.HelpRequestId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<ParticipantBarrier>(e =>
        {
            e.ToTable("participant_barriers");
            e.Property(b => b.Version).IsConcurrencyToken();
            e.Property(b => b.Barrier).HasMaxLength(40);
            e.Property(b => b.Notes).HasMaxLength(2000);
            e.HasIndex(b => new { b.ParticipantId, b.Barrier }).IsUnique();
            e.HasIndex(b => new { b.Barrier, b.ParticipantId });
            e.HasOne<Participant>().WithMany().HasForeignKey(b => b.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(b => b.Reviews).WithOne().HasForeignKey(r => r.ParticipantBarrierId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BarrierReview>(e =>
        {
            e.ToTable("barrier_reviews");
            e.Property(r => r.Notes).HasMaxLength(2000);
            e.HasIndex(r => r.ParticipantId);
        });
        builder.Entity<Goal>(e =>
        {
            e.ToTable("goals");
            e.Property(g => g.Version).IsConcurrencyToken();
            e.Property(g => g.Description).HasMaxLength(1000);
            e.HasIndex(g => g.ParticipantId);
            e.HasOne<Participant>().WithMany().HasForeignKey(g => g.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PlanAction>(e =>
        {
            e.ToTable("plan_actions");
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.Details).HasMaxLength(2000);
            e.Property(a => a.NotDoneReason).HasMaxLength(1000);
            e.HasIndex(a => new { a.ParticipantId, a.Status, a.DueOn });
            e.HasIndex(a => new { a.Status, a.DueOn });
            e.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Goal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<Intervention>(e =>
        {
            e.ToTable("interventions");
            e.Property(i => i.AdvisorName).HasMaxLength(200);
            e.Property(i => i.Notes).HasMaxLength(4000);
            e.HasIndex(i => new { i.ParticipantId, i.Date });
            e.HasOne<Participant>().WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(i => i.AdvisorId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<ParticipantMilestone>(e =>
        {
            e.ToTable("participant_milestones");
            e.HasIndex(m => new { m.ParticipantId, m.Milestone }).IsUnique();
            e.HasIndex(m => new { m.Milestone, m.AchievedOn });
            e.HasOne<Participant>().WithMany().HasForeignKey(m => m.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ParticipantTransfer>(e =>
        {
            e.ToTable("participant_transfers");
            e.Property(t => t.Reason).HasMaxLength(1000);
            e.HasIndex(t => t.ParticipantId);
            e.HasOne<Participant>().WithMany().HasForeignKey(t => t.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<HelpRequest>(e =>
        {
            e.ToTable("help_requests");
            e.Property(h => h.Version).IsConcurrencyToken();
            e.Property(h => h.Reference).HasMaxLength(20);
            e.HasIndex(h => h.Reference).IsUnique();
            e.HasIndex(h => new { h.LotId, h.Status, h.ReceivedAt });
            e.Property(h => h.FirstName).HasMaxLength(100);
            e.Property(h => h.LastName).HasMaxLength(100);
            e.Property(h => h.Email).HasMaxLength(254);
            e.Property(h => h.Phone).HasMaxLength(30);
            e.Property(h => h.Postcode).HasMaxLength(8);
            e.Property(h => h.PreferredContact).HasMaxLength(40);
            e.Property(h => h.Message).HasMaxLength(2000);
            e.Property(h => h.Outcome).HasMaxLength(1000);
            e.HasOne<Lot>().WithMany().HasForeignKey(h => h.LotId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureOutcomes(ModelBuilder builder)
    {
        builder.Entity<Employer>(e =>
        {
            e.ToTable("employers");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.NormalisedName).HasMaxLength(200);
            // One employer, one record: the database refuses a second one of the same name even under a race.
            e.HasIndex(x => x.NormalisedName).IsUnique();
            e.Property(x => x.Postcode).HasMaxLength(8);
            e.HasIndex(x => x.Postcode);
            e.Property(x => x.CompaniesHouseNumber).HasMaxLength(8);
            e.Property(x => x.SicSection).HasMaxLength(1);
            e.Property(x => x.SizeBand).HasMaxLength(20);
            e.Property(x => x.AddressLine1).HasMaxLength(200);
            e.Property(x => x.AddressLine2).HasMaxLength(200);
            e.Property(x => x.Town).HasMaxLength(100);
            e.HasOne<Lot>().WithMany().HasForeignKey(x => x.AddedByLotId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AddedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<JobStart>(e =>
        {
            e.ToTable("job_starts");
            e.Property(j => j.Version).IsConcurrencyToken();
            e.Property(j => j.JobTitle).HasMaxLength(200);
            e.Property(j => j.EndReason).HasMaxLength(1000);
            e.Property(j => j.SocCode).HasMaxLength(4);
            e.Property(j => j.WeeklyHours).HasPrecision(5, 2);
            e.Property(j => j.HourlyWage).HasPrecision(9, 2);
            e.HasIndex(j => new { j.ParticipantId, j.StartDate });
            e.HasIndex(j => j.StartDate);
            e.HasOne<Participant>().WithMany().HasForeignKey(j => j.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(j => j.Employer).WithMany().HasForeignKey(j => j.EmployerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(j => j.RecordedById).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(j => j.Evidence).WithOne().HasForeignKey(f => f.JobStartId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EvidenceFile>(e =>
        {
            e.ToTable("evidence_files");
            e.Property(f => f.OriginalFileName).HasMaxLength(255);
            e.Property(f => f.StoredFileName).HasMaxLength(100);
            e.HasIndex(f => f.StoredFileName).IsUnique();
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.HasIndex(f => f.ParticipantId);
            e.HasIndex(f => f.JobStartId);
            e.HasIndex(f => f.SustainmentCheckId);
            e.HasIndex(f => f.ProgressionRecordId);
            e.HasOne<Participant>().WithMany().HasForeignKey(f => f.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<SustainmentCheck>(e =>
        {
            e.ToTable("sustainment_checks");
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.Notes).HasMaxLength(2000);
            // One check per milestone of a run: recording it twice (a double click) is refused by the database.
            e.HasIndex(c => new { c.ParticipantId, c.Milestone, c.RunStart }).IsUnique();
            e.HasIndex(c => c.DueOn);
            e.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<JobStart>().WithMany().HasForeignKey(c => c.JobStartId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(c => c.Evidence).WithOne().HasForeignKey(f => f.SustainmentCheckId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ProgressionRecord>(e =>
        {
            e.ToTable("progression_records");
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Property(p => p.JobTitle).HasMaxLength(200);
            e.Property(p => p.LateralMoveReason).HasMaxLength(2000);
            e.Property(p => p.WeeklyHours).HasPrecision(5, 2);
            e.Property(p => p.HourlyWage).HasPrecision(9, 2);
            e.Property(p => p.BaselineWeeklyHours).HasPrecision(5, 2);
            e.Property(p => p.BaselineHourlyWage).HasPrecision(9, 2);
            e.Property(p => p.EarningsChange).HasPrecision(12, 6);
            e.Property(p => p.Grounds).HasMaxLength(200);
            e.HasIndex(p => new { p.ParticipantId, p.ChangedOn });
            e.HasOne<Participant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<JobStart>().WithMany().HasForeignKey(p => p.JobStartId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.RecordedById).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(p => p.Evidence).WithOne().HasForeignKey(f => f.ProgressionRecordId).OnDelete(DeleteBehavior.Cascade);
        });
        ConfigureClaims(builder);
    }

    private static void ConfigureBrokerage(ModelBuilder builder)
    {
        builder.Entity<EmployerRelationship>(e =>
        {
            e.ToTable("employer_relationships");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.EngagementMethod).HasMaxLength(40);
            e.Property(x => x.Notes).HasMaxLength(4000);
            // One relationship per lot and employer: the lot's notes and history hang from it.
            e.HasIndex(x => new { x.EmployerId, x.LotId }).IsUnique();
            e.HasIndex(x => x.LotId);
            e.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<EmployerContact>(e =>
        {
            e.ToTable("employer_contacts");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.JobTitle).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Phone).HasMaxLength(30);
            e.HasIndex(x => new { x.EmployerId, x.LotId });
            e.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<EmployerActivity>(e =>
        {
            e.ToTable("employer_activities");
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.HasIndex(x => new { x.EmployerId, x.LotId, x.OccurredOn });
            e.HasIndex(x => new { x.LotId, x.OccurredOn });
            e.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<JobGoals>(e =>
        {
            e.ToTable("job_goals");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ParticipantId).IsUnique();
            e.Property(x => x.MinWeeklyHours).HasPrecision(5, 2);
            e.Property(x => x.MaxWeeklyHours).HasPrecision(5, 2);
            e.Property(x => x.MaxTravelMiles).HasPrecision(6, 1);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<Vacancy>(e =>
        {
            e.ToTable("vacancies");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.SocCode).HasMaxLength(4);
            e.Property(x => x.Postcode).HasMaxLength(8);
            e.Property(x => x.ShiftPattern).HasMaxLength(40);
            e.Property(x => x.WeeklyHours).HasPrecision(5, 2);
            e.Property(x => x.HourlyWage).HasPrecision(9, 2);
            e.Property(x => x.MinimumQualification).HasMaxLength(40);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.HasIndex(x => new { x.Status, x.ClosingOn });
            e.HasIndex(x => x.EmployerId);
            e.HasIndex(x => x.FoundByLotId);
            e.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Lot>().WithMany().HasForeignKey(x => x.FoundByLotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<Referral>(e =>
        {
            e.ToTable("referrals");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Reason).HasMaxLength(1000);
            // A participant is put forward for a vacancy once; a second referral finds the first.
            e.HasIndex(x => new { x.VacancyId, x.ParticipantId }).IsUnique();
            e.HasIndex(x => x.ParticipantId);
            e.HasIndex(x => new { x.LotId, x.Status });
            e.HasOne(x => x.Vacancy).WithMany().HasForeignKey(x => x.VacancyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<JobStart>().WithMany().HasForeignKey(x => x.JobStartId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Intervention>().WithMany().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReferredById).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Events).WithOne().HasForeignKey(v => v.ReferralId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ReferralEvent>(e =>
        {
            e.ToTable("referral_events");
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.HasIndex(x => x.ReferralId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<MatchReview>(e =>
        {
            e.ToTable("match_reviews");
            e.HasIndex(x => new { x.ParticipantId, x.ReviewedOn });
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PlanAction>().WithMany().HasForeignKey(x => x.PlanActionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReviewedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<PostcodeLocation>(e =>
        {
            e.ToTable("postcode_locations");
            e.HasKey(x => x.Postcode);
            e.Property(x => x.Postcode).HasMaxLength(8);
        });
    }

    private static void ConfigureDataExchange(ModelBuilder builder)
    {
        builder.Entity<DataImport>(e =>
        {
            e.ToTable("imports");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.StoredFileName).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Warnings).HasMaxLength(8000);
            e.Property(x => x.FailureMessage).HasMaxLength(4000);
            e.HasIndex(x => new { x.LotId, x.UploadedAt });
            e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AppliedById).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Errors).WithOne().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ImportRowError>(e =>
        {
            e.ToTable("import_row_errors");
            e.Property(x => x.Column).HasMaxLength(100);
            e.Property(x => x.Value).HasMaxLength(500);
            e.Property(x => x.Message).HasMaxLength(1000);
            e.HasIndex(x => new { x.ImportId, x.Row });
        });
        builder.Entity<ExternalRecord>(e =>
        {
            e.ToTable("external_records");
            e.Property(x => x.ExternalId).HasMaxLength(100);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            // The provider's identifier names one record of its lot: a re-upload updates, never duplicates.
            e.HasIndex(x => new { x.LotId, x.Type, x.ExternalId }).IsUnique();
            e.HasIndex(x => x.EntityId);
            e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<DataImport>().WithMany().HasForeignKey(x => x.LastImportId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<ErasureRecord>(e =>
        {
            e.ToTable("erasures");
            e.Property(x => x.Reference).HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.Erased).HasMaxLength(4000);
            e.Property(x => x.Kept).HasMaxLength(8000);
            e.HasIndex(x => x.ParticipantId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ErasedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<RetentionReview>(e =>
        {
            e.ToTable("retention_reviews");
            e.HasIndex(x => x.RunAt);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ConfirmedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<PerformanceCount>(e =>
        {
            e.ToTable("performance_counts");
            e.HasIndex(c => new { c.LotId, c.Milestone, c.AchievedMonth });
            e.HasIndex(c => new { c.LotId, c.RegisteredMonth });
        });
        builder.Entity<PlatformSecret>(e =>
        {
            e.ToTable("platform_secrets");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Value).HasMaxLength(2000);
        });
        builder.Entity<IndicatorAssessment>(e =>
        {
            e.ToTable("indicator_assessments");
            e.Property(x => x.Version).IsConcurrencyToken();
            // One baseline and one follow-up per participant: the change score pairs them.
            e.HasIndex(x => new { x.ParticipantId, x.Point }).IsUnique();
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.SetNull);
        });
    }

    private static void ConfigureClaims(ModelBuilder builder)
    {
        builder.Entity<OutcomeClaim>(e =>
        {
            e.ToTable("claims");
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.Reference).HasMaxLength(40);
            e.HasIndex(c => c.Reference).IsUnique();
            e.Property(c => c.Period).HasMaxLength(7);
            e.Property(c => c.AuditSeed).HasMaxLength(64);
            e.HasIndex(c => new { c.LotId, c.Period });
            // One draft per lot and period: a second "create" (double click, retry) finds the first.
            e.HasIndex(c => new { c.LotId, c.Period }, "ix_claims_one_draft_per_lot_period").IsUnique()
                .HasFilter("status = 'Draft'");
            e.HasIndex(c => new { c.Status, c.SubmittedAt });
            e.HasOne(c => c.Lot).WithMany().HasForeignKey(c => c.LotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Provider).WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.SubmittedById).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ClaimLine>(e =>
        {
            e.ToTable("claim_lines");
            e.Property(l => l.Version).IsConcurrencyToken();
            e.Property(l => l.ParticipantReference).HasMaxLength(20);
            e.Property(l => l.ReasonCodes).HasMaxLength(400);
            e.Property(l => l.DecisionReason).HasMaxLength(2000);
            e.Property(l => l.RecoveryReason).HasMaxLength(2000);
            e.HasIndex(l => new { l.ClaimId, l.Status });
            e.HasIndex(l => new { l.ParticipantId, l.Milestone });
            // Nobody is paid twice for one milestone: at most one live line per participant and
            // milestone, enforced by the database so that two claims made at once cannot both hold it.
            // Held lines (failed validation), rejected and recovered lines pay nothing and do not count.
            e.HasIndex(l => new { l.ParticipantId, l.Milestone }, "ix_claim_lines_one_live_line_per_milestone").IsUnique()
                .HasFilter("status IN ('Draft', 'Submitted', 'Returned', 'Approved', 'Paid')");
            e.HasIndex(l => new { l.ProviderId, l.Status });
            e.HasOne<Participant>().WithMany().HasForeignKey(l => l.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Contract>().WithMany().HasForeignKey(l => l.ContractId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Provider>().WithMany().HasForeignKey(l => l.ProviderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(l => l.DecidedById).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(l => l.RecoveryRequestedById).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<PaymentRun>(e =>
        {
            e.ToTable("payment_runs");
            e.Property(r => r.Reference).HasMaxLength(40);
            e.HasIndex(r => r.Reference).IsUnique();
            e.Property(r => r.Period).HasMaxLength(7);
            e.HasIndex(r => new { r.ProviderId, r.PeriodEnd });
            e.HasOne(r => r.Provider).WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.PaymentRunId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PaymentRunLine>(e =>
        {
            e.ToTable("payment_run_lines");
            // A claim line is paid once and recovered once, whatever runs are made and however often.
            e.HasIndex(l => new { l.ClaimLineId, l.Kind }).IsUnique();
            e.HasIndex(l => new { l.LotId, l.Kind });
            e.HasOne(l => l.ClaimLine).WithMany().HasForeignKey(l => l.ClaimLineId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Lot>().WithMany().HasForeignKey(l => l.LotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Contract>().WithMany().HasForeignKey(l => l.ContractId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
