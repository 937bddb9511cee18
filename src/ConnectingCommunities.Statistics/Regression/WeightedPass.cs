using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ConnectingCommunities.Statistics.Regression;

/// <summary>
/// One streaming pass over the design matrix, the only part of a fit whose cost grows
/// with the number of rows. For given coefficients it computes, row by row, the linear
/// predictor, the fitted probability, the row's deviance, the IRLS weight and working
/// residual, and accumulates the weighted cross-products X'WX and X'Wr of the model
/// columns, all while the row is in cache, so the matrix is read from memory once.
/// </summary>
/// <remarks>
/// The rows are cut into fixed chunks, each with its own accumulator, processed on all
/// cores and then added up in chunk order: the result does not depend on the number of
/// cores or on scheduling. Within a chunk, blocks of rows are copied (and weighted) into
/// small padded buffers that stay in L1 cache, and a register-blocked kernel adds their
/// contribution to X'WX, four rows by eight columns of the product at a time.
/// </remarks>
internal sealed class WeightedPass
{
    /// <summary>Rows per chunk: the unit of parallel work and of deterministic summation.</summary>
    internal const int ChunkRows = 8192;

    /// <summary>Rows per block: two padded blocks of this many rows fit in L1 cache.</summary>
    private const int BlockRows = 32;

    // R's thresholds in its logit link (src/library/stats/src/family.c).
    private const double Threshold = 30.0;
    private const double InverseEpsilon = 1.0 / MachineEpsilon;

    /// <summary>DBL_EPSILON, 2^-52 (.NET's double.Epsilon is the smallest subnormal instead).</summary>
    internal const double MachineEpsilon = 2.220446049250313e-16;

    private readonly double[] x;
    private readonly double[] y;
    private readonly int rowCount;
    private readonly int columnCount;
    private readonly int[] modelColumns;
    private readonly bool identityColumns;
    private readonly int modelCount;
    private readonly int stride;
    private readonly int chunkCount;
    private readonly double[] chunkCross;
    private readonly double[] chunkDeviance;
    private readonly int[] chunkBoundary;
    private readonly ParallelOptions parallelOptions;

    internal WeightedPass(DesignMatrix design, int[] modelColumns, int? maxDegreeOfParallelism)
    {
        x = design.Values;
        y = design.OutcomeArray;
        rowCount = design.RowCount;
        columnCount = design.ColumnCount;
        this.modelColumns = modelColumns;
        modelCount = modelColumns.Length;
        identityColumns = modelCount == columnCount && modelColumns.Select((c, i) => c == i).All(b => b);

        // One spare column for the working response, then padding to whole kernel tiles.
        stride = ((modelCount + 1 + 7) / 8) * 8;
        chunkCount = Math.Max(1, (rowCount + ChunkRows - 1) / ChunkRows);
        chunkCross = new double[(long)chunkCount * stride * stride];
        chunkDeviance = new double[chunkCount];
        chunkBoundary = new int[chunkCount];
        parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
    }

    internal int ModelCount => modelCount;

    internal int Stride => stride;

    /// <summary>
    /// Runs the pass. With <paramref name="coefficients"/> null it uses R's starting values
    /// (fitted probabilities (y + 0.5) / 2) and accumulates X'Wz for the working response z;
    /// otherwise eta = X b and it accumulates X'Wr for the working residual r = (y - mu) / mu'(eta),
    /// so the solve yields the step from b.
    /// </summary>
    /// <param name="coefficients">One coefficient per design column (0 for columns out of the model), or null for R's start.</param>
    /// <param name="statistics">Per-column statistics to collect (only on a pass over every column), or null.</param>
    internal PassResult Run(double[]? coefficients, ColumnStatistics? statistics)
    {
        if (statistics is not null && !identityColumns)
        {
            throw new InvalidOperationException("Column statistics need a pass over every column.");
        }

        statistics?.Reset(chunkCount, stride);
        if (chunkCount == 1 || parallelOptions.MaxDegreeOfParallelism == 1)
        {
            var scratch = new Scratch(stride);
            for (var chunk = 0; chunk < chunkCount; chunk++)
            {
                ProcessChunk(chunk, scratch, coefficients, statistics);
            }
        }
        else
        {
            Parallel.For(
                0,
                chunkCount,
                parallelOptions,
                () => new Scratch(stride),
                (chunk, _, scratch) =>
                {
                    ProcessChunk(chunk, scratch, coefficients, statistics);
                    return scratch;
                },
                _ => { });
        }

        return Reduce();
    }

