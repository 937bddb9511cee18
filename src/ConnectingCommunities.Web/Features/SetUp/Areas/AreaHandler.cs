using System.Globalization;
using System.Text.Unicode;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.SetUp.Areas;

public enum AreaImportMode
{
    /// <summary>Add the postcodes to the lot's area, keeping those already there.</summary>
    Add,

    /// <summary>Make the lot's area exactly these postcodes, removing the others.</summary>
    Replace,
}

public sealed record LotPostcodeView(string Postcode, string District);

public sealed record DistrictCount(string District, int Count);

public sealed record AreaSummary(string Code, string Name, int Total, IReadOnlyList<DistrictCount> Districts);

/// <summary>One refused row: its number in the file (or position in the list), what it held and why.</summary>
public sealed record PostcodeRowError(int Row, string Value, string Message);

/// <summary>What an upload did. <see cref="Total"/> is the number of postcodes in the area afterwards.</summary>
public sealed record AreaChange(int Added, int Removed, int Unchanged, int Duplicates, int Total);

/// <summary>The outcome of an upload: on refusal, the first rows in error and how many there were in all.</summary>
public sealed record AreaImport(Result<AreaChange> Result, IReadOnlyList<PostcodeRowError> Rows, int RowErrorCount)
{
    public static AreaImport From(Result<AreaChange> result) => new(result, [], 0);
}

/// <summary>A list of postcodes sent as JSON instead of a file.</summary>
public sealed record AreaPostcodesInput
{
    public IReadOnlyList<string?>? Postcodes { get; init; }

    /// <summary>add (the default) or replace.</summary>
    public string? Mode { get; init; }

    public string? Reason { get; init; }
}

/// <summary>
/// A lot's area as a list of postcodes, each in one lot at most. Uploads are checked row by row
/// and applied whole or not at all, so an area is never left half-replaced.
/// </summary>
public sealed class AreaHandler(CcDbContext db, CurrentUser user)
{
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxRows = 100_000;
    public const int MaxRowErrorsShown = 100;
    public const int MaxReasonLength = 1000;

    /// <summary>Postcodes looked up per query: well inside every provider's parameter limit.</summary>
    private const int LookupBatch = 1_000;

    private const int SaveBatch = 5_000;

