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

            var home = groups.Find(g => g.TrueForAll(member => startCross[column, member] == 0.0));
            if (home is null)
            {
                groups.Add([column]);
            }
            else
            {
                home.Add(column);
            }
        }

        return groups.Where(g => g.Count >= 2).Select(g => g.ToArray()).ToList();
    }
}
