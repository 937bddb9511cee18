using System.Collections.Concurrent;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.Outcomes;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>Settings of provider imports (section "Imports").</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The most data rows a file may hold; a file with more is refused as a whole.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>The largest file accepted: 50 MB.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Files up to this size are validated (and, from the page, applied) before the request answers; larger
    /// ones in the background, with the page showing progress.
    /// </summary>
    public long InlineBytes { get; set; } = 1024 * 1024;

    /// <summary>Where uploaded files are kept, outside the web root. Default: "imports" beside the evidence folder.</summary>
    public string? Folder { get; set; }

    public string EffectiveFolder(EvidenceOptions evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (Folder is { Length: > 0 } folder)
        {
            return Path.GetFullPath(folder);
        }

        var evidenceFolder = Path.GetFullPath(evidence.EffectiveFolder).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(evidenceFolder) ?? evidenceFolder, "imports");
    }
}

/// <summary>
/// Rows read so far by each running validation or apply, held in memory: an apply's own transaction (and, on
/// SQLite, the single writer) keeps its progress out of the database until it commits, so the page reads it here.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, (ImportPhase Phase, int Rows)> running = new();

    public void Report(Guid importId, ImportPhase phase, int rows) => running[importId] = (phase, rows);

    public void Finish(Guid importId) => running.TryRemove(importId, out _);

    public (ImportPhase Phase, int Rows)? Find(Guid importId) => running.TryGetValue(importId, out var value) ? value : null;
}

public enum ImportPhase
{
    Validating,
    Applying,
}

/// <summary>The API's type codes for <see cref="ImportType"/>.</summary>
public static class ImportTypeCodes
{
    public static string Code(ImportType type) => type switch
    {
        ImportType.Participants => "participants",
        ImportType.Interventions => "interventions",
        ImportType.JobStarts => "job-starts",
        ImportType.SustainmentChecks => "sustainment-checks",
        _ => type.ToString(),
    };

    public static ImportType? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "participants" => ImportType.Participants,
        "interventions" => ImportType.Interventions,
        "job-starts" => ImportType.JobStarts,
        "sustainment-checks" => ImportType.SustainmentChecks,
        _ => null,
    };

    public static string Allowed => "participants, interventions, job-starts, sustainment-checks";

    public static string Title(ImportType type) => type switch
    {
        ImportType.Participants => "Participants",
        ImportType.Interventions => "Interventions",
        ImportType.JobStarts => "Job starts",
        ImportType.SustainmentChecks => "Sustainment checks",
        _ => type.ToString(),
    };
}