    private PassResult Reduce()
    {
        var size = stride * stride;
        var total = new double[size];
        var deviance = 0.0;
        var boundary = 0;
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(total, chunkCross.AsSpan(chunk * size, size), total);
            deviance += chunkDeviance[chunk];
            boundary += chunkBoundary[chunk];
        }

        var m = modelCount;
        var cross = new double[m, m];
        var rhs = new double[m];
        for (var j = 0; j < m; j++)
        {
            for (var k = j; k < m; k++)
            {
                cross[j, k] = total[(j * stride) + k];
                cross[k, j] = cross[j, k];
            }

            rhs[j] = total[(j * stride) + m];
        }

        return new PassResult(cross, rhs, deviance, boundary);
    }

    private void ProcessChunk(int chunk, Scratch scratch, double[]? coefficients, ColumnStatistics? statistics)
    {
        var first = chunk * ChunkRows;
        var end = Math.Min(rowCount, first + ChunkRows);
        var size = stride * stride;
        var accumulator = chunkCross.AsSpan(chunk * size, size);
        accumulator.Clear();
        var deviance = 0.0;
        var boundary = 0;
        for (var blockStart = first; blockStart < end; blockStart += BlockRows)
        {
            var rows = Math.Min(BlockRows, end - blockStart);
            for (var i = 0; i < rows; i++)
            {
                var row = blockStart + i;
                var rowValues = x.AsSpan((int)((long)row * columnCount), columnCount);
                var yi = y[row];
                double eta;
                double mu;
                if (coefficients is null)
                {
                    // glm.fit's start for binomial: mustart = (weights * y + 0.5) / (weights + 1).
                    mu = (yi + 0.5) / 2.0;
                    eta = Math.Log(mu / (1.0 - mu));
                }
                else
                {
                    eta = Dot(rowValues, coefficients);
                    mu = LinkInverse(eta);
                }

                var muEta = MuEta(eta);
                var weight = muEta * muEta / (mu * (1.0 - mu));
                var residual = (yi - mu) / muEta;
                deviance += yi == 1.0 ? 2.0 * Math.Log(1.0 / mu) : 2.0 * Math.Log(1.0 / (1.0 - mu));
                if (mu > 1.0 - (10.0 * MachineEpsilon) || mu < 10.0 * MachineEpsilon)
                {
                    boundary++;
                }

                var xb = scratch.X.AsSpan(i * stride, stride);
                var wb = scratch.W.AsSpan(i * stride, stride);
                if (identityColumns)
                {
                    rowValues.CopyTo(xb);
                }
                else
                {
                    for (var c = 0; c < modelCount; c++)
                    {
                        xb[c] = rowValues[modelColumns[c]];
                    }
                }

                System.Numerics.Tensors.TensorPrimitives.Multiply(xb[..modelCount], weight, wb[..modelCount]);
                xb[modelCount] = coefficients is null ? eta + residual : residual;
            }

            statistics?.Add(chunk, scratch.X, y.AsSpan(blockStart, rows), rows, stride);
            if (Vector256.IsHardwareAccelerated)
            {
                AccumulateVectorised(scratch.W, scratch.X, rows, accumulator, modelCount, stride);
            }
            else
            {
                AccumulateScalar(scratch.W, scratch.X, rows, accumulator, modelCount, stride);
            }
        }

        chunkDeviance[chunk] = deviance;
        chunkBoundary[chunk] = boundary;
    }

    /// <summary>R's logit inverse link, with its cut-offs at |eta| &gt; 30.</summary>
    internal static double LinkInverse(double eta)
    {
        var t = eta < -Threshold ? MachineEpsilon : eta > Threshold ? InverseEpsilon : Math.Exp(eta);
        return t / (1.0 + t);
    }

    /// <summary>R's derivative of the logit inverse link, DBL_EPSILON beyond |eta| &gt; 30.</summary>
    internal static double MuEta(double eta)
    {
        if (eta > Threshold || eta < -Threshold)
        {
            return MachineEpsilon;
        }

        var e = Math.Exp(eta);
        var opexp = 1.0 + e;
        return e / (opexp * opexp);
    }

    private static double Dot(ReadOnlySpan<double> row, double[] coefficients)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var b = ref MemoryMarshal.GetArrayDataReference(coefficients);
        var n = row.Length;
        var j = 0;
        var sum = 0.0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            var acc = Vector256<double>.Zero;
            for (; j <= n - 4; j += 4)
            {
                acc = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref r, (nuint)j), Vector256.LoadUnsafe(ref b, (nuint)j), acc);
            }

            sum = Vector256.Sum(acc);
        }

        for (; j < n; j++)
        {
            sum += Unsafe.Add(ref r, j) * Unsafe.Add(ref b, j);
        }

        return sum;
    }

    /// <summary>
    /// accumulator[j, k] += sum over rows of w[i, j] * x[i, k] for the tiles on or above the
    /// diagonal: four accumulator rows by eight columns held in eight registers while the
    /// block's rows stream past.
    /// </summary>
    private static void AccumulateVectorised(double[] w, double[] x, int rows, Span<double> accumulator, int m, int stride)
    {
        ref var wRef = ref MemoryMarshal.GetArrayDataReference(w);
        ref var xRef = ref MemoryMarshal.GetArrayDataReference(x);
        ref var aRef = ref MemoryMarshal.GetReference(accumulator);
        var s = (nuint)stride;
        for (var jb = 0; jb < m; jb += 4)
        {
            for (var kb = jb & ~7; kb <= m; kb += 8)
            {
                ref var a = ref Unsafe.Add(ref aRef, (jb * stride) + kb);
                var c00 = Vector256.LoadUnsafe(ref a);
                var c01 = Vector256.LoadUnsafe(ref a, 4);
                var c10 = Vector256.LoadUnsafe(ref a, s);
                var c11 = Vector256.LoadUnsafe(ref a, s + 4);
                var c20 = Vector256.LoadUnsafe(ref a, 2 * s);
                var c21 = Vector256.LoadUnsafe(ref a, (2 * s) + 4);
                var c30 = Vector256.LoadUnsafe(ref a, 3 * s);
                var c31 = Vector256.LoadUnsafe(ref a, (3 * s) + 4);
                ref var xr = ref Unsafe.Add(ref xRef, kb);
                ref var wr = ref Unsafe.Add(ref wRef, jb);
                for (var i = 0; i < rows; i++)
                {
                    var x0 = Vector256.LoadUnsafe(ref xr);
                    var x1 = Vector256.LoadUnsafe(ref xr, 4);
                    var w0 = Vector256.Create(wr);
                    var w1 = Vector256.Create(Unsafe.Add(ref wr, 1));
                    var w2 = Vector256.Create(Unsafe.Add(ref wr, 2));
                    var w3 = Vector256.Create(Unsafe.Add(ref wr, 3));
                    c00 = Vector256.MultiplyAddEstimate(w0, x0, c00);
                    c01 = Vector256.MultiplyAddEstimate(w0, x1, c01);
                    c10 = Vector256.MultiplyAddEstimate(w1, x0, c10);
                    c11 = Vector256.MultiplyAddEstimate(w1, x1, c11);
                    c20 = Vector256.MultiplyAddEstimate(w2, x0, c20);
                    c21 = Vector256.MultiplyAddEstimate(w2, x1, c21);
                    c30 = Vector256.MultiplyAddEstimate(w3, x0, c30);
                    c31 = Vector256.MultiplyAddEstimate(w3, x1, c31);
                    xr = ref Unsafe.Add(ref xr, stride);
                    wr = ref Unsafe.Add(ref wr, stride);
                }

                c00.StoreUnsafe(ref a);
                c01.StoreUnsafe(ref a, 4);
                c10.StoreUnsafe(ref a, s);
                c11.StoreUnsafe(ref a, s + 4);
                c20.StoreUnsafe(ref a, 2 * s);
                c21.StoreUnsafe(ref a, (2 * s) + 4);
                c30.StoreUnsafe(ref a, 3 * s);
                c31.StoreUnsafe(ref a, (3 * s) + 4);
            }
        }
    }

    private static void AccumulateScalar(double[] w, double[] x, int rows, Span<double> accumulator, int m, int stride)
    {
        for (var i = 0; i < rows; i++)
        {
            var o = i * stride;
            for (var j = 0; j < m; j++)
            {
                var wj = w[o + j];
                for (var k = j; k <= m; k++)
                {
                    accumulator[(j * stride) + k] += wj * x[o + k];
                }
            }
        }
    }

    /// <summary>Per-thread block buffers; the padding columns are zero and stay so.</summary>
    private sealed class Scratch(int stride)
    {
        public double[] X { get; } = new double[BlockRows * stride];

        public double[] W { get; } = new double[BlockRows * stride];
    }
}

/// <summary>The sums from one pass: X'WX and X'Wr (or X'Wz) of the model columns, the deviance, and how many fitted probabilities were numerically 0 or 1.</summary>
internal sealed record PassResult(double[,] Cross, double[] Rhs, double Deviance, int BoundaryCount);