    public async Task<AreaSummary?> SummaryAsync(string code, CancellationToken cancellationToken = default)
    {
        if (await FindLotAsync(code, cancellationToken) is not { } lot)
        {
            return null;
        }

        var districts = await db.LotPostcodes
            .Where(p => p.LotId == lot.Id)
            .GroupBy(p => p.District)
            .Select(g => new { District = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ordered = districts
            .Select(d => new DistrictCount(d.District, d.Count))
            .OrderBy(d => DistrictOrder.Area(d.District), StringComparer.Ordinal)
            .ThenBy(d => DistrictOrder.Number(d.District))
            .ThenBy(d => d.District, StringComparer.Ordinal)
            .ToList();
        return new AreaSummary(lot.Code, lot.Name, ordered.Sum(d => d.Count), ordered);
    }

    /// <summary>A page of the lot's postcodes, optionally those starting with <paramref name="search"/>; null for an unknown lot.</summary>
    public async Task<PagedList<LotPostcodeView>?> ListAsync(
        string code, string? search, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        if (await FindLotAsync(code, cancellationToken) is not { } lot)
        {
            return null;
        }

        var (number, size) = Paging.Normalise(page, pageSize);
        var query = db.LotPostcodes.AsNoTracking().Where(p => p.LotId == lot.Id);
        var prefix = SearchPrefix(search);
        if (prefix.Length > 0)
        {
            query = query.Where(p => p.Postcode.StartsWith(prefix));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(p => p.Postcode)
            .Skip((number - 1) * size).Take(size)
            .Select(p => new LotPostcodeView(p.Postcode, p.District))
            .ToListAsync(cancellationToken);
        return new PagedList<LotPostcodeView>(items, total, number, size);
    }

    /// <summary>
    /// Reads a CSV file with one postcode a row (the first column, or the column headed "postcode")
    /// and adds them to the area or makes them the whole area.
    /// </summary>
    public async Task<AreaImport> ImportCsvAsync(
        string code, Stream? file, string? mode, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (await FindLotAsync(code, cancellationToken) is not { } lot)
        {
            return AreaImport.From(Result<AreaChange>.NotFound());
        }

        var errors = new FieldErrors();
        var parsedMode = ParseMode(mode, errors);
        Validation.OptionalText(reason, "reason", "reason", MaxReasonLength, errors);
        List<(int Row, string Value)>? rows = null;
        if (file is null)
        {
            errors.Add("file", "Select a CSV file of postcodes");
        }
        else
        {
            rows = await ReadCsvAsync(file, errors, cancellationToken);
        }

        if (errors.Any)
        {
            return AreaImport.From(Result<AreaChange>.Invalid(errors));
        }

        return await ApplyAsync(lot, rows!, parsedMode!.Value, "file", reason, cancellationToken);
    }

    /// <summary>The same as <see cref="ImportCsvAsync"/> for a list sent as JSON; rows are numbered from 1.</summary>
    public async Task<AreaImport> ImportListAsync(
        string code, IReadOnlyList<string?>? postcodes, string? mode, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (await FindLotAsync(code, cancellationToken) is not { } lot)
        {
            return AreaImport.From(Result<AreaChange>.NotFound());
        }

        var errors = new FieldErrors();
        var parsedMode = ParseMode(mode, errors);
        Validation.OptionalText(reason, "reason", "reason", MaxReasonLength, errors);
        if (postcodes is null || postcodes.Count == 0)
        {
            errors.Add("postcodes", "Enter at least one postcode, like [\"B8 1AA\"]");
        }
        else if (postcodes.Count > MaxRows)
        {
            errors.Add("postcodes", $"Send {Formatting.Number(MaxRows)} postcodes or fewer at a time");
        }

        if (errors.Any)
        {
            return AreaImport.From(Result<AreaChange>.Invalid(errors));
        }

        var rows = postcodes!.Select((p, i) => (i + 1, p ?? "")).ToList();
        return await ApplyAsync(lot, rows, parsedMode!.Value, "postcodes", reason, cancellationToken);
    }

    /// <summary>Adds one postcode to the area.</summary>
    public async Task<Result<LotPostcodeView>> AddAsync(string code, string? postcode, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (await FindLotAsync(code, cancellationToken) is not { } lot)
        {
            return Result<LotPostcodeView>.NotFound();
        }

        var check = Postcode.Check(postcode);
        if (!check.IsValid)
        {
            return Result<LotPostcodeView>.Invalid("postcode", check.Error);
        }

        var value = check.Postcode.Value;
        var owner = await db.LotPostcodes.Where(p => p.Postcode == value)
            .Join(db.Lots, p => p.LotId, l => l.Id, (p, l) => l.Code)
            .FirstOrDefaultAsync(cancellationToken);
        if (owner is not null)
        {
            return Result<LotPostcodeView>.Invalid("postcode", owner == lot.Code
                ? $"{value} is already in this lot's area"
                : InAnotherLot(value, owner));
        }

        SetReason(reason);
        db.LotPostcodes.Add(new LotPostcode { LotId = lot.Id, Postcode = value, District = check.Postcode.District });
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<LotPostcodeView>.Conflict($"{value} was added to an area by someone else at the same time. Reload the page to see where it is.");
        }

        return Result<LotPostcodeView>.Ok(new LotPostcodeView(value, check.Postcode.District));
    }

    /// <summary>Removes one postcode from the area; not found when the area does not have it.</summary>
    public async Task<Result<LotPostcodeView>> RemoveAsync(string code, string? postcode, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (await FindLotAsync(code, cancellationToken) is not { } lot)
        {
            return Result<LotPostcodeView>.NotFound();
        }

        var check = Postcode.Check(postcode);
        if (!check.IsValid)
        {
            return Result<LotPostcodeView>.Invalid("postcode", check.Error);
        }

        var value = check.Postcode.Value;
        var entity = await db.LotPostcodes.FirstOrDefaultAsync(p => p.LotId == lot.Id && p.Postcode == value, cancellationToken);
        if (entity is null)
        {
            return Result<LotPostcodeView>.NotFound();
        }

        SetReason(reason);
        db.LotPostcodes.Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
        return Result<LotPostcodeView>.Ok(new LotPostcodeView(entity.Postcode, entity.District));
    }

    /// <summary>
    /// The code of the lot whose area contains the postcode, or null when none does or the text is
    /// not a postcode: the eligibility check of the participant journey.
    /// </summary>
    public async Task<string?> LotCodeForPostcodeAsync(string postcode, CancellationToken cancellationToken = default)
    {
        var check = Postcode.Check(postcode);
        if (!check.IsValid)
        {
            return null;
        }

        var value = check.Postcode.Value;
        return await db.LotPostcodes.Where(p => p.Postcode == value)
            .Join(db.Lots, p => p.LotId, l => l.Id, (p, l) => l.Code)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the lot exists for this user, for the page's 404.</summary>
    internal async Task<Lot?> FindLotAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = LotCode.Normalise(code ?? "");
        return await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking()
            .FirstOrDefaultAsync(l => l.Code == normalised, cancellationToken);
    }

    /// <summary>What people type to search: "b8 1", "B81AA" and "B8  1AA" all become prefixes of "B8 1AA".</summary>
    public static string SearchPrefix(string? search)
    {
        var letters = new string((search ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray()).ToUpperInvariant();
        var cleaned = letters.Trim();
        if (cleaned.Length == 0)
        {
            return "";
        }

        var check = Postcode.Check(cleaned);
        if (check.IsValid)
        {
            return check.Postcode.Value;
        }

        // "B8 " is the whole district B8, where "B8" also finds B80.
        var prefix = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return letters.EndsWith(' ') && !prefix.Contains(' ', StringComparison.Ordinal) ? prefix + " " : prefix;
    }

    private static AreaImportMode? ParseMode(string? mode, FieldErrors errors)
    {
        switch (mode?.Trim().ToLowerInvariant())
        {
            case null or "" or "add":
                return AreaImportMode.Add;
            case "replace":
                return AreaImportMode.Replace;
            default:
                errors.Add("mode", "Choose whether to add the postcodes (add) or replace the area's postcodes with them (replace)");
                return null;
        }
    }

    /// <summary>Rows of the file with their numbers as a spreadsheet shows them; blank rows and a header are skipped.</summary>
    private static async Task<List<(int Row, string Value)>?> ReadCsvAsync(Stream file, FieldErrors errors, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > MaxFileBytes)
            {
                errors.Add("file", "The selected file must be smaller than 5 MB");
                return null;
            }
        }

        if (content.Length == 0)
        {
            errors.Add("file", "The selected file is empty");
            return null;
        }

        var bytes = content.ToArray();
        if (!IsUtf8OrUnicodeWithByteOrderMark(bytes))
        {
            errors.Add("file", "The selected file must be a CSV file saved as UTF-8");
            return null;
        }

        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
        };
        var rows = new List<(int Row, string Value)>();
        await using (var reader = CsvReader.Create(bytes, options))
        {
            var column = 0;
            var first = true;
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = new string[reader.FieldCount];
                for (var i = 0; i < record.Length; i++)
                {
                    record[i] = reader.GetString(i) ?? "";
                }

                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (first)
                {
                    first = false;
                    var header = Array.FindIndex(record, c => string.Equals(c.Trim(), "postcode", StringComparison.OrdinalIgnoreCase));
                    if (header >= 0)
                    {
                        column = header;
                        continue;
                    }

                    // Every postcode has a digit, so a first row without one is a header of another name.
                    if (!record[0].Any(char.IsAsciiDigit))
                    {
                        continue;
                    }
                }

                if (rows.Count == MaxRows)
                {
                    errors.Add("file", $"The selected file must have {Formatting.Number(MaxRows)} rows or fewer");
                    return null;
                }

                rows.Add(((int)reader.LineNumber, column < record.Length ? record[column].Trim() : ""));
            }
        }

