using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Locations;

/// <summary>What an import did, or why it did nothing.</summary>
/// <param name="Added">Postcodes new to the table.</param>
/// <param name="Updated">Postcodes whose coordinates were replaced.</param>
/// <param name="Errors">Rows refused, "Row 12: ..." (at most <see cref="PostcodeLocationImporter.MaxErrorsShown"/>); any error means nothing was written.</param>
/// <param name="ErrorCount">How many rows were refused in all.</param>
public sealed record PostcodeImportResult(int Added, int Updated, IReadOnlyList<string> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>
/// Imports postcode centres from CSV (postcode,latitude,longitude; a header row is optional) for straight-line
/// travel distances. The file is read as a stream, a batch at a time, inside one transaction: every row is checked,
/// and a file with any bad row writes nothing. Existing postcodes get the new coordinates (upsert).
/// </summary>
public sealed class PostcodeLocationImporter(CcDbContext db)
{
    public const int MaxErrorsShown = 20;
    private const int BatchSize = 2_000;

    public async Task<PostcodeImportResult> ImportAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv);
        var errors = new List<string>();
        var errorCount = 0;
        int added = 0, updated = 0, row = 0;
        var batch = new Dictionary<string, (double Latitude, double Longitude)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            if (row == 1 && cells.Length > 0 && cells[0].Trim().Trim('"').Equals("postcode", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var error = Check(cells, out var postcode, out var latitude, out var longitude);
            if (error is null && !seen.Add(postcode))
            {
                error = $"{postcode} appears more than once in the file";
            }

            if (error is not null)
            {
                errorCount++;
                if (errors.Count < MaxErrorsShown)
                {
                    errors.Add($"Row {row}: {error}");
                }

                continue;
            }

            if (errorCount == 0)
            {
                batch[postcode] = (latitude, longitude);
                if (batch.Count >= BatchSize)
                {
                    var (a, u) = await WriteAsync(batch, cancellationToken);
                    added += a;
                    updated += u;
                    batch.Clear();
                }
            }
        }

        if (errorCount == 0 && batch.Count > 0)
        {
            var (a, u) = await WriteAsync(batch, cancellationToken);
            added += a;
            updated += u;
        }

        if (errorCount == 0 && added + updated == 0)
        {
            errorCount = 1;
            errors.Add("The file has no postcodes: each row must be postcode,latitude,longitude");
        }

        if (errorCount > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new PostcodeImportResult(0, 0, errors, errorCount);
        }

        await transaction.CommitAsync(cancellationToken);
        return new PostcodeImportResult(added, updated, [], 0);
    }

    /// <summary>How many postcodes have coordinates, and how many of those are the demo's.</summary>
    public async Task<(int Total, int Demo)> CountAsync(CancellationToken cancellationToken = default) =>
        (await db.PostcodeLocations.CountAsync(cancellationToken), await db.PostcodeLocations.CountAsync(p => p.IsDemo, cancellationToken));

    private static string? Check(string[] cells, out string postcode, out double latitude, out double longitude)
    {
        postcode = string.Empty;
        latitude = 0;
        longitude = 0;
        if (cells.Length != 3)
        {
            return "Each row must have 3 values: postcode,latitude,longitude";
        }

        var check = Postcode.Check(cells[0].Trim().Trim('"'));
        if (!check.IsValid)
        {
            return $"'{cells[0].Trim()}' is not a postcode";
        }

        postcode = check.Postcode.Value;
        if (!double.TryParse(cells[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out latitude) || latitude is < 49.0 or > 61.0)
        {
            return $"The latitude for {postcode} must be a number from 49 to 61 (the UK)";
        }

        if (!double.TryParse(cells[2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out longitude) || longitude is < -9.0 or > 2.5)
        {
            return $"The longitude for {postcode} must be a number from -9 to 2.5 (the UK)";
        }

        return null;
    }

    private async Task<(int Added, int Updated)> WriteAsync(Dictionary<string, (double Latitude, double Longitude)> batch, CancellationToken cancellationToken)
    {
        var keys = batch.Keys.ToList();
        var existing = await db.PostcodeLocations.Where(p => keys.Contains(p.Postcode)).ToDictionaryAsync(p => p.Postcode, cancellationToken);
        var added = 0;
        foreach (var (postcode, (latitude, longitude)) in batch)
        {
            if (existing.TryGetValue(postcode, out var location))
            {
                location.Latitude = latitude;
                location.Longitude = longitude;
                location.IsDemo = false;
            }
            else
            {
                db.PostcodeLocations.Add(new PostcodeLocation { Postcode = postcode, Latitude = latitude, Longitude = longitude });
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (added, existing.Count);
    }
}
