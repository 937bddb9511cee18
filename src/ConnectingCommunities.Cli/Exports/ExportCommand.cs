using System.CommandLine;
using System.Globalization;
using System.Security.Claims;
using ConnectingCommunities.Cli.Database;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web;
using ConnectingCommunities.Web.Features.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Cli.Exports;

/// <summary>
/// <c>cc export --table participants --format xlsx --out F [--lot WH]</c>: writes one of the web app's
/// downloadable lists to a file with the web app's own services and column definitions
/// (<see cref="ExportCatalogue"/>). It runs as an operator with programme-wide scope (every lot, as a
/// commissioner sees them): whoever can run it can already read the database. Each run is logged in the
/// audit log like a download.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var database = new DatabaseArguments();
        var table = new Option<string?>("--table")
        {
            Description = "The list to export (required): " + string.Join(", ", ExportCatalogue.Tables.Select(t => t.Name)) + ".",
        };
        var format = new Option<string?>("--format")
        {
            Description = "csv (RFC 4180, UTF-8 with a byte order mark) or xlsx; by default the --out file's extension.",
        };
        var output = new Option<string?>("--out")
        {
            Description = "The file to write (required); replaced if it exists.",
        };
        var lot = new Option<string?>("--lot")
        {
            Description = "Only this lot's rows, by code (e.g. WH). Without it: every lot.",
        };
        var filters = new Option<string[]>("--filter")
        {
            Description = "Any other filter of the list, as on its page and in the API: name=value, repeatable (e.g. --filter status=Open).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command(
            "export",
            "Export a list (participants, interventions, job starts, sustainment checks due, claims, payments, vacancies, employers, set-up lists, audit history...) as CSV or XLSX. "
            + "Runs as an operator with programme-wide scope: every lot's rows unless --lot is given. Text that a spreadsheet would run as a "
            + "formula is neutralised as in the web app's downloads; the export is logged in the audit log.");
        command.Options.Add(table);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(lot);
        command.Options.Add(filters);
        database.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return CliErrors.RunAsync("export", configuration.Error, async () =>
            {
                var tableName = parseResult.GetValue(table)
                    ?? throw new CliInputException($"--table is required: one of {string.Join(", ", ExportCatalogue.Tables.Select(t => t.Name))}.");
                var path = parseResult.GetValue(output) ?? throw new CliInputException("--out is required: the file to write, e.g. --out participants.xlsx.");
                var formatText = parseResult.GetValue(format) ?? Path.GetExtension(path).TrimStart('.');
                var query = new List<KeyValuePair<string, string?>>();
                if (parseResult.GetValue(lot) is { } lotCode)
                {
                    query.Add(new("lotCode", lotCode));
                }

                foreach (var filter in parseResult.GetValue(filters) ?? [])
                {
                    var equals = filter.IndexOf('=', StringComparison.Ordinal);
                    if (equals < 1)
                    {
                        throw new CliInputException($"--filter must be name=value, not '{filter}'.");
                    }

                    query.Add(new(filter[..equals].Trim(), filter[(equals + 1)..]));
                }

                var rows = await RunAsync(database.Resolve(parseResult), tableName, formatText, new ExportQuery(query), path, cancellationToken);
                await configuration.Output.WriteLineAsync(string.Create(
                    CultureInfo.GetCultureInfo("en-GB"), $"Wrote {rows:N0} {(rows == 1 ? "row" : "rows")} of {tableName} to {Path.GetFullPath(path)}."));
            });
        });
        return command;
    }

    /// <summary>Writes the export to <paramref name="path"/> and returns how many rows it holds.</summary>
    public static async Task<int> RunAsync(
        DatabaseOptions options, string table, string format, ExportQuery query, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var app = WebApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = options.Provider.ToString(),
            [$"{DatabaseOptions.Section}:ConnectionString"] = options.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        }));
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (!await services.GetRequiredService<CcDbContext>().Database.CanConnectAsync(cancellationToken))
        {
            throw new CliInputException($"Cannot open the {CliErrors.Describe(options)}: check --connection, then run 'cc migrate'.");
        }

        // The web app's services read the caller from the HTTP context: here an operator who sees every lot.
        var operatorUser = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, ExportCommandUser.Name), new Claim(ClaimTypes.Role, Roles.Commissioner)], authenticationType: "cc"));
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = services, User = operatorUser };

        var service = services.GetRequiredService<ExportService>();
        var (export, refusal, errors) = await service.PrepareAsync(table, format, query, operatorUser, cancellationToken);
        switch (refusal)
        {
            case ExportRefusal.UnknownTable:
                throw new CliInputException($"--table must be one of {string.Join(", ", ExportCatalogue.Tables.Select(t => t.Name))}, not '{table}'.");
            case ExportRefusal.Invalid:
                throw new CliInputException(string.Join(" ", errors!.Select(e => $"{(e.Key == "format" ? "--format" : e.Key)}: {e.Value}.")));
            case ExportRefusal.Forbidden:
                throw new CliInputException($"The operator may not export {table}.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
        return await service.WriteAsync(export!, file, cancellationToken);
    }
}
