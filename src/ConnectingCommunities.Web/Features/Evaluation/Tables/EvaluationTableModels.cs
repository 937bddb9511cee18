using System.Text.Json.Serialization;
using ConnectingCommunities.Domain.Evaluation;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>What a column's cells hold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CellKind>))]
public enum CellKind
{
    /// <summary>A number of people (or of contacts): n, with its share of the column's total.</summary>
    Count,

    /// <summary>A rate: count out of n (the population the rate is of), as a fraction.</summary>
    Rate,

    /// <summary>Pounds per outcome: amount, with n the number of outcomes it is divided by.</summary>
    Cost,
}

/// <summary>A column of an evaluation table.</summary>
public sealed record TableColumn(string Key, string Label, CellKind Kind);

/// <summary>
/// One cell. Count: N is the count and Share its fraction of the column's total. Rate: N is the
/// population, Count how many of them had the outcome, Rate = Count / N. Cost: Amount is pounds per
/// outcome and N the number of outcomes. Suppressed: Count, Rate, Share and Amount are hidden (null);
/// NSuppressed: N is hidden too. A commissioner's own view hides nothing.
/// </summary>
public sealed record TableCell(int? N, int? Count, decimal? Rate, decimal? Share, decimal? Amount, bool Suppressed, bool NSuppressed);

/// <summary>A row: a level of the characteristic (or the total row).</summary>
public sealed record TableRow(string Key, string Label, bool IsTotal, IReadOnlyList<TableCell> Cells);

/// <summary>A descriptive table, with N in every cell, suppressed or not as <see cref="SuppressionApplied"/> says.</summary>
public sealed record EvaluationTable(
    string Id,
    string Title,
    string Description,
    string RowHeading,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    bool SuppressionApplied,
    int SuppressedCells,
    string? Note)
{
    /// <summary>What "[c]" means, when this table is suppressed.</summary>
    public string? Explanation => SuppressionApplied ? SmallCells.Explanation : null;
}

/// <summary>A table in the list of tables.</summary>
public sealed record TableSummary(string Id, string Title, string Description, string Group);
