using ConnectingCommunities.Domain.Evaluation;
using RateMath = ConnectingCommunities.Domain.Performance.Rates;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>
/// A table being built: every count goes into a <see cref="SmallCells"/> grid with the lines that add
/// up (rows to their totals, columns to theirs, a rate's numerator and complement to its population),
/// so suppression knows what a total would give away. Shapes: cross-tabulations of counts, rates by a
/// characteristic, and rates for items a participant can have several of.
/// </summary>
public sealed class TableDraft(string id, string title, string description, string rowHeading)
{
    private readonly SmallCells grid = new();
    private readonly List<TableColumn> columns = [];
    private readonly List<(string Key, string Label, bool IsTotal, List<Draft> Cells)> rows = [];

    private abstract record Draft;

    private sealed record CountDraft(int N, int? ColumnTotal) : Draft;

    private sealed record RateDraft(int N, int Count, int Complement) : Draft;

    private sealed record CostDraft(int N, decimal? Amount) : Draft;

    public string? Note { get; set; }

    /// <summary>A (level key, label) pair.</summary>
    public sealed record Level(string Key, string Label);

    /// <summary>A rate column: who is in its population and who of them had the outcome.</summary>
    public sealed record Outcome<T>(string Key, string Label, Func<T, bool> InPopulation, Func<T, bool> Achieved);

    public const string TotalKey = "total";
    public const string AllKey = "all";

