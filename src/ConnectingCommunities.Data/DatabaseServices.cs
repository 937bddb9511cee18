using ConnectingCommunities.Data.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Data;

public static class DatabaseServices
{
    public const string SqliteMigrationsAssembly = "ConnectingCommunities.Data.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "ConnectingCommunities.Data.Migrations.Postgres";

    /// <summary>Registers <see cref="CcDbContext"/> on the configured provider with auditing.</summary>
    public static IServiceCollection AddCcDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditingInterceptor>();
        services.AddDbContext<CcDbContext>((provider, builder) =>
        {
            Configure(builder, options);
            builder.AddInterceptors(provider.GetRequiredService<AuditingInterceptor>());
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.EffectiveConnectionString;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            EnsureSqliteFolder(connectionString);
            builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
