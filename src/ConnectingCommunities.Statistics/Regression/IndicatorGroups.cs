namespace ConnectingCommunities.Statistics.Regression;

/// <summary>
/// Finds groups of mutually exclusive 0/1 columns, such as a factor's dummies, whose
/// cross-products can be accumulated sparsely (one scatter-add per group and row instead of
/// a dense row of products per column).
/// </summary>
/// <remarks>
/// Found from the data rather than from the terms, so a design wrapped with
/// <see cref="DesignMatrix.FromRowMajor"/> benefits too: a column qualifies when the first
/// pass saw only 0 and 1 in it and at most half of it is 1; two columns are exclusive when
/// their cross-product in the first pass (with equal weights) is exactly 0, that is, no row
/// has a 1 in both. Columns are grouped greedily in order; single columns stay dense.
/// Grouping is used only when it pays: a scatter-add touches memory, and measured on the
/// benchmark machine one costs about as much as 4.5 products of the dense kernel, so the
/// products saved (the grouped columns' rows of X'WX) must outnumber 4.5 times the values
/// scattered (one row of the dense columns per group). Many-level factors gain most; three
/// factors of 4 or 5 levels beside 19 numeric covariates do not.
/// </remarks>
internal static class IndicatorGroups
{
    internal static List<int[]> Find(int[] kept, ColumnStatistics statistics, double[,] startCross, int rowCount)
    {
        var groups = new List<List<int>>();
        foreach (var column in kept)
        {
            if (column == 0)
            {
                continue;
            }

            var summary = statistics.Summarise(column);
            var ones = summary.Sum0 + summary.Sum1;
            if (!summary.IsBinary || ones <= 0 || ones > rowCount / 2.0)
            {
                continue;
            }

            // A level is kept in a byte, so a group holds at most 255 columns.
            var home = groups.Find(g => g.Count < 255 && g.TrueForAll(member => startCross[column, member] == 0.0));
            if (home is null)
            {
                groups.Add([column]);
            }
            else
            {
                home.Add(column);
            }
        }

        var found = groups.Where(g => g.Count >= 2).Select(g => g.ToArray()).ToList();
        return WorthGrouping(kept.Length, found) ? found : [];
    }

    /// <summary>Whether accumulating the groups sparsely should beat the dense kernel.</summary>
    internal static bool WorthGrouping(int modelCount, IReadOnlyList<int[]> groups)
    {
        const double ScatterCost = 4.5;
        static double Triangle(int n) => n * (n + 1) / 2.0;
        var dense = modelCount - groups.Sum(g => g.Length);

        // With the working response's column, the dense kernel covers an upper triangle of
        // (columns + 1); grouping leaves that of (dense columns + 1).
        var saved = Triangle(modelCount + 1) - Triangle(dense + 1);
        var scattered = groups.Count * (dense + 1);
        return groups.Count > 0 && saved > ScatterCost * scattered;
    }
}
