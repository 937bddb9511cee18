using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>
/// At start-up, imports that a stopped app left half-done are marked Failed, so that none stays "being checked" or
/// "being applied" for ever. Checking and applying run in this process (<see cref="ImportWorker"/>, or the request),
/// so when the app starts nothing of an earlier run is still going: a check in progress was lost with the in-memory
/// queue, and an apply in progress was rolled back by the database with its transaction, so nothing of it was written.
/// This assumes one instance of the app runs imports, as the in-memory queue already does.
/// </summary>
public sealed class ImportStartupSweep(IServiceScopeFactory scopes, ILogger<ImportStartupSweep> logger) : IHostedService
{
    public const string StoppedChecking =
        "Checking this file stopped because the platform restarted before it finished. Nothing was changed: upload the file again to check it.";

    public const string StoppedApplying =
        "Applying this file stopped because the platform restarted before it finished, so nothing was changed: the whole import was rolled back. "
        + "Upload the file again to check and apply it.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SweepAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database not reachable yet must not stop the app from starting: the next start sweeps again.
            logger.LogError(e, "Imports left unfinished by an earlier run could not be marked failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Marks the imports left checking or applying as failed; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return 0;
        }

        var stuck = await db.Imports
            .Where(i => i.Status == ImportStatus.Validating || (i.Status == ImportStatus.Validated && i.AppliedById != null))
            .ToListAsync(cancellationToken);
        foreach (var import in stuck)
        {
            import.FailureMessage = import.Status == ImportStatus.Validating ? StoppedChecking : StoppedApplying;
            import.Status = ImportStatus.Failed;
            import.AppliedById = null;
            logger.LogWarning("Import {ImportId} ({FileName}) was left unfinished by an earlier run and is marked failed", import.Id, import.FileName);
        }

        if (stuck.Count > 0)
        {
            var audit = scope.ServiceProvider.GetRequiredService<Data.Auditing.IAuditActor>();
            audit.Reason = "Left unfinished when the platform stopped";
            await db.SaveChangesAsync(cancellationToken);
        }

        return stuck.Count;
    }
}
