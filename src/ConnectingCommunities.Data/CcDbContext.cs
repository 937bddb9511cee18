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

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

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
        });
        builder.Entity<AppUser>(e => e.Property(u => u.DisplayName).HasMaxLength(200));

        SnakeCaseNames.Apply(builder);
    }
}
