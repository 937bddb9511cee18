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
/// cores or on scheduling. Within a chunk, blocks of 256 rows are copied (and weighted)
/// into padded buffers, the weights are computed for the block at once, and a
/// register-blocked kernel adds the block's contribution to X'WX over 32-row windows that
/// stay in L1 cache, four rows by eight columns of the product at a time. Groups of
/// mutually exclusive 0/1 columns can instead be accumulated sparsely (see
/// <see cref="IndicatorGroups"/>).
/// </remarks>
internal sealed class WeightedPass
{
    /// <summary>Rows per chunk: the unit of parallel work and of deterministic summation.</summary>
    internal const int ChunkRows = 8192;

    /// <summary>Rows per block: the weights are computed for this many rows at once (vectorised), and the block buffers stay in L2 cache.</summary>
    private const int BlockRows = 256;

    /// <summary>Rows per kernel window: two padded windows of this many rows fit in L1 cache.</summary>
    private const int WindowRows = 32;

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

    // The columns held densely in the block buffers (all model columns unless there are
    // indicator groups), and whether they are the design's first columns in order.
    private readonly int[] denseColumns;
    private readonly int denseCount;
    private readonly bool denseIsPrefix;

    // Groups of mutually exclusive 0/1 columns (a factor's dummies), handled sparsely: per
    // row, the weighted dense row is added to the row of the group's level that is 1 (or to
    // a spare row when none is), and w to a small table per pair of groups.
    private readonly int[][] groups;
    private readonly int[] groupBase;
    private readonly int sparseRows;
    private readonly int[,] pairBase;
    private readonly int chunkSize;

    // Each row's level in each group (0 for none), one byte each: they depend only on the
    // design, so they are worked out in the first pass that needs them and kept.
    private byte[]? levels;
    private bool levelsReady;
    private readonly double[] chunkCross;
    private readonly double[] chunkDeviance;
    private readonly int[] chunkBoundary;
    private readonly ParallelOptions parallelOptions;

    // AVX-512 halves the instructions per multiply-add; measured 7-10% faster per pass on
    // the development machine (AMD Zen 4), whose 512-bit units are two 256-bit ones.
    private readonly bool useVector512;

    /// <param name="design">The design matrix.</param>
    /// <param name="modelColumns">The design columns in the model, in the order of the results.</param>
    /// <param name="maxDegreeOfParallelism">The most cores to use, or null for all.</param>
    /// <param name="indicatorGroups">Groups of mutually exclusive 0/1 model columns to handle sparsely (each needs the intercept, column 0, among the model columns).</param>
    /// <param name="allowVector512">Whether the AVX-512 kernel may be used where the hardware has it (tests turn it off to check the other).</param>
    internal WeightedPass(DesignMatrix design, int[] modelColumns, int? maxDegreeOfParallelism, IReadOnlyList<int[]>? indicatorGroups = null, bool allowVector512 = true)
    {
        useVector512 = allowVector512 && Vector512.IsHardwareAccelerated;
        x = design.Values;
        y = design.OutcomeArray;
        rowCount = design.RowCount;
        columnCount = design.ColumnCount;
        this.modelColumns = modelColumns;
        modelCount = modelColumns.Length;
        groups = indicatorGroups is { Count: > 0 } && modelColumns.Contains(0) ? [.. indicatorGroups] : [];
        var grouped = groups.SelectMany(g => g).ToHashSet();
        denseColumns = modelColumns.Where(c => !grouped.Contains(c)).ToArray();
        denseCount = denseColumns.Length;
        denseIsPrefix = denseColumns.Select((c, i) => c == i).All(b => b);
        identityColumns = denseIsPrefix && denseCount == columnCount;

        // One spare column for the working response, then padding to whole kernel tiles.
        stride = ((denseCount + 1 + 7) / 8) * 8;
        groupBase = new int[groups.Length];
        pairBase = new int[groups.Length, groups.Length];
        var rowsSoFar = 0;
        for (var g = 0; g < groups.Length; g++)
        {
            groupBase[g] = rowsSoFar;
            rowsSoFar += groups[g].Length + 1;
        }

        sparseRows = rowsSoFar;
        var pairsAt = (stride * stride) + (sparseRows * stride);
        for (var g = 0; g < groups.Length; g++)
        {
            for (var h = g + 1; h < groups.Length; h++)
            {
                pairBase[g, h] = pairsAt;
                pairsAt += (groups[g].Length + 1) * (groups[h].Length + 1);
            }
        }

        chunkSize = pairsAt;
        chunkCount = Math.Max(1, (rowCount + ChunkRows - 1) / ChunkRows);
        chunkCross = new double[(long)chunkCount * chunkSize];
        chunkDeviance = new double[chunkCount];
        chunkBoundary = new int[chunkCount];
        parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
    }