    /// <summary>
    /// Counts of items by a row characteristic and, when columns are given, a column characteristic, with
    /// a total row and (with columns) an "All" column. Every row and column adds up to its margin.
    /// </summary>
    public static TableDraft Crosstab<T>(
        string id, string title, string description, string rowHeading,
        IReadOnlyList<Level> levels, Func<T, string> levelOf,
        IReadOnlyList<Level>? columnLevels, Func<T, string>? columnOf,
        IEnumerable<T> items, string allLabel = "All")
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(levelOf);
        var columnsUsed = columnLevels is { Count: > 0 } && columnOf is not null ? columnLevels : [];
        var counts = new int[levels.Count, columnsUsed.Count];
        var levelIndex = levels.Select((l, i) => (l.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var columnIndex = columnsUsed.Select((l, i) => (l.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var single = new int[levels.Count];
        foreach (var item in items)
        {
            var r = levelIndex[levelOf(item)];
            if (columnsUsed.Count > 0)
            {
                counts[r, columnIndex[columnOf!(item)]]++;
            }

            single[r]++;
        }

        if (columnsUsed.Count == 0)
        {
            counts = new int[levels.Count, 1];
            for (var r = 0; r < levels.Count; r++)
            {
                counts[r, 0] = single[r];
            }

            return Counts(id, title, description, rowHeading, levels, [], counts, allLabel);
        }

        return Counts(id, title, description, rowHeading, levels, columnsUsed, counts, allLabel);
    }

    /// <summary>
    /// A cross-tabulation from counts already made (levels x columns; with no columns, one column of
    /// counts), with a total row and, with columns, an "All" column.
    /// </summary>
    public static TableDraft Counts(
        string id, string title, string description, string rowHeading,
        IReadOnlyList<Level> levels, IReadOnlyList<Level> columnsUsed, int[,] given, string allLabel = "All")
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(columnsUsed);
        ArgumentNullException.ThrowIfNull(given);
        var draft = new TableDraft(id, title, description, rowHeading);
        var counts = new int[levels.Count, columnsUsed.Count + 1];
        for (var r = 0; r < levels.Count; r++)
        {
            if (columnsUsed.Count == 0)
            {
                counts[r, 0] = given[r, 0];
                continue;
            }

            for (var c = 0; c < columnsUsed.Count; c++)
            {
                counts[r, c] = given[r, c];
                counts[r, columnsUsed.Count] += given[r, c];
            }
        }

        foreach (var column in columnsUsed)
        {
            draft.columns.Add(new TableColumn(column.Key, column.Label, CellKind.Count));
        }

        draft.columns.Add(new TableColumn(AllKey, allLabel, CellKind.Count));
        var width = columnsUsed.Count + 1;
        var totals = Enumerable.Range(0, width).Select(c => draft.grid.Add(Enumerable.Range(0, levels.Count).Sum(r => counts[r, c]))).ToArray();
        var cells = new int[levels.Count, width];
        for (var r = 0; r < levels.Count; r++)
        {
            for (var c = 0; c < width; c++)
            {
                cells[r, c] = draft.grid.Add(counts[r, c]);
            }

            if (width > 1)
            {
                draft.grid.AddLine(cells[r, width - 1], Enumerable.Range(0, width - 1).Select(c => cells[r, c]));
            }

            draft.rows.Add((levels[r].Key, levels[r].Label, false, [.. Enumerable.Range(0, width).Select(c => (Draft)new CountDraft(cells[r, c], totals[c]))]));
        }

        for (var c = 0; c < width; c++)
        {
            draft.grid.AddLine(totals[c], Enumerable.Range(0, levels.Count).Select(r => cells[r, c]));
        }

        if (width > 1)
        {
            draft.grid.AddLine(totals[width - 1], totals[..^1]);
        }

        draft.rows.Add((TotalKey, "Total", true, [.. totals.Select(t => (Draft)new CountDraft(t, t))]));
        return draft;
    }

    /// <summary>
    /// Rates by a characteristic: for each outcome column, each level's population (n), how many had the
    /// outcome, and the rate; a total row. Levels partition the population, so each column adds up.
    /// </summary>
    public static TableDraft Rates<T>(
        string id, string title, string description, string rowHeading,
        IReadOnlyList<Level> levels, Func<T, string> levelOf, IReadOnlyList<Outcome<T>> outcomes, IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(items);
        var draft = new TableDraft(id, title, description, rowHeading);
        foreach (var outcome in outcomes)
        {
            draft.columns.Add(new TableColumn(outcome.Key, outcome.Label, CellKind.Rate));
        }

        var byLevel = levels.Select(l => items.Where(i => levelOf(i) == l.Key).ToList()).ToList();
        var rowCells = levels.Select(_ => new List<Draft>()).ToList();
        var totalCells = new List<Draft>();
        foreach (var outcome in outcomes)
        {
            var perLevel = byLevel.Select(group =>
            {
                var population = group.Where(outcome.InPopulation).ToList();
                return draft.RateCells(population.Count, population.Count(outcome.Achieved));
            }).ToList();
            var total = draft.RateCells(perLevel.Sum(p => draft.grid.Value(p.N)), perLevel.Sum(p => draft.grid.Value(p.Count)));
            draft.grid.AddLine(total.N, perLevel.Select(p => p.N));
            draft.grid.AddLine(total.Count, perLevel.Select(p => p.Count));
            draft.grid.AddLine(total.Complement, perLevel.Select(p => p.Complement));
            for (var r = 0; r < levels.Count; r++)
            {
                rowCells[r].Add(perLevel[r]);
            }

            totalCells.Add(total);
        }

        for (var r = 0; r < levels.Count; r++)
        {
            draft.rows.Add((levels[r].Key, levels[r].Label, false, rowCells[r]));
        }

        draft.rows.Add((TotalKey, "Total", true, totalCells));
        return draft;
    }

    /// <summary>
    /// Rates of items a person can have several of (barriers, plan actions): each row is an item; each
    /// column a group of people (n shared down the column); each cell how many of the group have the item.
    /// Rows do not add up (a person counts in several), but each row adds up across the groups to its "All" cell.
    /// </summary>
    public static TableDraft MultipleResponse(
        string id, string title, string description, string rowHeading,
        IReadOnlyList<Level> columnLevels, IReadOnlyList<int> columnPopulations, string allLabel,
        IReadOnlyList<(Level Item, IReadOnlyList<int> Counts)> items)
    {
        ArgumentNullException.ThrowIfNull(columnLevels);
        ArgumentNullException.ThrowIfNull(columnPopulations);
        ArgumentNullException.ThrowIfNull(items);
        var draft = new TableDraft(id, title, description, rowHeading);
        foreach (var column in columnLevels)
        {
            draft.columns.Add(new TableColumn(column.Key, column.Label, CellKind.Rate));
        }

        draft.columns.Add(new TableColumn(AllKey, allLabel, CellKind.Rate));
        var populations = columnPopulations.Select(draft.grid.Add).ToList();
        var allPopulation = draft.grid.Add(columnPopulations.Sum());
        draft.grid.AddLine(allPopulation, populations);
        foreach (var (item, counts) in items)
        {
            var cells = counts.Select((count, c) => draft.RateCellsOver(populations[c], count)).ToList();
            var all = draft.RateCellsOver(allPopulation, counts.Sum());
            draft.grid.AddLine(all.Count, cells.Select(x => x.Count));
            draft.grid.AddLine(all.Complement, cells.Select(x => x.Complement));
            draft.rows.Add((item.Key, item.Label, false, [.. cells, all]));
        }

        return draft;
    }

    /// <summary>A free-form table: add columns and rows yourself (costs, caseload bands).</summary>
    public static TableDraft Empty(string id, string title, string description, string rowHeading) => new(id, title, description, rowHeading);

    public void AddColumn(string key, string label, CellKind kind) => columns.Add(new TableColumn(key, label, kind));

    /// <summary>A count cell in the grid (for lines you add with <see cref="Line"/>).</summary>
    public int Cell(int value) => grid.Add(value);

    public void Line(int total, IEnumerable<int> parts) => grid.AddLine(total, parts);

    public object CountCell(int cell, int? columnTotal = null) => new CountDraft(cell, columnTotal);

    public object CostCell(int outcomesCell, decimal? amount) => new CostDraft(outcomesCell, amount);

    /// <summary>A rate cell over a population cell already in the grid; gives the grid cells of its count and complement for lines.</summary>
    public object RateCell(int populationCell, int count, out int countCell, out int complementCell)
    {
        var cell = RateCellsOver(populationCell, count);
        countCell = cell.Count;
        complementCell = cell.Complement;
        return cell;
    }

    public void AddRow(string key, string label, bool isTotal, IEnumerable<object> cells) =>
        rows.Add((key, label, isTotal, [.. cells.Cast<Draft>()]));

    private RateDraft RateCells(int population, int count)
    {
        var n = grid.Add(population);
        return RateCellsOver(n, count);
    }

    private RateDraft RateCellsOver(int populationCell, int count)
    {
        var a = grid.Add(count);
        var b = grid.Add(grid.Value(populationCell) - count);
        grid.AddLine(populationCell, [a, b]);
        return new RateDraft(populationCell, a, b);
    }

    /// <summary>The finished table: with every small cell hidden (what an evaluator sees or downloads), or as it is.</summary>
    public EvaluationTable Finish(bool suppress)
    {
        var hidden = suppress ? grid.Suppress() : new bool[grid.Count];
        var suppressedCount = 0;
        TableCell Cell(Draft draft)
        {
            switch (draft)
            {
                case CountDraft c:
                    {
                        var n = grid.Value(c.N);
                        var off = hidden[c.N];
                        suppressedCount += off ? 1 : 0;
                        var share = off || c.ColumnTotal is not { } t || hidden[t] ? null : RateMath.Fraction(n, grid.Value(t));
                        return new TableCell(off ? null : n, null, null, share, null, off, off);
                    }

                case RateDraft r:
                    {
                        var nOff = hidden[r.N];
                        var off = nOff || hidden[r.Count];
                        suppressedCount += off ? 1 : 0;
                        var n = grid.Value(r.N);
                        var count = grid.Value(r.Count);
                        return new TableCell(nOff ? null : n, off ? null : count, off ? null : RateMath.Fraction(count, n), null, null, off, nOff);
                    }

                case CostDraft k:
                    {
                        var off = hidden[k.N];
                        suppressedCount += off ? 1 : 0;
                        return new TableCell(off ? null : grid.Value(k.N), null, null, null, off ? null : k.Amount, off, off);
                    }

                default:
                    throw new InvalidOperationException("Unknown cell.");
            }
        }

        var finished = rows.Select(r => new TableRow(r.Key, r.Label, r.IsTotal, [.. r.Cells.Select(Cell)])).ToList();
        return new EvaluationTable(id, title, description, rowHeading, columns, finished, suppress, suppressedCount, Note);
    }
}
