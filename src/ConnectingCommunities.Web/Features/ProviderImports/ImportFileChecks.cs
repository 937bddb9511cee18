using ConnectingCommunities.Domain.DataExchange;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>Checks of a file as a whole, made when it is uploaded: what it is, its header, its warnings.</summary>
public static class ImportFileChecks
{
    /// <summary>
    /// A <c>lotCode</c> column is not in the templates, but a provider's system may add one: when it is there,
    /// every row's lot is checked against the import's, so that a row of another lot is an error and never a write.
    /// </summary>
    public const string LotCodeHeader = "lotCode";

    /// <summary>Why the header cannot be used (every missing required column at once), or null.</summary>
    public static string? HeaderProblem(HeaderMap header, ImportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(template);
        if (header.Missing.Count > 0)
        {
            return $"The file lacks {(header.Missing.Count == 1 ? "a required column" : $"{header.Missing.Count} required columns")}: {string.Join(", ", header.Missing)}. "
                + $"The first row must name the columns of the {template.Title.ToLowerInvariant()} template.";
        }

        if (header.Repeated.Count > 0)
        {
            return $"These columns are named more than once in the first row: {string.Join(", ", header.Repeated)}. Keep one of each.";
        }

        return null;
    }

    /// <summary>Columns that are ignored, in words; null when there are none.</summary>
    public static string? UnknownColumnsWarning(HeaderMap header, ImportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(template);
        var unknown = header.Unknown.Where(u => !IsLotCode(u)).ToList();
        return unknown.Count == 0
            ? null
            : $"Ignored {(unknown.Count == 1 ? "a column" : $"{unknown.Count} columns")} the {template.Title.ToLowerInvariant()} template does not have: {string.Join(", ", unknown)}";
    }

    public static int? LotCodeColumn(IReadOnlyList<string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        for (var i = 0; i < header.Count; i++)
        {
            if (IsLotCode(header[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsLotCode(string? text) =>
        text is not null && string.Equals(new string([.. text.Where(c => c is not (' ' or '_' or '-' or '\uFEFF'))]), LotCodeHeader, StringComparison.OrdinalIgnoreCase);
}
