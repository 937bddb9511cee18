using System.CommandLine;
using ConnectingCommunities.Cli.Database;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web;
using ConnectingCommunities.Web.Features.ProviderImports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Cli.Imports;

/// <summary>
/// <c>cc import</c>: uploads a management-information file for a lot as one of its provider managers would, prints the
/// preview (new, updated, unchanged, errors) and, with <c>--apply</c>, applies it. It runs the web app's own import
/// services against the database the usual options choose, so the rules are the API's.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Rows with errors stop the file being applied.</summary>
    public const int RowErrorsExitCode = 1;

    private const int ErrorsShown = 100;

    public static Command Create()
    {
        var database = new DatabaseArguments();
        var file = new Option<FileInfo>("--file") { Description = "The CSV or XLSX file.", Required = true };
        var type = new Option<string>("--type") { Description = $"What the file holds: {ImportTypeCodes.Allowed}.", Required = true };
        var lot = new Option<string>("--lot") { Description = "The lot's code, e.g. WH.", Required = true };
        var apply = new Option<bool>("--apply") { Description = "Apply the file when every row is valid (else only the preview is shown)." };
        var validRowsOnly = new Option<bool>("--valid-rows-only") { Description = "With --apply: apply the valid rows even when others have errors." };
        var user = new Option<string?>("--user") { Description = "The provider manager to import as (default: the lot's first active provider manager)." };
        var command = new Command("import", "Import a provider's management-information file (participants, interventions, job starts or sustainment checks) into a lot.");
        command.Options.Add(file);
        command.Options.Add(type);
        command.Options.Add(lot);
        command.Options.Add(apply);
        command.Options.Add(validRowsOnly);
        command.Options.Add(user);
        database.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var exit = 0;
            var code = await CliErrors.RunAsync("import", configuration.Error, async () =>
            {
                var options = database.Resolve(parseResult);
                exit = await RunAsync(
                    options, parseResult.GetValue(file)!, parseResult.GetValue(type)!, parseResult.GetValue(lot)!, parseResult.GetValue(apply),
                    parseResult.GetValue(validRowsOnly), parseResult.GetValue(user), configuration.Output, configuration.Error, cancellationToken);
            });
            return code != 0 ? code : exit;
        });
        return command;
    }

    public static async Task<int> RunAsync(
        DatabaseOptions database, FileInfo file, string type, string lotCode, bool apply, bool validRowsOnly, string? userEmail,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!file.Exists)
        {
            throw new CliInputException($"There is no file {file.FullName}.");
        }

        await using var app = WebApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
        }));
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var manager = await ManagerAsync(services, lotCode, userEmail, cancellationToken);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(manager);
        ImportIdentity.ActAs(services, principal);
        await output.WriteLineAsync($"Importing {file.Name} into lot {lotCode.Trim().ToUpperInvariant()} as {manager.Email}, in the {CliErrors.Describe(database)}.");

        var handler = services.GetRequiredService<ImportHandler>();
        var uploaded = await handler.UploadAsync(lotCode, type, new ImportUpload(file.Name, file.Length, () => file.OpenRead()), inline: true, cancellationToken);
        if (!uploaded.Succeeded)
        {
            foreach (var (field, message) in uploaded.Errors!)
            {
                await error.WriteLineAsync($"cc import: {field}: {message}");
            }

            return CcApp.InputErrorExitCode;
        }

        var view = (await handler.FindAsync(uploaded.Value!.Id, 1, cancellationToken))!;
        await PrintAsync(view, handler, output, cancellationToken);
        if (view.Status == ImportStatus.Failed)
        {
            await error.WriteLineAsync($"cc import: {view.FailureMessage}");
            return CcApp.InputErrorExitCode;
        }

        if (view.RowsInError > 0 && !(apply && validRowsOnly))
        {
            await error.WriteLineAsync($"cc import: {view.RowsInError} rows have errors, so the file {(apply ? "was not applied" : "cannot be applied")}. "
                + "Correct them and import again, or use --apply --valid-rows-only.");
            return RowErrorsExitCode;
        }

        if (!apply)
        {
            await output.WriteLineAsync("Preview only: run again with --apply to apply it.");
            return 0;
        }

        var applied = await handler.ApplyAsync(view.Id, validRowsOnly, inline: true, cancellationToken);
        if (!applied.Succeeded)
        {
            await error.WriteLineAsync($"cc import: not applied: {applied.Detail ?? applied.Errors?.FirstOrDefault().Value}");
            return RowErrorsExitCode;
        }

        await output.WriteLineAsync($"Applied import {view.Id}: {applied.Value!.RowsNew:N0} new, {applied.Value.RowsUpdated:N0} updated, {applied.Value.RowsUnchanged:N0} unchanged"
            + (applied.Value.AppliedValidRowsOnly ? $", {applied.Value.RowsInError:N0} rows with errors left out." : "."));
        return 0;
    }

    private static async Task PrintAsync(ImportView view, ImportHandler handler, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Import {view.Id}: {view.Status}.");
        foreach (var warning in view.Warnings)
        {
            await output.WriteLineAsync($"Warning: {warning}");
        }

        await output.WriteLineAsync($"Rows: {view.RowsTotal:N0}; new {view.RowsNew:N0}, updated {view.RowsUpdated:N0}, unchanged {view.RowsUnchanged:N0}, in error {view.RowsInError:N0}.");
        var shown = 0;
        for (var page = 1; shown < Math.Min(ErrorsShown, view.ErrorsTotal); page++)
        {
            var errors = (await handler.FindAsync(view.Id, page, cancellationToken))!.Errors;
            if (errors.Count == 0)
            {
                break;
            }

            foreach (var e in errors.Take(ErrorsShown - shown))
            {
                await output.WriteLineAsync($"Row {e.Row}, {e.Column}{(e.Value is null ? "" : $" '{e.Value}'")}: {e.Message}");
                shown++;
            }
        }

        if (view.ErrorsTotal > shown)
        {
            await output.WriteLineAsync($"And {view.ErrorsTotal - shown:N0} more errors: see /imports/{view.Id} or GET /api/v1/imports/{view.Id}/errors.csv.");
        }
    }

    private static async Task<AppUser> ManagerAsync(IServiceProvider services, string lotCode, string? email, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CcDbContext>();
        var code = lotCode.Trim().ToUpperInvariant();
        var lot = await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.Code == code, cancellationToken)
            ?? throw new CliInputException($"There is no lot '{lotCode}'. Lot codes: {string.Join(", ", await db.Lots.OrderBy(l => l.Code).Select(l => l.Code).ToListAsync(cancellationToken))}.");
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var managers = (await users.GetUsersInRoleAsync(Roles.ProviderManager)).Where(u => u.IsActive).ToList();
        var ofLot = await db.UserLots.Where(u => u.LotId == lot.Id).Select(u => u.UserId).ToListAsync(cancellationToken);
        var candidates = managers.Where(m => ofLot.Contains(m.Id)).OrderBy(m => m.Email, StringComparer.Ordinal).ToList();
        if (email is not null)
        {
            return candidates.FirstOrDefault(m => string.Equals(m.Email, email.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new CliInputException($"{email} is not an active provider manager of lot {lot.Code}.");
        }

        return candidates.FirstOrDefault() ?? throw new CliInputException($"Lot {lot.Code} has no active provider manager to import as: add one in set-up, or give --user.");
    }
}
