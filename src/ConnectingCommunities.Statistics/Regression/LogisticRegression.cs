using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ConnectingCommunities.Statistics.Regression;

/// <summary>
/// Logistic regression (binomial family, logit link) by iteratively reweighted least
/// squares, the same algorithm as R's <c>glm.fit</c>: the same start, convergence rule,
/// iteration limit and iteration count, so estimates and deviances agree with R's to
/// rounding.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Fits the model with an intercept and every column of <paramref name="design"/>.</summary>
    /// <param name="design">The design matrix with its 0/1 outcome, for example from <see cref="DesignMatrixBuilder"/>.</param>
    /// <param name="options">Settings; null for R's defaults.</param>
    /// <returns>Estimates, model summaries and warnings. Trouble (separation, collinearity, a constant outcome, few events, non-convergence) is reported in <see cref="LogisticRegressionResult.Warnings"/>, never silently.</returns>
    /// <exception cref="ArgumentException">The design has no rows, or an option is out of range.</exception>
    public static LogisticRegressionResult Fit(DesignMatrix design, LogisticRegressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        options ??= LogisticRegressionOptions.Default;
        Validate(options);
        if (design.RowCount == 0)
        {
            throw new ArgumentException("There are no rows to fit: every row was left out for missing values, or none was given.", nameof(design));
        }

        var warnings = design.Notes.Select(n => new RegressionWarning(RegressionWarningKind.Design, n, [])).ToList();
        var n = design.RowCount;
        var events = CountEvents(design.Outcome);
        if (events == 0 || events == n)
        {
            return ConstantOutcome(design, events, warnings);
        }

        var p = design.ColumnCount;
        var allColumns = Enumerable.Range(0, p).ToArray();
        var firstPass = new WeightedPass(design, allColumns, options.MaxDegreeOfParallelism);
        var statistics = new ColumnStatistics();
        var start = firstPass.Run(null, statistics);

        // With R's start every weight is the same (3/16), so this cross-product is a multiple
        // of X'X: the right matrix for deciding, once, which columns are aliased.
        var rank = Collinearity.Analyse(start.Cross!, design.Terms, options.CollinearityTolerance);
        warnings.AddRange(rank.Warnings);
        var kept = rank.Kept;
        var indicatorGroups = IndicatorGroups.Find(kept, statistics, start.Cross!, n);
        var pass = kept.Length == p && indicatorGroups.Count == 0
            ? firstPass
            : new WeightedPass(design, kept, options.MaxDegreeOfParallelism, indicatorGroups);

        var system = Restrict(start, kept);
        var beta = Solve(system.Cross!, system.Rhs!);
        var lastSolved = system.Cross!;
        var lastStep = new double[beta.Length];
        var devOld = start.Deviance;
        var iterations = 1;
        var converged = false;

        // The pass after the step that converges only needs the deviance, unless standard
        // errors at the final estimate are wanted. The Newton decrement predicts the change
        // in deviance a step will make, so that pass can skip the cross-products when the
        // change will plainly be below the convergence threshold; should the prediction
        // fail, the pass is simply run again in full. Either way the result is the same.
        var wantFinalInformation = options.StandardErrors == StandardErrorBasis.FinalEstimate;
        var accumulate = true;
        PassResult current;
        while (true)
        {
            var coefficients = Expand(beta, kept, p);
            current = pass.Run(coefficients, null, accumulate);
            var dev = current.Deviance;
            if (Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1) < options.Epsilon)
            {
                converged = true;
                break;
            }

            if (iterations >= options.MaxIterations)
            {
                break;
            }

            if (current.Cross is null)
            {
                current = pass.Run(coefficients, null);
            }

            devOld = dev;
            var step = Solve(current.Cross!, current.Rhs!);
            lastStep = step;
            var predictedChange = 0.0;
            for (var j = 0; j < beta.Length; j++)
            {
                beta[j] += step[j];
                predictedChange += step[j] * current.Rhs![j];
            }

            lastSolved = current.Cross!;
            iterations++;
            accumulate = wantFinalInformation
                || !(Math.Abs(predictedChange) / (Math.Abs(dev) + 0.1) < options.Epsilon * 1e-3);
        }

        var information = wantFinalInformation ? current.Cross! : lastSolved;
        var covariance = Invert(information);
        var nullDeviance = NullDeviance(events, n);

        if (!converged)
        {
            warnings.Add(new RegressionWarning(
                RegressionWarningKind.NotConverged,
                $"The fit did not converge in {options.MaxIterations} iterations; the estimates are not reliable.",
                []));
        }

        var standardErrors = Enumerable.Range(0, kept.Length).Select(k => Math.Sqrt(covariance[k, k])).ToArray();
        warnings.AddRange(Separation.Detect(new SeparationInput(
            design, kept, statistics, start.Cross!, events, beta, standardErrors, lastStep, current.BoundaryCount, converged)));
        AddEventsPerVariable(warnings, events, n, kept.Length - 1);

        var terms = BuildTerms(design.Terms, kept, beta, standardErrors, options.ConfidenceLevel);
        if (options.ProfileLikelihoodIntervals)
        {
            terms = ProfileLikelihood.AddIntervals(terms, design, kept, beta, standardErrors, current.Deviance, options);
        }

        return new LogisticRegressionResult(
            terms, warnings, n, design.DroppedRowCount, converged, iterations, nullDeviance, current.Deviance, kept.Length, covariance);
    }

    private static void Validate(LogisticRegressionOptions options)
    {
        if (!(options.Epsilon > 0))
        {
            throw new ArgumentException("Epsilon must be positive.", nameof(options));
        }

        if (options.MaxIterations < 1)
        {
            throw new ArgumentException("MaxIterations must be at least 1.", nameof(options));
        }

        if (!(options.ConfidenceLevel is > 0 and < 1))
        {
            throw new ArgumentException("ConfidenceLevel must lie between 0 and 1.", nameof(options));
        }

        if (!(options.CollinearityTolerance is > 0 and < 1))
        {
            throw new ArgumentException("CollinearityTolerance must lie between 0 and 1.", nameof(options));
        }
    }

    private static long CountEvents(ReadOnlySpan<double> outcome)
    {
        var events = 0L;
        foreach (var y in outcome)
        {
            if (y == 1.0)
            {
                events++;
            }
        }

        return events;
    }

    /// <summary>R's null deviance for an intercept-only model: every fitted probability is the mean outcome.</summary>
    internal static double NullDeviance(long events, int n)
    {
        var mean = (double)events / n;
        return (events * 2.0 * Math.Log(1.0 / mean)) + ((n - events) * 2.0 * Math.Log(1.0 / (1.0 - mean)));
    }

    private static LogisticRegressionResult ConstantOutcome(DesignMatrix design, long events, List<RegressionWarning> warnings)
    {
        var value = events == 0 ? 0 : 1;
        warnings.Add(new RegressionWarning(
            RegressionWarningKind.ConstantOutcome,
            $"The outcome is {value} in every one of the {design.RowCount} rows used, so there is nothing to model: no estimate can be made.",
            []));
        var terms = design.Terms.Select(t => new TermEstimate(t.Name, t.Covariate, null, null, null, null, null, null, null)).ToList();
        return new LogisticRegressionResult(terms, warnings, design.RowCount, design.DroppedRowCount, false, 0, 0.0, 0.0, 0, null);
    }

    private static void AddEventsPerVariable(List<RegressionWarning> warnings, long events, int n, int variables)
    {
        if (variables < 1)
        {
            return;
        }

        var rarer = Math.Min(events, n - events);
        var perVariable = (double)rarer / variables;
        if (perVariable < 10.0)
        {
            var which = rarer == events ? "1" : "0";
            warnings.Add(new RegressionWarning(
                RegressionWarningKind.FewEventsPerVariable,
                $"Only {perVariable:0.#} events per variable ({rarer} rows with the rarer outcome, {which}, for {variables} estimated coefficients besides the intercept); at least 10 are advised, and with fewer the estimates may be biased and the intervals too narrow.",
                []));
        }
    }

    private static List<TermEstimate> BuildTerms(
        IReadOnlyList<DesignTerm> designTerms, int[] kept, double[] beta, double[] standardErrors, double level)
    {
        var q = Normal.InvCDF(0.0, 1.0, 1.0 - ((1.0 - level) / 2.0));
        var position = new int[designTerms.Count];
        Array.Fill(position, -1);
        for (var k = 0; k < kept.Length; k++)
        {
            position[kept[k]] = k;
        }

        var terms = new List<TermEstimate>(designTerms.Count);
        for (var j = 0; j < designTerms.Count; j++)
        {
            var term = designTerms[j];
            var k = position[j];
            if (k < 0)
            {
                terms.Add(new TermEstimate(term.Name, term.Covariate, null, null, null, null, null, null, null));
                continue;
            }

            var b = beta[k];
            var se = standardErrors[k];
            var z = b / se;
            var pValue = 2.0 * Normal.CDF(0.0, 1.0, -Math.Abs(z));
            terms.Add(new TermEstimate(
                term.Name, term.Covariate, b, se, z, pValue, Math.Exp(b), Math.Exp(b - (q * se)), Math.Exp(b + (q * se))));
        }

        return terms;
    }

    internal static double[] Expand(double[] beta, int[] kept, int p)
    {
        var full = new double[p];
        for (var k = 0; k < kept.Length; k++)
        {
            full[kept[k]] = beta[k];
        }

        return full;
    }

    private static PassResult Restrict(PassResult all, int[] kept)
    {
        var m = kept.Length;
        var cross = new double[m, m];
        var rhs = new double[m];
        for (var a = 0; a < m; a++)
        {
            rhs[a] = all.Rhs![kept[a]];
            for (var b = 0; b < m; b++)
            {
                cross[a, b] = all.Cross![kept[a], kept[b]];
            }
        }

        return all with { Cross = cross, Rhs = rhs };
    }

    /// <summary>
    /// Solves the weighted normal equations by Cholesky. A matrix that is not numerically
    /// positive definite (weights of order DBL_EPSILON under separation) falls back to the
    /// SVD's least-squares solution rather than failing.
    /// </summary>
    internal static double[] Solve(double[,] cross, double[] rhs)
    {
        var matrix = Matrix<double>.Build.DenseOfArray(cross);
        var vector = Vector<double>.Build.DenseOfArray(rhs);
        try
        {
            return matrix.Cholesky().Solve(vector).ToArray();
        }
        catch (ArgumentException)
        {
            return matrix.Svd(true).Solve(vector).ToArray();
        }
    }

    private static double[,] Invert(double[,] cross)
    {
        var matrix = Matrix<double>.Build.DenseOfArray(cross);
        var identity = Matrix<double>.Build.DenseIdentity(matrix.RowCount);
        try
        {
            return matrix.Cholesky().Solve(identity).ToArray();
        }
        catch (ArgumentException)
        {
            return matrix.PseudoInverse().ToArray();
        }
    }
}
