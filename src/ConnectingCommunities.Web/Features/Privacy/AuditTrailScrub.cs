using System.Text.Json.Nodes;
using ConnectingCommunities.Data;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>
/// Removes a participant's erased values from the audit trail. The trail is append-only (the
/// interceptor refuses to modify it and database triggers refuse UPDATE and DELETE); this is the one
/// documented exception: inside the erasure's transaction the update trigger is set aside, the
/// participant's events are rewritten with the values replaced by "(erased)", and the trigger is put
/// back before the transaction commits, so no other change can slip through while it is off.
/// </summary>
public static class AuditTrailScrub
{
    public const string Erased = "(erased)";

    // The SQLite trigger exactly as the initial migration created it.
    private const string SqliteTrigger =
        "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;";

    /// <summary>
    /// Rewrites the events (their changes, summary and reason) so that no personal field keeps its value and
    /// no erased value appears anywhere in them. Must be called inside a transaction. Returns how many were rewritten.
    /// </summary>
    public static async Task<int> ScrubAsync(
        CcDbContext db, IReadOnlyCollection<Guid> eventIds, IReadOnlySet<string> personalFields, IReadOnlyCollection<string> erasedValues,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(eventIds);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The audit trail is scrubbed only inside the erasure's transaction.");
        }

        var values = erasedValues.Where(v => v.Trim().Length >= 3).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(v => v.Length).ToList();
        var ids = eventIds.ToList();
        var events = await db.AuditEvents.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Changes, a.Summary, a.Reason }).ToListAsync(cancellationToken);
        var rewrites = new List<(Guid Id, string? Changes, string? Summary, string? Reason)>();
        foreach (var e in events)
        {
            var changes = ScrubChanges(e.Changes, personalFields, values);
            var summary = ScrubText(e.Summary, values);
            var reason = ScrubText(e.Reason, values);
            if (changes != e.Changes || summary != e.Summary || reason != e.Reason)
            {
                rewrites.Add((e.Id, changes, summary, reason));
            }
        }

        if (rewrites.Count == 0)
        {
            return 0;
        }

        await SetTriggerAsync(db, enabled: false, cancellationToken);
        foreach (var (id, changes, summary, reason) in rewrites)
        {
            await db.AuditEvents.Where(a => a.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Changes, changes).SetProperty(a => a.Summary, summary).SetProperty(a => a.Reason, reason),
                cancellationToken);
        }

        await SetTriggerAsync(db, enabled: true, cancellationToken);
        return rewrites.Count;
    }

    /// <summary>Text with every erased value replaced (whole or inside a longer text, ignoring case).</summary>
    public static string? ScrubText(string? text, IReadOnlyList<string> values)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            text = text.Replace(value, Erased, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    /// <summary>The changes JSON with personal fields' values (created, deleted, and both sides of an update) and any erased value replaced.</summary>
    public static string? ScrubChanges(string? json, IReadOnlySet<string> personalFields, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(personalFields);
        if (string.IsNullOrEmpty(json))
        {
            return json;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return ScrubText(json, values);
        }

        if (root is not JsonObject changes)
        {
            return ScrubText(json, values);
        }

        var changed = false;
        foreach (var name in changes.Select(p => p.Key).ToList())
        {
            var node = changes[name];
            if (personalFields.Contains(name))
            {
                if (node is null)
                {
                    continue;
                }

                changes[name] = node is JsonObject change && change.ContainsKey("from")
                    ? new JsonObject { ["from"] = change["from"] is null ? null : Erased, ["to"] = change["to"] is null ? null : Erased }
                    : JsonValue.Create(Erased);
                changed = true;
            }
            else
            {
                changed |= ScrubInPlace(changes, name, values);
            }
        }

        return changed ? changes.ToJsonString() : json;
    }

    /// <summary>Replaces erased values inside the child <paramref name="key"/> of an object, or element <paramref name="key"/> of an array; true if anything changed.</summary>
    private static bool ScrubInPlace(JsonNode parent, object key, IReadOnlyList<string> values)
    {
        var node = key is string name ? parent[name] : parent[(int)key];
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                var scrubbed = ScrubText(text, values);
                if (scrubbed == text)
                {
                    return false;
                }

                if (key is string property)
                {
                    parent[property] = scrubbed;
                }
                else
                {
                    parent[(int)key] = scrubbed;
                }

                return true;
            case JsonObject obj:
                var objectChanged = false;
                foreach (var child in obj.Select(p => p.Key).ToList())
                {
                    objectChanged |= ScrubInPlace(obj, child, values);
                }

                return objectChanged;
            case JsonArray array:
                var arrayChanged = false;
                for (var i = 0; i < array.Count; i++)
                {
                    arrayChanged |= ScrubInPlace(array, i, values);
                }

                return arrayChanged;
            default:
                return false;
        }
    }

    private static async Task SetTriggerAsync(CcDbContext db, bool enabled, CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            // SQLite cannot disable a trigger; dropping and recreating it inside the transaction is the same, atomically.
            await db.Database.ExecuteSqlRawAsync(enabled ? SqliteTrigger : "DROP TRIGGER IF EXISTS audit_events_no_update;", cancellationToken);
        }
        else
        {
            // Transactional in PostgreSQL: the table is locked until commit, so no one else writes while the trigger is off.
            await db.Database.ExecuteSqlRawAsync(
                enabled
                    ? "ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete;"
                    : "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete;",
                cancellationToken);
        }
    }
}
