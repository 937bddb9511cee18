using ConnectingCommunities.Data;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>
/// Migrates and seeds the database before the server takes its first request: StartingAsync runs
/// ahead of every hosted service's StartAsync, including the web server's.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, DatabaseOptions database, DemoOptions demo, IConfiguration configuration) : IHostedLifecycleService
{
    /// <summary>The size of the demo caseload unless Demo:Participants says otherwise: about the documents' 4,000.</summary>
    public const int DefaultDemoParticipants = 4_000;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var demoEnabled = demo.Enabled ?? database.Provider == DatabaseProvider.Sqlite;
        var demoParticipants = configuration.GetValue<int?>("Demo:Participants") ?? DefaultDemoParticipants;
        using var scope = services.CreateScope();
        var initialiser = scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>();
        var signIn = await initialiser.InitialiseAsync(demoEnabled, demo.Password, demoParticipants, cancellationToken);
        if (signIn is not null)
        {
            PrintDemoSignIn(signIn);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void PrintDemoSignIn(DemoSignIn signIn)
    {
        var password = signIn.Password is { Length: > 0 } known
            ? known
            : "(printed when the demo users were first created; set Demo:Password to choose one)";
        Console.WriteLine($"""

            Connecting Communities demo sign-in
              commissioner@demo.test, evaluator@demo.test,
              manager.<lot>@demo.test and advisor.<lot>@demo.test for lots bl bb cn wh se cw bw ch gl
              password: {password}

            """);
    }
}
