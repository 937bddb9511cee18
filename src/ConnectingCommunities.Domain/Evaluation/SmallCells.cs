namespace ConnectingCommunities.Domain.Evaluation;

/// <summary>
/// Small-cell suppression for tables of counts that leave the commissioner's screen (what an evaluator
/// sees or downloads). Cells are counts of people (or of contacts); lines say which cells add up to
/// which totals. <see cref="Suppress"/> applies
/// <list type="bullet">
/// <item><b>primary suppression</b>: every count from 1 to 9 (<see cref="Threshold"/>) is hidden. A zero
/// is shown: it identifies nobody.</item>
/// <item><b>secondary suppression</b>: wherever a line (parts and their total) has exactly one hidden
/// member, that member could be worked out by subtraction, so one more is hidden: the smallest
/// non-zero visible part (the least information lost), else a zero part, else the total. This is
/// repeated until no line has exactly one hidden member.</item>
/// </list>
/// A rate's complement (people without the outcome) is a cell of its own, so a rate whose numerator
/// or complement is small is hidden too. The rule protects each table on its own; it is the widely
/// used heuristic of official statistics, not an optimal (linear-programming) cell suppression.
/// </summary>
public sealed class SmallCells
{
    /// <summary>Counts below this (and above zero) are never shown to an evaluator.</summary>
    public const int Threshold = 10;

    /// <summary>What a hidden figure shows instead (the Government Statistical Service's symbol for confidential).</summary>
    public const string Symbol = "[c]";

    /// <summary>The footnote beside every suppressed table.</summary>
    public const string Explanation =
        "[c] confidential: the figure is fewer than 10 people, or would let such a figure be worked out from a total, so it is not shown.";

    private readonly List<int> values = [];
    private readonly List<(int Total, int[] Parts)> lines = [];

    /// <summary>How many cells have been added.</summary>
    public int Count => values.Count;

    /// <summary>Whether a count is small enough to hide on its own.</summary>
    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>Adds a cell with its count; returns its index.</summary>
    public int Add(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        values.Add(count);
        return values.Count - 1;
    }

    /// <summary>The count of a cell.</summary>
    public int Value(int cell) => values[cell];

    /// <summary>Says that the parts add up to the total (a row or column of a table and its margin).</summary>
    public void AddLine(int total, IEnumerable<int> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var array = parts.ToArray();
        foreach (var cell in array.Append(total))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cell);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, values.Count);
        }

        if (array.Sum(p => values[p]) != values[total])
        {
            throw new ArgumentException("The parts do not add up to the total.", nameof(parts));
        }

        lines.Add((total, array));
    }

    /// <summary>Which cells to hide: index i is true when cell i must be shown as <see cref="Symbol"/>.</summary>
    public bool[] Suppress()
    {
        var hidden = values.Select(IsSmall).ToArray();
        bool changed;
        do
        {
            changed = false;
            foreach (var (total, parts) in lines)
            {
                var members = parts.Append(total).Distinct().ToList();
                if (members.Count(m => hidden[m]) != 1)
                {
                    continue;
                }

                var next = parts.Where(p => !hidden[p] && values[p] > 0).OrderBy(p => values[p]).ThenBy(p => p).Cast<int?>().FirstOrDefault()
                    ?? parts.Where(p => !hidden[p]).Cast<int?>().FirstOrDefault()
                    ?? (hidden[total] ? null : total);
                if (next is { } cell)
                {
                    hidden[cell] = true;
                    changed = true;
                }
            }
        }
        while (changed);

        return hidden;
    }
}
