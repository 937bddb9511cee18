namespace ConnectingCommunities.Domain.DataExchange;

/// <summary>
/// Which position in a file's header row holds each template column. Names match without regard to
/// case, surrounding spaces, a byte order mark or spaces and underscores inside ("Date of birth" finds
/// dateOfBirth), so a header typed by hand in a spreadsheet still matches.
/// </summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, int> positions;

    private HeaderMap(Dictionary<string, int> positions, IReadOnlyList<string> missing, IReadOnlyList<string> unknown, IReadOnlyList<string> repeated)
    {
        this.positions = positions;
        Missing = missing;
        Unknown = unknown;
        Repeated = repeated;
    }

    /// <summary>Required columns the header lacks: every one, so a file is fixed in one go.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Header cells that name no template column: ignored, with a warning.</summary>
    public IReadOnlyList<string> Unknown { get; }

    /// <summary>Template columns named more than once: the file is ambiguous.</summary>
    public IReadOnlyList<string> Repeated { get; }

    public bool IsUsable => Missing.Count == 0 && Repeated.Count == 0;

    public bool Has(string column) => positions.ContainsKey(column);

    /// <summary>The cell of a row under the column, trimmed; null when the column is absent or the cell is empty.</summary>
    public string? Cell(IReadOnlyList<string?> row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!positions.TryGetValue(column, out var index) || index >= row.Count)
        {
            return null;
        }

        var value = row[index]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static HeaderMap Match(IReadOnlyList<string?> header, IReadOnlyList<ImportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        var byKey = columns.ToDictionary(c => Key(c.Name), c => c.Name, StringComparer.Ordinal);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var repeated = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var text = header[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!byKey.TryGetValue(Key(text), out var name))
            {
                unknown.Add(text.Trim().TrimStart('\uFEFF'));
            }
            else if (!positions.TryAdd(name, i) && !repeated.Contains(name))
            {
                repeated.Add(name);
            }
        }

        var missing = columns.Where(c => c.Required && !positions.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        return new HeaderMap(positions, missing, unknown, repeated);
    }

    private static string Key(string text)
    {
        var chars = text.Where(c => c is not (' ' or '_' or '-' or '\uFEFF')).Select(char.ToLowerInvariant);
        return new string([.. chars]);
    }
}
