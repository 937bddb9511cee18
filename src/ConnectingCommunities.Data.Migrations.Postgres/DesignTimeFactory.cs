using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ConnectingCommunities.Data.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CcDbContext>
{
    public CcDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CcDbContext>();
        DatabaseServices.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=localhost;Database=design_time;Username=postgres",
        });
        return new CcDbContext(builder.Options);
    }
}
