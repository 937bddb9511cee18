using ConnectingCommunities.Data;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Health;

public sealed record DatabaseHealth(string Provider, string State, int PendingMigrations, string? Error);

public sealed record HealthReport(string Status, DatabaseHealth Database);

/// <summary>GET /health: 200 when the database answers and is up to date, 503 otherwise.</summary>
public static class HealthEndpoint
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", async (CcDbContext db, DatabaseOptions options, CancellationToken ct) =>
            {
                var provider = options.Provider.ToString();
                try
                {
                    var canConnect = await db.Database.CanConnectAsync(ct);
                    var pending = canConnect ? (await db.Database.GetPendingMigrationsAsync(ct)).Count() : 0;
                    var state = !canConnect ? "unreachable" : pending > 0 ? "migrations pending" : "ok";
                    var report = new HealthReport(state == "ok" ? "healthy" : "unhealthy", new DatabaseHealth(provider, state, pending, null));
                    return Results.Json(report, statusCode: state == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
                {
                    return Results.Json(
                        new HealthReport("unhealthy", new DatabaseHealth(provider, "unreachable", 0, ex.GetType().Name)),
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
