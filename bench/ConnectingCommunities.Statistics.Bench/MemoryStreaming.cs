using System.Runtime.Intrinsics;
using ConnectingCommunities.Statistics.Regression;

namespace ConnectingCommunities.Statistics.Bench;

/// <summary>
/// The floor: reading every value of the design matrix from memory once, on all cores,
/// doing as little with it as possible (a vectorised sum, so the reads cannot be skipped).
/// </summary>
public static class MemoryStreaming
{
    public static double ReadOnce(DesignMatrix design)
    {
        var rows = design.RowCount;
        var columns = design.ColumnCount;
        var threads = Environment.ProcessorCount;
        var sums = new double[threads];
        Parallel.For(0, threads, t =>
        {
            var first = (int)((long)rows * t / threads);
            var end = (int)((long)rows * (t + 1) / threads);
            var acc0 = Vector256<double>.Zero;
            var acc1 = Vector256<double>.Zero;
            for (var i = first; i < end; i++)
            {
                var row = design.GetRow(i);
                var j = 0;
                for (; j <= columns - 8; j += 8)
                {
                    acc0 += Vector256.Create(row.Slice(j, 4));
                    acc1 += Vector256.Create(row.Slice(j + 4, 4));
                }

                for (; j < columns; j++)
                {
                    acc0 += Vector256.CreateScalar(row[j]);
                }
            }

            sums[t] = Vector256.Sum(acc0 + acc1);
        });
        return sums.Sum();
    }
}