    /// <summary>
    /// Runs the pass. With <paramref name="coefficients"/> null it uses R's starting values
    /// (fitted probabilities (y + 0.5) / 2) and accumulates X'Wz for the working response z;
    /// otherwise eta = X b and it accumulates X'Wr for the working residual r = (y - mu) / mu'(eta),
    /// so the solve yields the step from b.
    /// </summary>
    /// <param name="coefficients">One coefficient per design column (0 for columns out of the model), or null for R's start.</param>
    /// <param name="statistics">Per-column statistics to collect (only on a pass over every column), or null.</param>
    /// <param name="accumulate">Whether to accumulate the cross-products; without, only the deviance is computed.</param>
    internal PassResult Run(double[]? coefficients, ColumnStatistics? statistics, bool accumulate = true)
    {
        if (statistics is not null && !identityColumns)
        {
            throw new InvalidOperationException("Column statistics need a pass over every column.");
        }

        statistics?.Reset(chunkCount, stride);
        if (accumulate && groups.Length > 0 && levels is null)
        {
            levels = new byte[(long)rowCount * groups.Length];
        }

        if (chunkCount == 1 || parallelOptions.MaxDegreeOfParallelism == 1)
        {
            var scratch = new Scratch(stride, columnCount);
            for (var chunk = 0; chunk < chunkCount; chunk++)
            {
                ProcessChunk(chunk, scratch, coefficients, statistics, accumulate);
            }
        }
        else
        {
            Parallel.For(
                0,
                chunkCount,
                parallelOptions,
                () => new Scratch(stride, columnCount),
                (chunk, _, scratch) =>
                {
                    ProcessChunk(chunk, scratch, coefficients, statistics, accumulate);
                    return scratch;
                },
                _ => { });
        }

        levelsReady |= accumulate && groups.Length > 0;
        return Reduce(accumulate);
    }

    private PassResult Reduce(bool accumulated)
    {
        var deviance = 0.0;
        var boundary = 0;
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            deviance += chunkDeviance[chunk];
            boundary += chunkBoundary[chunk];
        }

        if (!accumulated)
        {
            return new PassResult(null, null, deviance, boundary);
        }

