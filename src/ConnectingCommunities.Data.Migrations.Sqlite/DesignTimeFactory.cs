using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ConnectingCommunities.Data.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CcDbContext>
{
    public CcDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CcDbContext>();
        DatabaseServices.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=design-time.db",
        });
        return new CcDbContext(builder.Options);
    }
}
