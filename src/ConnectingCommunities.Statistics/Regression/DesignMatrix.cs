namespace ConnectingCommunities.Statistics.Regression;

/// <summary>
/// A model matrix with its binary outcome, after listwise deletion: one row per observation
/// used, one column per <see cref="DesignTerm"/>, the first column being the intercept.
/// </summary>
/// <remarks>
/// The values are held row-major in one contiguous array so that a fit streams through
/// memory once per iteration. Build one from columns with <see cref="DesignMatrixBuilder"/>,
/// or wrap an existing array without copying it with <see cref="FromRowMajor"/>.
/// </remarks>
public sealed class DesignMatrix
{
    private readonly double[] values;
    private readonly double[] outcome;

    internal DesignMatrix(
        double[] values,
        int rowCount,
        IReadOnlyList<DesignTerm> terms,
        double[] outcome,
        int droppedRowCount,
        IReadOnlyList<string> notes)
    {
        this.values = values;
        this.outcome = outcome;
        RowCount = rowCount;
        Terms = terms;
        DroppedRowCount = droppedRowCount;
        Notes = notes;
    }

    /// <summary>The number of observations (rows) used.</summary>
    public int RowCount { get; }

    /// <summary>The number of columns, the intercept included.</summary>
    public int ColumnCount => Terms.Count;

    /// <summary>The columns, in order; the first is the intercept.</summary>
    public IReadOnlyList<DesignTerm> Terms { get; }

    /// <summary>The number of input rows left out because a value they needed was missing.</summary>
    public int DroppedRowCount { get; }

    /// <summary>
    /// Plain-English remarks made while building the matrix (for example a factor left out
    /// because only one of its levels remained); a fit repeats them among its warnings.
    /// </summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The outcome of each row used: 0 or 1.</summary>
    public ReadOnlySpan<double> Outcome => outcome;

    /// <summary>The value in a given row and column.</summary>
    /// <param name="row">The row, from 0.</param>
    /// <param name="column">The column, from 0 (the intercept).</param>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
            return values[((long)row * ColumnCount) + column];
        }
    }

    internal double[] Values => values;

    internal double[] OutcomeArray => outcome;

    /// <summary>One row of the matrix.</summary>
    /// <param name="row">The row, from 0.</param>
    public ReadOnlySpan<double> GetRow(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return values.AsSpan((int)((long)row * ColumnCount), ColumnCount);
    }

    /// <summary>
    /// Wraps an existing row-major matrix of numeric covariates without copying it. Column 0
    /// must be the intercept (all ones); the other columns are numeric covariates.
    /// </summary>
    /// <param name="values">The values, row after row (<paramref name="rowCount"/> x <c>columnNames.Count</c>); not copied, so do not change it afterwards.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="columnNames">The column names; the first must be <c>(Intercept)</c>.</param>
    /// <param name="outcome">The outcome of each row, 0 or 1; not copied.</param>
    /// <exception cref="ArgumentException">The sizes disagree, a value is not finite, or an outcome is not 0 or 1.</exception>
    public static DesignMatrix FromRowMajor(double[] values, int rowCount, IReadOnlyList<string> columnNames, double[] outcome)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (columnNames.Count == 0 || columnNames[0] != DesignTerm.InterceptName)
        {
            throw new ArgumentException($"The first column must be the intercept, named '{DesignTerm.InterceptName}'.", nameof(columnNames));
        }

        if ((long)rowCount * columnNames.Count != values.LongLength)
        {
            throw new ArgumentException($"{rowCount} rows of {columnNames.Count} columns need {(long)rowCount * columnNames.Count} values, not {values.LongLength}.", nameof(values));
        }

        if (outcome.Length != rowCount)
        {
            throw new ArgumentException($"The outcome has {outcome.Length} values for {rowCount} rows.", nameof(outcome));
        }

        if (!AllFinite(values))
        {
            throw new ArgumentException("Every value of the design matrix must be a finite number.", nameof(values));
        }

        for (var i = 0; i < outcome.Length; i++)
        {
            if (outcome[i] is not (0.0 or 1.0))
            {
                throw new ArgumentException($"The outcome must be 0 or 1; row {i} holds {outcome[i]}.", nameof(outcome));
            }
        }

        var terms = new DesignTerm[columnNames.Count];
        terms[0] = DesignTerm.Intercept;
        for (var j = 1; j < terms.Length; j++)
        {
            terms[j] = new DesignTerm(columnNames[j], columnNames[j], DesignTermKind.Numeric);
        }

        return new DesignMatrix(values, rowCount, terms, outcome, 0, []);
    }

    private static bool AllFinite(double[] values)
    {
        // x * 0 is 0 for every finite x and NaN for infinities and NaN, so one vectorised
        // sum tells whether any value is not finite.
        var span = values.AsSpan();
        var acc = System.Numerics.Vector<double>.Zero;
        var width = System.Numerics.Vector<double>.Count;
        var i = 0;
        for (; i <= span.Length - width; i += width)
        {
            acc += new System.Numerics.Vector<double>(span[i..]) * System.Numerics.Vector<double>.Zero;
        }

        var total = System.Numerics.Vector.Sum(acc);
        for (; i < span.Length; i++)
        {
            total += span[i] * 0.0;
        }

        return total == 0.0;
    }
}