        if (rows.Count == 0)
        {
            errors.Add("file", "The selected file has no postcodes: put one postcode on each row");
            return null;
        }

        return rows;
    }

    /// <summary>UTF-8 with or without its byte order mark; UTF-16 and UTF-32 files announce themselves with one.</summary>
    private static bool IsUtf8OrUnicodeWithByteOrderMark(byte[] bytes) =>
        bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..] || Utf8.IsValid(bytes);

    private async Task<AreaImport> ApplyAsync(
        Lot lot, List<(int Row, string Value)> rows, AreaImportMode mode, string field, string? reason, CancellationToken cancellationToken)
    {
        var rowErrors = new List<PostcodeRowError>();
        var wanted = new Dictionary<string, (int Row, string Value, string District)>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var (row, value) in rows)
        {
            var check = Postcode.Check(value);
            if (!check.IsValid)
            {
                rowErrors.Add(new PostcodeRowError(row, value, check.Error));
            }
            else if (!wanted.TryAdd(check.Postcode.Value, (row, value, check.Postcode.District)))
            {
                duplicates++;
            }
        }

        foreach (var (postcode, owner) in await OwnersElsewhereAsync(wanted.Keys, lot.Id, cancellationToken))
        {
            var (row, value, _) = wanted[postcode];
            rowErrors.Add(new PostcodeRowError(row, value, InAnotherLot(postcode, owner)));
        }

        if (rowErrors.Count > 0)
        {
            return Refused(field, rowErrors);
        }

        var current = await db.LotPostcodes.AsNoTracking()
            .Where(p => p.LotId == lot.Id)
            .Select(p => new { p.Id, p.Postcode, p.District })
            .ToListAsync(cancellationToken);
        var currentSet = current.Select(p => p.Postcode).ToHashSet(StringComparer.Ordinal);
        var toAdd = wanted.Where(w => !currentSet.Contains(w.Key))
            .Select(w => new LotPostcode { LotId = lot.Id, Postcode = w.Key, District = w.Value.District })
            .ToList();
        var toRemove = mode == AreaImportMode.Replace
            ? current.Where(p => !wanted.ContainsKey(p.Postcode))
                .Select(p => new LotPostcode { Id = p.Id, LotId = lot.Id, Postcode = p.Postcode, District = p.District })
                .ToList()
            : [];
        var change = new AreaChange(
            toAdd.Count, toRemove.Count, wanted.Count - toAdd.Count, duplicates, current.Count - toRemove.Count + toAdd.Count);
        if (toAdd.Count == 0 && toRemove.Count == 0)
        {
            return AreaImport.From(Result<AreaChange>.Ok(change));
        }

        SetReason(reason);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replace keeps the postcodes that stay rather than deleting and re-inserting them, so the
        // audit trail records only real changes; the area afterwards is exactly the file's list.
        try
        {
            // Saved in slices inside the one transaction: a change tracker of a few thousand
            // entries (each with its audit event) saves far faster than one of 200,000.
            foreach (var slice in toRemove.Chunk(SaveBatch))
            {
                db.LotPostcodes.RemoveRange(slice);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            foreach (var slice in toAdd.Chunk(SaveBatch))
            {
                db.LotPostcodes.AddRange(slice);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return AreaImport.From(Result<AreaChange>.Conflict(
                "Someone else changed the lots' areas at the same time, so nothing was saved. Upload the postcodes again."));
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return AreaImport.From(Result<AreaChange>.Ok(change));
    }

    private static AreaImport Refused(string field, List<PostcodeRowError> rowErrors)
    {
        var count = rowErrors.Count;
        var shown = rowErrors.OrderBy(e => e.Row).Take(MaxRowErrorsShown).ToList();
        var what = field == "file"
            ? count == 1 ? "1 row of the file has a problem" : $"{Formatting.Number(count)} rows of the file have problems"
            : count == 1 ? "1 postcode has a problem" : $"{Formatting.Number(count)} postcodes have problems";
        var first = shown[0];
        var message = $"{what}, so no postcodes were saved. "
            + $"{(field == "file" ? "Row" : "Postcode")} {first.Row}: '{first.Value}' — {first.Message}";
        return new AreaImport(Result<AreaChange>.Invalid(field, message), shown, count);
    }

    /// <summary>For each postcode already in another lot's area, that lot's code.</summary>
    private async Task<List<(string Postcode, string Lot)>> OwnersElsewhereAsync(
        IEnumerable<string> postcodes, Guid lotId, CancellationToken cancellationToken)
    {
        var owners = new List<(string, string)>();
        foreach (var batch in postcodes.Chunk(LookupBatch))
        {
            var found = await db.LotPostcodes
                .Where(p => p.LotId != lotId && batch.Contains(p.Postcode))
                .Join(db.Lots, p => p.LotId, l => l.Id, (p, l) => new { p.Postcode, l.Code })
                .ToListAsync(cancellationToken);
            owners.AddRange(found.Select(f => (f.Postcode, f.Code)));
        }

        return owners;
    }

    private static string InAnotherLot(string postcode, string lotCode) =>
        $"{postcode} is already in the area of lot {lotCode}: remove it from there first";

    private void SetReason(string? reason)
    {
        if (!string.IsNullOrWhiteSpace(reason))
        {
            user.Reason = reason.Trim();
        }
    }

    /// <summary>Orders districts as people expect: B8 before B33, WS2 before WS11.</summary>
    private static class DistrictOrder
    {
        public static string Area(string district) => new(district.TakeWhile(char.IsAsciiLetter).ToArray());

        public static int Number(string district) =>
            int.TryParse(new string(district.SkipWhile(char.IsAsciiLetter).TakeWhile(char.IsAsciiDigit).ToArray()),
                NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
    }
}
