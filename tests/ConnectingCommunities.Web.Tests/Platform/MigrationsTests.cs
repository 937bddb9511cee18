using ConnectingCommunities.Data;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Platform;

/// <summary>Fails when the model changed without a migration for either database.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused;Username=unused")]
    public void Each_provider_has_migrations_up_to_date_with_the_model(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CcDbContext>();
        DatabaseServices.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        using var db = new CcDbContext(builder.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are out of date: add a migration (see docs/ARCHITECTURE.md).");
    }
}
