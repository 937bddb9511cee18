using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Auditing;
using ConnectingCommunities.Web.Features;
using ConnectingCommunities.Web.Features.HelpRequests;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;

namespace ConnectingCommunities.Web;

/// <summary>Builds the web application: services, pipeline, endpoints and the database on start.</summary>
public static class WebApp
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>Sending the public "Get help finding work" form: a few a minute per client address.</summary>
    public const string HelpRequestRateLimit = "help-request";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name decides where Razor Pages are discovered: always this assembly, even
        // when a test or tool is the entry point.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        services.AddSingleton(security);
        services.AddSingleton(demo);

        services.AddCcDatabase(database);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<DatabaseInitialiser>();
        services.AddHostedService<DatabaseStartup>();

        var keysFolder = configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder ? folder : Path.Combine("data", "keys");
        services.AddDataProtection()
            .SetApplicationName("ConnectingCommunities")
            .PersistKeysToFileSystem(new DirectoryInfo(keysFolder));

        services.AddCcIdentity(security);
        services.AddAuthorization(Policies.Add);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(HelpRequestRateLimit, new HelpRequestRateLimitPolicy(security.HelpRequestsPerMinute));
        });

        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsSetup.Customise);
        services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", options => OpenApiSetup.Configure(options));

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AuthorizeFolder("/", Policies.SignedIn);
            options.Conventions.AuthorizeFolder("/SetUp", Policies.SetUp);
            options.Conventions.AllowAnonymousToFolder("/About");
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Account/SignInTwoFactor");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            options.Conventions.AddFeatureRoutes();
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddFeatureHandlers();
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Codes read as the API contracts write them ("HardestToHelp", "FaceToFace"); input in any case.
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new PoundsAndPenceJsonConverter());
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Unreadable request bodies are the client's mistake, answered with field errors: not server faults to log.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Formatting.EnGb),
            SupportedCultures = [Formatting.EnGb],
            SupportedUICultures = [Formatting.EnGb],
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(ProblemDetailsSetup.WriteStatusProblem));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<BearerTokenRevocationMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<TwoFactorRequirementMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealth();
        app.MapRazorPages();
        app.MapApi();
    }
}