        var total = new double[chunkSize];
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(total, chunkCross.AsSpan(chunk * chunkSize, chunkSize), total);
        }

        var position = new int[columnCount];
        for (var k = 0; k < modelCount; k++)
        {
            position[modelColumns[k]] = k;
        }

        var cross = new double[modelCount, modelCount];
        var rhs = new double[modelCount];
        void Set(int a, int b, double value)
        {
            cross[position[a], position[b]] = value;
            cross[position[b], position[a]] = value;
        }

        var d = denseCount;
        for (var a = 0; a < d; a++)
        {
            for (var b = a; b < d; b++)
            {
                Set(denseColumns[a], denseColumns[b], total[(a * stride) + b]);
            }

            rhs[position[denseColumns[a]]] = total[(a * stride) + d];
        }

        var intercept = Array.IndexOf(denseColumns, 0);
        var sparse = stride * stride;
        for (var g = 0; g < groups.Length; g++)
        {
            for (var p = 0; p < groups[g].Length; p++)
            {
                var column = groups[g][p];
                var row = sparse + ((groupBase[g] + p + 1) * stride);
                for (var a = 0; a < d; a++)
                {
                    Set(column, denseColumns[a], total[row + a]);
                }

                rhs[position[column]] = total[row + d];

                // A 0/1 column's square is itself, so its diagonal is its product with the intercept;
                // levels of one factor are never 1 together, so their products stay 0.
                Set(column, column, total[row + intercept]);
                for (var h = g + 1; h < groups.Length; h++)
                {
                    for (var q = 0; q < groups[h].Length; q++)
                    {
                        Set(column, groups[h][q], total[pairBase[g, h] + ((p + 1) * (groups[h].Length + 1)) + q + 1]);
                    }
                }
            }
        }

        return new PassResult(cross, rhs, deviance, boundary);
    }

    private void ProcessChunk(int chunk, Scratch scratch, double[]? coefficients, ColumnStatistics? statistics, bool accumulate)
    {
        var first = chunk * ChunkRows;
        var end = Math.Min(rowCount, first + ChunkRows);
        var chunkAccumulator = chunkCross.AsSpan(chunk * chunkSize, chunkSize);
        chunkAccumulator.Clear();
        var accumulator = chunkAccumulator[..(stride * stride)];
        var deviance = 0.0;
        var boundary = 0;
        for (var blockStart = first; blockStart < end; blockStart += BlockRows)
        {
            var rows = Math.Min(BlockRows, end - blockStart);
            var outcome = y.AsSpan(blockStart, rows);
            if (accumulate || coefficients is null)
            {
                LoadBlock(blockStart, rows, scratch, coefficients);
            }
            else
            {
                // Only the deviance is wanted: the linear predictor, without copying the rows.
                for (var i = 0; i < rows; i++)
                {
                    scratch.Eta[i] = Dot(x.AsSpan((int)((long)(blockStart + i) * columnCount), columnCount), coefficients);
                }
            }
            if (coefficients is null)
            {
                StartingWeights(outcome, scratch);
            }
            else
            {
                IrlsWeights(outcome, scratch);
            }

            deviance += scratch.Deviance;
            boundary += scratch.Boundary;
            if (!accumulate)
            {
                continue;
            }

            WeightBlock(rows, scratch);
            statistics?.Add(chunk, scratch.X, outcome, rows, stride);
            for (var window = 0; window < rows; window += WindowRows)
            {
                var windowRows = Math.Min(WindowRows, rows - window);
                var w = scratch.W.AsSpan(window * stride);
                var xw = scratch.X.AsSpan(window * stride);
                if (useVector512)
                {
                    AccumulateVectorised512(w, xw, windowRows, accumulator, denseCount, stride);
                }
                else if (Vector256.IsHardwareAccelerated)
                {
                    AccumulateVectorised(w, xw, windowRows, accumulator, denseCount, stride);
                }
                else
                {
                    AccumulateScalar(w, xw, windowRows, accumulator, denseCount, stride);
                }
            }

            if (groups.Length > 0)
            {
                if (!levelsReady)
                {
                    FindLevels(blockStart, rows);
                }

                ScatterGroups(blockStart, rows, scratch, chunkAccumulator);
            }
        }

        chunkDeviance[chunk] = deviance;
        chunkBoundary[chunk] = boundary;
    }

    /// <summary>
    /// Copies a block's model columns into the padded block buffer and, when coefficients
    /// are given, computes each row's linear predictor from the same loads.
    /// </summary>
    private void LoadBlock(int blockStart, int rows, Scratch scratch, double[]? coefficients)
    {
        ref var xRef = ref MemoryMarshal.GetArrayDataReference(x);
        ref var blockRef = ref MemoryMarshal.GetArrayDataReference(scratch.X);
        var p = columnCount;
        for (var i = 0; i < rows; i++)
        {
            ref var row = ref Unsafe.Add(ref xRef, (nint)((long)(blockStart + i) * p));
            ref var target = ref Unsafe.Add(ref blockRef, i * stride);
            if (!denseIsPrefix)
            {
                for (var c = 0; c < denseCount; c++)
                {
                    Unsafe.Add(ref target, c) = Unsafe.Add(ref row, denseColumns[c]);
                }

                if (coefficients is not null)
                {
                    scratch.Eta[i] = Dot(MemoryMarshal.CreateReadOnlySpan(ref row, p), coefficients);
                }

                continue;
            }

            // The dense columns come first: copy the whole row, which may run past the padded
            // row into the next one (copied over next) or the buffer's slack; the padding
            // columns are then not zero, but they only reach sums that are never read.
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                if (coefficients is null)
                {
                    for (; j <= p - 4; j += 4)
                    {
                        Vector256.LoadUnsafe(ref row, (nuint)j).StoreUnsafe(ref target, (nuint)j);
                    }
                }
                else
                {
                    ref var b = ref MemoryMarshal.GetArrayDataReference(coefficients);
                    var acc = Vector256<double>.Zero;
                    for (; j <= p - 4; j += 4)
                    {
                        var v = Vector256.LoadUnsafe(ref row, (nuint)j);
                        v.StoreUnsafe(ref target, (nuint)j);
                        acc = Vector256.MultiplyAddEstimate(v, Vector256.LoadUnsafe(ref b, (nuint)j), acc);
                    }

                    scratch.Eta[i] = Vector256.Sum(acc);
                }
            }
            else if (coefficients is not null)
            {
                scratch.Eta[i] = 0.0;
            }

            for (; j < p; j++)
            {
                var v = Unsafe.Add(ref row, j);
                Unsafe.Add(ref target, j) = v;
                if (coefficients is not null)
                {
                    scratch.Eta[i] += v * coefficients[j];
                }
            }
        }
    }

    /// <summary>Works out and keeps each row's level in each indicator group (0 for none).</summary>
    private void FindLevels(int blockStart, int rows)
    {
        ref var xRef = ref MemoryMarshal.GetArrayDataReference(x);
        var groupCount = groups.Length;
        for (var g = 0; g < groupCount; g++)
        {
            var members = groups[g];
            for (var i = 0; i < rows; i++)
            {
                ref var row = ref Unsafe.Add(ref xRef, (nint)((long)(blockStart + i) * columnCount));
                var level = 0;
                for (var q = 0; q < members.Length; q++)
                {
                    level += (q + 1) * (int)Unsafe.Add(ref row, members[q]);
                }

                // Detection guarantees at most one 1 per group; the check guards the
                // unchecked writes below should that ever not hold.
                if ((uint)level > (uint)members.Length)
                {
                    throw new InvalidOperationException($"Row {blockStart + i} has more than one 1 among columns taken as exclusive.");
                }

                levels![((long)(blockStart + i) * groupCount) + g] = (byte)level;
            }
        }
    }

    /// <summary>
    /// For each row and indicator group, adds the row's weighted dense values (and w r) to the
    /// accumulator row of the group's level that is 1, and w to each pair of groups' table.
    /// </summary>
    private void ScatterGroups(int blockStart, int rows, Scratch scratch, Span<double> chunkAccumulator)
    {
        ref var wRef = ref MemoryMarshal.GetArrayDataReference(scratch.W);
        ref var aRef = ref MemoryMarshal.GetReference(chunkAccumulator);
        ref var levelRef = ref MemoryMarshal.GetArrayDataReference(levels!);
        var groupCount = groups.Length;
        var vectors = stride / 4;
        for (var g = 0; g < groupCount; g++)
        {
            ref var groupRows = ref Unsafe.Add(ref aRef, (stride * stride) + (groupBase[g] * stride));
            for (var i = 0; i < rows; i++)
            {
                var level = Unsafe.Add(ref levelRef, (nint)(((long)(blockStart + i) * groupCount) + g));
                ref var target = ref Unsafe.Add(ref groupRows, level * stride);
                ref var source = ref Unsafe.Add(ref wRef, i * stride);
                for (var v = 0; v < vectors; v++)
                {
                    var at = (nuint)(v * 4);
                    (Vector256.LoadUnsafe(ref target, at) + Vector256.LoadUnsafe(ref source, at)).StoreUnsafe(ref target, at);
                }
            }

            for (var h = g + 1; h < groupCount; h++)
            {
                ref var table = ref Unsafe.Add(ref aRef, pairBase[g, h]);
                var width = groups[h].Length + 1;
                for (var i = 0; i < rows; i++)
                {
                    var at = (long)(blockStart + i) * groupCount;
                    var a = Unsafe.Add(ref levelRef, (nint)(at + g));
                    var b = Unsafe.Add(ref levelRef, (nint)(at + h));
                    Unsafe.Add(ref table, (a * width) + b) += scratch.Weight[i];
                }
            }
        }
    }

    /// <summary>Writes each row's weighted copy (w x) and puts the working response in the spare column.</summary>
    private void WeightBlock(int rows, Scratch scratch)
    {
        ref var xRef = ref MemoryMarshal.GetArrayDataReference(scratch.X);
        ref var wRef = ref MemoryMarshal.GetArrayDataReference(scratch.W);
        var m = denseCount;
        for (var i = 0; i < rows; i++)
        {
            ref var source = ref Unsafe.Add(ref xRef, i * stride);
            ref var target = ref Unsafe.Add(ref wRef, i * stride);
            var weight = scratch.Weight[i];
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var w = Vector256.Create(weight);
                for (; j <= m - 4; j += 4)
                {
                    (Vector256.LoadUnsafe(ref source, (nuint)j) * w).StoreUnsafe(ref target, (nuint)j);
                }
            }

            for (; j < m; j++)
            {
                Unsafe.Add(ref target, j) = Unsafe.Add(ref source, j) * weight;
            }

            Unsafe.Add(ref source, m) = scratch.Response[i];

            // w r in the weighted copy's spare column serves the indicator groups (the dense
            // kernel only reaches it in a row of sums that is never read).
            Unsafe.Add(ref target, m) = weight * scratch.Response[i];
        }
    }

    /// <summary>
    /// glm.fit's start for binomial: mustart = (weights * y + 0.5) / (weights + 1), so 0.75 or
    /// 0.25, eta = logit(mustart), and the working response z = eta + (y - mu) / mu'(eta).
    /// Only two cases exist, computed once each with R's formulas.
    /// </summary>
    private static void StartingWeights(ReadOnlySpan<double> outcome, Scratch scratch)
    {
        var deviance = 0.0;
        for (var i = 0; i < outcome.Length; i++)
        {
            var (weight, response, rowDeviance) = outcome[i] == 1.0 ? StartIfOne : StartIfZero;
            scratch.Weight[i] = weight;
            scratch.Response[i] = response;
            deviance += rowDeviance;
        }

        scratch.Deviance = deviance;
        scratch.Boundary = 0;
    }

    private static readonly (double Weight, double Response, double Deviance) StartIfOne = Start(1.0);
    private static readonly (double Weight, double Response, double Deviance) StartIfZero = Start(0.0);

    private static (double Weight, double Response, double Deviance) Start(double y)
    {
        var mu = (y + 0.5) / 2.0;
        var eta = Math.Log(mu / (1.0 - mu));
        var muEta = MuEta(eta);
        var weight = muEta * muEta / (mu * (1.0 - mu));
        var response = eta + ((y - mu) / muEta);
        var deviance = y == 1.0 ? 2.0 * Math.Log(1.0 / mu) : 2.0 * Math.Log(1.0 / (1.0 - mu));
        return (weight, response, deviance);
    }

    /// <summary>
    /// From eta, four rows at a time: R's fitted probability mu (cut off at |eta| &gt; 30), its
    /// derivative, the IRLS weight mu'^2 / (mu (1 - mu)), the working residual (y - mu) / mu',
    /// the deviance and the count of probabilities numerically 0 or 1 (R's 10 DBL_EPSILON).
    /// </summary>
    private static void IrlsWeights(ReadOnlySpan<double> outcome, Scratch scratch)
    {
        var rows = outcome.Length;
        var eta = scratch.Eta.AsSpan(0, rows);
        var exp = scratch.Exp.AsSpan(0, rows);
        var logArgument = scratch.LogArgument.AsSpan(0, rows);
        System.Numerics.Tensors.TensorPrimitives.Exp(eta, exp);
        var boundary = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256<double>.One;
            var threshold = Vector256.Create(Threshold);
            var epsilon = Vector256.Create(MachineEpsilon);
            var muBelow = Vector256.Create(MachineEpsilon / (1.0 + MachineEpsilon));
            var muAbove = Vector256.Create(InverseEpsilon / (1.0 + InverseEpsilon));
            var low = Vector256.Create(10.0 * MachineEpsilon);
            var high = Vector256.Create(1.0 - (10.0 * MachineEpsilon));
            for (; i <= rows - 4; i += 4)
            {
                var e = Vector256.Create(eta.Slice(i, 4));
                var ex = Vector256.Create(exp.Slice(i, 4));
                var yv = Vector256.Create(outcome.Slice(i, 4));
                var below = Vector256.LessThan(e, -threshold);
                var above = Vector256.GreaterThan(e, threshold);
                // mu = e / (1 + e) and mu' = e / (1 + e)^2 share one division; beyond the
                // cut-offs R uses t = DBL_EPSILON or 1 / DBL_EPSILON in place of e.
                var inverse = one / (one + ex);
                var mu = Vector256.ConditionalSelect(below, muBelow, Vector256.ConditionalSelect(above, muAbove, ex * inverse));
                var muEta = Vector256.ConditionalSelect(below | above, epsilon, ex * inverse * inverse);
                var oneMinusMu = one - mu;
                var weight = muEta * muEta / (mu * oneMinusMu);
                var residual = (yv - mu) / muEta;
                var isEvent = Vector256.Equals(yv, one);
                var argument = Vector256.ConditionalSelect(isEvent, mu, oneMinusMu);
                weight.CopyTo(scratch.Weight.AsSpan(i, 4));
                residual.CopyTo(scratch.Response.AsSpan(i, 4));
                argument.CopyTo(logArgument.Slice(i, 4));
                var atBoundary = Vector256.GreaterThan(mu, high) | Vector256.LessThan(mu, low);
                boundary += System.Numerics.BitOperations.PopCount(atBoundary.ExtractMostSignificantBits());
            }
        }

        for (; i < rows; i++)
        {
            var mu = LinkInverse(eta[i]);
            var muEta = MuEta(eta[i]);
            scratch.Weight[i] = muEta * muEta / (mu * (1.0 - mu));
            scratch.Response[i] = (outcome[i] - mu) / muEta;
            logArgument[i] = outcome[i] == 1.0 ? mu : 1.0 - mu;
            if (mu > 1.0 - (10.0 * MachineEpsilon) || mu < 10.0 * MachineEpsilon)
            {
                boundary++;
            }
        }

        // The deviance of a row is 2 log(1 / mu) when y = 1 and 2 log(1 / (1 - mu)) when y = 0.
        System.Numerics.Tensors.TensorPrimitives.Log(logArgument, logArgument);
        scratch.Deviance = -2.0 * System.Numerics.Tensors.TensorPrimitives.Sum<double>(logArgument);
        scratch.Boundary = boundary;
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
    private static void AccumulateVectorised(Span<double> w, Span<double> x, int rows, Span<double> accumulator, int m, int stride)
    {
        ref var wRef = ref MemoryMarshal.GetReference(w);
        ref var xRef = ref MemoryMarshal.GetReference(x);
        ref var aRef = ref MemoryMarshal.GetReference(accumulator);
        for (var jb = 0; jb < m; jb += 4)
        {
            // Tiles start on the diagonal block, so little of the lower triangle is computed;
            // the last tile of a row of tiles is four columns wide when that is enough.
            for (var kb = jb; kb <= m; kb += 8)
            {
                ref var a = ref Unsafe.Add(ref aRef, (jb * stride) + kb);
                ref var xr = ref Unsafe.Add(ref xRef, kb);
                ref var wr = ref Unsafe.Add(ref wRef, jb);
                if (m + 1 - kb <= 4)
                {
                    Tile4x4(ref a, ref xr, ref wr, rows, stride);
                }
                else
                {
                    Tile4x8(ref a, ref xr, ref wr, rows, stride);
                }
            }
        }
    }

    /// <summary>As <see cref="AccumulateVectorised"/>, eight accumulator rows by eight columns in AVX-512 registers.</summary>
    private static void AccumulateVectorised512(Span<double> w, Span<double> x, int rows, Span<double> accumulator, int m, int stride)
    {
        ref var wRef = ref MemoryMarshal.GetReference(w);
        ref var xRef = ref MemoryMarshal.GetReference(x);
        ref var aRef = ref MemoryMarshal.GetReference(accumulator);
        for (var jb = 0; jb < m; jb += 8)
        {
            for (var kb = jb; kb <= m; kb += 8)
            {
                Tile8x8(
                    ref Unsafe.Add(ref aRef, (jb * stride) + kb),
                    ref Unsafe.Add(ref xRef, kb),
                    ref Unsafe.Add(ref wRef, jb),
                    rows,
                    stride);
            }
        }
    }

    private static void Tile8x8(ref double a, ref double xr, ref double wr, int rows, int stride)
    {
        var s = (nuint)stride;
        var c0 = Vector512.LoadUnsafe(ref a);
        var c1 = Vector512.LoadUnsafe(ref a, s);
        var c2 = Vector512.LoadUnsafe(ref a, 2 * s);
        var c3 = Vector512.LoadUnsafe(ref a, 3 * s);
        var c4 = Vector512.LoadUnsafe(ref a, 4 * s);
        var c5 = Vector512.LoadUnsafe(ref a, 5 * s);
        var c6 = Vector512.LoadUnsafe(ref a, 6 * s);
        var c7 = Vector512.LoadUnsafe(ref a, 7 * s);
        for (var i = 0; i < rows; i++)
        {
            var x0 = Vector512.LoadUnsafe(ref xr);
            c0 = Vector512.MultiplyAddEstimate(Vector512.Create(wr), x0, c0);
            c1 = Vector512.MultiplyAddEstimate(Vector512.Create(Unsafe.Add(ref wr, 1)), x0, c1);
            c2 = Vector512.MultiplyAddEstimate(Vector512.Create(Unsafe.Add(ref wr, 2)), x0, c2);
            c3 = Vector512.MultiplyAddEstimate(Vector512.Create(Unsafe.Add(ref wr, 3)), x0, c3);
            c4 = Vector512.MultiplyAddEstimate(Vector512.Create(Unsafe.Add(ref wr, 4)), x0, c4);
            c5 = Vector512.MultiplyAddEstimate(Vector512.Create(Unsafe.Add(ref wr, 5)), x0, c5);
            c6 = Vector512.MultiplyAddEstimate(Vector512.Create(Unsafe.Add(ref wr, 6)), x0, c6);
            c7 = Vector512.MultiplyAddEstimate(Vector512.Create(Unsafe.Add(ref wr, 7)), x0, c7);
            xr = ref Unsafe.Add(ref xr, stride);
            wr = ref Unsafe.Add(ref wr, stride);
        }

        c0.StoreUnsafe(ref a);
        c1.StoreUnsafe(ref a, s);
        c2.StoreUnsafe(ref a, 2 * s);
        c3.StoreUnsafe(ref a, 3 * s);
        c4.StoreUnsafe(ref a, 4 * s);
        c5.StoreUnsafe(ref a, 5 * s);
        c6.StoreUnsafe(ref a, 6 * s);
        c7.StoreUnsafe(ref a, 7 * s);
    }

    private static void Tile4x8(ref double a, ref double xr, ref double wr, int rows, int stride)
    {
        var s = (nuint)stride;
        var c00 = Vector256.LoadUnsafe(ref a);
        var c01 = Vector256.LoadUnsafe(ref a, 4);
        var c10 = Vector256.LoadUnsafe(ref a, s);
        var c11 = Vector256.LoadUnsafe(ref a, s + 4);
        var c20 = Vector256.LoadUnsafe(ref a, 2 * s);
        var c21 = Vector256.LoadUnsafe(ref a, (2 * s) + 4);
        var c30 = Vector256.LoadUnsafe(ref a, 3 * s);
        var c31 = Vector256.LoadUnsafe(ref a, (3 * s) + 4);
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

    private static void Tile4x4(ref double a, ref double xr, ref double wr, int rows, int stride)
    {
        var s = (nuint)stride;
        var c0 = Vector256.LoadUnsafe(ref a);
        var c1 = Vector256.LoadUnsafe(ref a, s);
        var c2 = Vector256.LoadUnsafe(ref a, 2 * s);
        var c3 = Vector256.LoadUnsafe(ref a, 3 * s);
        for (var i = 0; i < rows; i++)
        {
            var x0 = Vector256.LoadUnsafe(ref xr);
            c0 = Vector256.MultiplyAddEstimate(Vector256.Create(wr), x0, c0);
            c1 = Vector256.MultiplyAddEstimate(Vector256.Create(Unsafe.Add(ref wr, 1)), x0, c1);
            c2 = Vector256.MultiplyAddEstimate(Vector256.Create(Unsafe.Add(ref wr, 2)), x0, c2);
            c3 = Vector256.MultiplyAddEstimate(Vector256.Create(Unsafe.Add(ref wr, 3)), x0, c3);
            xr = ref Unsafe.Add(ref xr, stride);
            wr = ref Unsafe.Add(ref wr, stride);
        }

        c0.StoreUnsafe(ref a);
        c1.StoreUnsafe(ref a, s);
        c2.StoreUnsafe(ref a, 2 * s);
        c3.StoreUnsafe(ref a, 3 * s);
    }

    private static void AccumulateScalar(Span<double> w, Span<double> x, int rows, Span<double> accumulator, int m, int stride)
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
    private sealed class Scratch(int stride, int columnCount)
    {
        // Slack of a full row: a row is copied whole even when fewer columns are dense.
        public double[] X { get; } = new double[(BlockRows * stride) + columnCount];


        public double[] W { get; } = new double[BlockRows * stride];

        public double[] Eta { get; } = new double[BlockRows];

        public double[] Exp { get; } = new double[BlockRows];

        public double[] LogArgument { get; } = new double[BlockRows];

        public double[] Weight { get; } = new double[BlockRows];

        /// <summary>The working response z (first pass) or working residual r (later passes).</summary>
        public double[] Response { get; } = new double[BlockRows];

        public double Deviance { get; set; }

        public int Boundary { get; set; }
    }
}

/// <summary>The sums from one pass: X'WX and X'Wr (or X'Wz) of the model columns, the deviance, and how many fitted probabilities were numerically 0 or 1.</summary>
internal sealed record PassResult(double[,]? Cross, double[]? Rhs, double Deviance, int BoundaryCount);
