using System.Globalization;

namespace ConnectingCommunities.Statistics.Regression;

/// <summary>
/// Builds a <see cref="DesignMatrix"/> from named columns: numeric covariates as they are,
/// categorical covariates in treatment coding against a chosen reference level, and an
/// intercept first. A row with a missing value in the outcome or in any covariate is left
/// out whole (listwise deletion, as R's <c>na.omit</c>), and counted.
/// </summary>
/// <example>
/// <code>
/// var design = new DesignMatrixBuilder(rows)
///     .AddNumeric("age", ages)
///     .AddCategorical("race", races, referenceLevel: "white")
///     .Build(lowBirthWeight);
/// var fit = LogisticRegression.Fit(design);
/// </code>
/// </example>
/// <param name="rowCount">The number of input rows; every column must have this many values.</param>
public sealed class DesignMatrixBuilder(int rowCount)
{
    private readonly List<Column> columns = [];

    /// <summary>The number of input rows.</summary>
    public int RowCount { get; } = rowCount >= 0 ? rowCount : throw new ArgumentOutOfRangeException(nameof(rowCount));

    /// <summary>Adds a numeric covariate; <see cref="double.NaN"/> marks a missing value.</summary>
    /// <param name="name">The covariate's name, used as the term's name.</param>
    /// <param name="values">One value per input row.</param>
    /// <returns>This builder.</returns>
    public DesignMatrixBuilder AddNumeric(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckNew(name, values.Count);
        var copy = new double[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var v = values[i];
            if (double.IsInfinity(v))
            {
                throw new ArgumentException($"Column '{name}' holds an infinite value in row {i}.", nameof(values));
            }

            copy[i] = v;
        }

        columns.Add(new NumericColumn(name, copy));
        return this;
    }

    /// <summary>Adds a numeric covariate; <see langword="null"/> marks a missing value.</summary>
    /// <param name="name">The covariate's name, used as the term's name.</param>
    /// <param name="values">One value per input row.</param>
    /// <returns>This builder.</returns>
    public DesignMatrixBuilder AddNumeric(string name, IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return AddNumeric(name, values.Select(v => v ?? double.NaN).ToArray());
    }

    /// <summary>
    /// Adds a categorical covariate, coded as one 0/1 column per level other than the
    /// reference. <see langword="null"/>, the empty string and <c>NA</c> mark a missing value.
    /// </summary>
    /// <remarks>
    /// Levels are ordered numerically when every level is a number, otherwise by ordinal
    /// string comparison; the columns follow that order. Only levels present in the rows
    /// used count (as R's <c>glm</c>, which drops unused levels).
    /// </remarks>
    /// <param name="name">The covariate's name; its terms are named <c>name=level</c>.</param>
    /// <param name="values">One value per input row.</param>
    /// <param name="referenceLevel">The reference level; <see langword="null"/> for the smallest level.</param>
    /// <returns>This builder.</returns>
    public DesignMatrixBuilder AddCategorical(string name, IReadOnlyList<string?> values, string? referenceLevel = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckNew(name, values.Count);
        var copy = new string?[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = IsMissing(values[i]) ? null : values[i];
        }

        columns.Add(new CategoricalColumn(name, copy, referenceLevel));
        return this;
    }

