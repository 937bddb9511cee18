using System.Runtime.Intrinsics;

namespace ConnectingCommunities.Statistics.Regression;

/// <summary>
/// Per-column summaries by outcome, gathered during the first pass for the separation
/// checks: the range of each column among rows with outcome 0 and with outcome 1, the sum
/// of the column in each group (for a 0/1 column, how many rows with a 1 are in each group),
/// and whether the column holds anything other than 0 and 1.
/// </summary>
internal sealed class ColumnStatistics
{
    private int stride;
    private double[] min0 = [];
    private double[] max0 = [];
    private double[] min1 = [];
    private double[] max1 = [];
    private double[] sum0 = [];
    private double[] sum1 = [];
    private double[] nonBinary = [];

    internal void Reset(int chunkCount, int stride)
    {
        this.stride = stride;
        var length = chunkCount * stride;
        min0 = Filled(length, double.PositiveInfinity);
        min1 = Filled(length, double.PositiveInfinity);
        max0 = Filled(length, double.NegativeInfinity);
        max1 = Filled(length, double.NegativeInfinity);
        sum0 = new double[length];
        sum1 = new double[length];
        nonBinary = new double[length];
    }

    /// <summary>Adds a block of rows (padded to <paramref name="blockStride"/>) from one chunk.</summary>
    internal void Add(int chunk, double[] block, ReadOnlySpan<double> outcome, int rows, int blockStride)
    {
        var at = chunk * stride;
        for (var i = 0; i < rows; i++)
        {
            var row = block.AsSpan(i * blockStride, blockStride);
            var isEvent = outcome[i] == 1.0;
            var min = (isEvent ? min1 : min0).AsSpan(at, stride);
            var max = (isEvent ? max1 : max0).AsSpan(at, stride);
            var sum = (isEvent ? sum1 : sum0).AsSpan(at, stride);
            var odd = nonBinary.AsSpan(at, stride);
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j <= blockStride - 4; j += 4)
                {
                    var v = Vector256.Create(row.Slice(j, 4));
                    Vector256.Min(Vector256.Create(min.Slice(j, 4)), v).CopyTo(min.Slice(j, 4));
                    Vector256.Max(Vector256.Create(max.Slice(j, 4)), v).CopyTo(max.Slice(j, 4));
                    (Vector256.Create(sum.Slice(j, 4)) + v).CopyTo(sum.Slice(j, 4));

                    // |x (1 - x)| is 0 exactly when x is 0 or 1.
                    (Vector256.Create(odd.Slice(j, 4)) + Vector256.Abs(v * (Vector256<double>.One - v))).CopyTo(odd.Slice(j, 4));
                }
            }

            for (; j < blockStride; j++)
            {
                var v = row[j];
                min[j] = Math.Min(min[j], v);
                max[j] = Math.Max(max[j], v);
                sum[j] += v;
                odd[j] += Math.Abs(v * (1.0 - v));
            }
        }
    }

    /// <summary>The summaries of one column, added up over the chunks in order.</summary>
    internal ColumnSummary Summarise(int column)
    {
        var chunks = min0.Length / stride;
        var summary = new ColumnSummary(double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity, 0, 0, true);
        for (var c = 0; c < chunks; c++)
        {
            var i = (c * stride) + column;
            summary = summary with
            {
                Min0 = Math.Min(summary.Min0, min0[i]),
                Max0 = Math.Max(summary.Max0, max0[i]),
                Min1 = Math.Min(summary.Min1, min1[i]),
                Max1 = Math.Max(summary.Max1, max1[i]),
                Sum0 = summary.Sum0 + sum0[i],
                Sum1 = summary.Sum1 + sum1[i],
                IsBinary = summary.IsBinary && nonBinary[i] == 0.0,
            };
        }

        return summary;
    }

    private static double[] Filled(int length, double value)
    {
        var array = new double[length];
        Array.Fill(array, value);
        return array;
    }
}

/// <summary>One column's summaries by outcome group (0 and 1).</summary>
internal sealed record ColumnSummary(double Min0, double Max0, double Min1, double Max1, double Sum0, double Sum1, bool IsBinary);
