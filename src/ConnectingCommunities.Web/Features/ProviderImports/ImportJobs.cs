using System.Security.Claims;
using System.Threading.Channels;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>A validation or an apply to run in the background, as the user who asked for it.</summary>
public sealed record ImportJob(Guid ImportId, bool Apply, bool ValidRowsOnly, ClaimsPrincipal User);

/// <summary>Large files are validated and applied here, so that the upload answers at once and the page shows progress.</summary>
public sealed class ImportJobs
{
    private readonly Channel<ImportJob> jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(ImportJob job)
    {
        if (!jobs.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The import queue is closed.");
        }
    }

    public IAsyncEnumerable<ImportJob> ReadAllAsync(CancellationToken cancellationToken) => jobs.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Runs queued imports one at a time, each in its own scope with the requesting user's identity (for checks and the audit trail).</summary>
public sealed class ImportWorker(ImportJobs queue, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(job, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Import {ImportId} stopped with an error", job.ImportId);
            }
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        ImportIdentity.ActAs(scope.ServiceProvider, job.User);
        var processor = scope.ServiceProvider.GetRequiredService<ImportProcessor>();
        if (job.Apply)
        {
            await processor.ApplyAsync(job.ImportId, job.ValidRowsOnly, cancellationToken);
        }
        else
        {
            await processor.ValidateAsync(job.ImportId, cancellationToken);
        }
    }
}

/// <summary>Work done outside a request (the queue, the command line) runs as a user, so that lot scoping and the audit trail hold.</summary>
public static class ImportIdentity
{
    public static void ActAs(IServiceProvider services, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(services);
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = user, RequestServices = services };
    }
}