    /// <summary>Whether a text value counts as missing: <see langword="null"/>, empty, blank or <c>NA</c>.</summary>
    /// <param name="value">The value.</param>
    public static bool IsMissing(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim() == "NA";

    /// <summary>
    /// Builds the matrix: the intercept, then each covariate in the order added, rows with a
    /// missing value anywhere (outcome included) left out.
    /// </summary>
    /// <param name="outcome">The outcome of each input row: 0, 1, or <see cref="double.NaN"/> when missing.</param>
    /// <returns>The design matrix with its outcome.</returns>
    /// <exception cref="ArgumentException">
    /// An outcome is neither 0, 1 nor missing; a reference level does not occur among the rows used; or the sizes disagree.
    /// </exception>
    public DesignMatrix Build(IReadOnlyList<double> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Count != RowCount)
        {
            throw new ArgumentException($"The outcome has {outcome.Count} values for {RowCount} rows.", nameof(outcome));
        }

        var keep = new bool[RowCount];
        var kept = 0;
        for (var i = 0; i < RowCount; i++)
        {
            var y = outcome[i];
            if (!double.IsNaN(y) && y is not (0.0 or 1.0))
            {
                throw new ArgumentException($"The outcome must be 0 or 1 (or missing); row {i} holds {y.ToString(CultureInfo.InvariantCulture)}.", nameof(outcome));
            }

            keep[i] = !double.IsNaN(y) && columns.TrueForAll(c => !c.IsMissing(i));
            if (keep[i])
            {
                kept++;
            }
        }

        var notes = new List<string>();
        var terms = new List<DesignTerm> { DesignTerm.Intercept };
        var encoders = new List<Encoder>();
        foreach (var column in columns)
        {
            if (column.Encode(keep, terms, notes) is { } encoder)
            {
                encoders.Add(encoder);
            }
        }

        var p = terms.Count;
        var values = new double[(long)kept * p];
        var y01 = new double[kept];
        var row = 0;
        for (var i = 0; i < RowCount; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            var offset = (int)((long)row * p);
            values[offset] = 1.0;
            var j = 1;
            foreach (var encoder in encoders)
            {
                encoder.Write(i, values, offset + j);
                j += encoder.Width;
            }

            y01[row] = outcome[i];
            row++;
        }

        return new DesignMatrix(values, kept, terms, y01, RowCount - kept, notes);
    }

    private void CheckNew(string name, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (count != RowCount)
        {
            throw new ArgumentException($"Column '{name}' has {count} values for {RowCount} rows.", nameof(name));
        }

        if (name == DesignTerm.InterceptName || columns.Exists(c => c.Name == name))
        {
            throw new ArgumentException($"There is already a column named '{name}'.", nameof(name));
        }
    }

    private abstract class Column(string name)
    {
        public string Name { get; } = name;

        public abstract bool IsMissing(int row);

        /// <summary>Adds the column's terms and returns how to write a row of them, or null when it has none.</summary>
        public abstract Encoder? Encode(bool[] keep, List<DesignTerm> terms, List<string> notes);
    }

    /// <summary>Writes one input row's values for a covariate's <paramref name="Width"/> terms.</summary>
    private sealed record Encoder(int Width, Action<int, double[], int> Write);

    private sealed class NumericColumn(string name, double[] values) : Column(name)
    {
        public override bool IsMissing(int row) => double.IsNaN(values[row]);

        public override Encoder? Encode(bool[] keep, List<DesignTerm> terms, List<string> notes)
        {
            terms.Add(new DesignTerm(Name, Name, DesignTermKind.Numeric));
            return new Encoder(1, (row, target, at) => target[at] = values[row]);
        }
    }

    private sealed class CategoricalColumn(string name, string?[] values, string? referenceLevel) : Column(name)
    {
        public override bool IsMissing(int row) => values[row] is null;

        public override Encoder? Encode(bool[] keep, List<DesignTerm> terms, List<string> notes)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Length; i++)
            {
                if (keep[i])
                {
                    present.Add(values[i]!);
                }
            }

            var levels = FactorLevels.Order(present);
            var reference = referenceLevel ?? (levels.Count > 0 ? levels[0] : null);
            if (referenceLevel is not null && !present.Contains(referenceLevel))
            {
                throw new ArgumentException(
                    $"The reference level '{referenceLevel}' does not occur in column '{Name}' among the rows used (levels: {string.Join(", ", levels)}).");
            }

            if (levels.Count < 2)
            {
                notes.Add(levels.Count == 0
                    ? $"The factor '{Name}' has no values among the rows used; it was left out."
                    : $"The factor '{Name}' has only one level ('{levels[0]}') among the rows used; it was left out.");
                return null;
            }

            var others = levels.Where(l => l != reference).ToArray();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < others.Length; k++)
            {
                index[others[k]] = k;
                terms.Add(new DesignTerm($"{Name}={others[k]}", Name, DesignTermKind.FactorLevel, others[k], reference));
            }

            return new Encoder(others.Length, (row, target, at) =>
            {
                // The target is freshly allocated, so only the one 1 needs writing.
                if (index.TryGetValue(values[row]!, out var k))
                {
                    target[at + k] = 1.0;
                }
            });
        }
    }
}
