using System.Runtime.InteropServices;
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
        if (!Vector256.IsHardwareAccelerated)
        {
            AddScalar(at, block, outcome, rows, blockStride, 0);
            return;
        }

        // Four columns at a time, the seven running summaries held in registers while the
        // block's rows stream past; the outcome picks, without branches, which group's
        // minimum, maximum and sum a row updates.
        ref var blockRef = ref MemoryMarshal.GetArrayDataReference(block);
        var one = Vector256<double>.One;
        var j = 0;
        for (; j <= blockStride - 4; j += 4)
        {
            var index = at + j;
            var lo0 = Vector256.Create(min0.AsSpan(index, 4));
            var hi0 = Vector256.Create(max0.AsSpan(index, 4));
            var lo1 = Vector256.Create(min1.AsSpan(index, 4));
            var hi1 = Vector256.Create(max1.AsSpan(index, 4));
            var s0 = Vector256.Create(sum0.AsSpan(index, 4));
            var s1 = Vector256.Create(sum1.AsSpan(index, 4));
            var odd = Vector256.Create(nonBinary.AsSpan(index, 4));
            for (var i = 0; i < rows; i++)
            {
                var v = Vector256.LoadUnsafe(ref blockRef, (nuint)((i * blockStride) + j));
                var isEvent = Vector256.Equals(Vector256.Create(outcome[i]), one);
                lo1 = Vector256.ConditionalSelect(isEvent, Vector256.Min(lo1, v), lo1);
                hi1 = Vector256.ConditionalSelect(isEvent, Vector256.Max(hi1, v), hi1);
                lo0 = Vector256.ConditionalSelect(isEvent, lo0, Vector256.Min(lo0, v));
                hi0 = Vector256.ConditionalSelect(isEvent, hi0, Vector256.Max(hi0, v));
                s1 += v & isEvent;
                s0 += Vector256.AndNot(v, isEvent);

                // |x (1 - x)| is 0 exactly when x is 0 or 1.
                odd += Vector256.Abs(v * (one - v));
            }

            lo0.CopyTo(min0.AsSpan(index, 4));
            hi0.CopyTo(max0.AsSpan(index, 4));
            lo1.CopyTo(min1.AsSpan(index, 4));
            hi1.CopyTo(max1.AsSpan(index, 4));
            s0.CopyTo(sum0.AsSpan(index, 4));
            s1.CopyTo(sum1.AsSpan(index, 4));
            odd.CopyTo(nonBinary.AsSpan(index, 4));
        }

        AddScalar(at, block, outcome, rows, blockStride, j);
    }

    private void AddScalar(int at, double[] block, ReadOnlySpan<double> outcome, int rows, int blockStride, int firstColumn)
    {
        for (var i = 0; i < rows; i++)
        {
            var isEvent = outcome[i] == 1.0;
            for (var j = firstColumn; j < blockStride; j++)
            {
                var v = block[(i * blockStride) + j];
                var k = at + j;
                if (isEvent)
                {
                    min1[k] = Math.Min(min1[k], v);
                    max1[k] = Math.Max(max1[k], v);
                    sum1[k] += v;
                }
                else
                {
                    min0[k] = Math.Min(min0[k], v);
                    max0[k] = Math.Max(max0[k], v);
                    sum0[k] += v;
                }

                nonBinary[k] += Math.Abs(v * (1.0 - v));
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
