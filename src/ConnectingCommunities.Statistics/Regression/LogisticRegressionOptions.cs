namespace ConnectingCommunities.Statistics.Regression;

/// <summary>Which information matrix the standard errors come from.</summary>
public enum StandardErrorBasis
{
    /// <summary>
    /// The weights of the last IRLS iteration, computed at the previous estimate: what R's
    /// <c>summary(glm(...))</c> prints. Agrees with R's printed standard errors to rounding.
    /// </summary>
    LastIteration,

    /// <summary>
    /// The weights at the final estimate: the observed (= expected, for the logit link)
    /// information at the maximum likelihood estimate, as R gives with
    /// <c>glm.control(epsilon = 1e-14)</c>. Costs nothing extra: the last pass computes it.
    /// </summary>
    FinalEstimate,
}

/// <summary>Settings for <see cref="LogisticRegression.Fit"/>; the defaults are R's <c>glm.control()</c>.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>The default settings.</summary>
    public static LogisticRegressionOptions Default { get; } = new();

    /// <summary>Convergence: stop when |dev - devold| / (|dev| + 0.1) falls below this (R's <c>epsilon</c>, 1e-8).</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>The most IRLS iterations (R's <c>maxit</c>, 25).</summary>
    public int MaxIterations { get; init; } = 25;

    /// <summary>Which weights the standard errors use; by default R's printed ones.</summary>
    public StandardErrorBasis StandardErrors { get; init; } = StandardErrorBasis.LastIteration;

    /// <summary>The confidence level of the intervals (0.95 for 95%).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Whether to compute profile-likelihood intervals as well (as R's <c>confint</c> on a
    /// glm). Each needs a few constrained refits per term, so it is off by default.
    /// </summary>
    public bool ProfileLikelihoodIntervals { get; init; }

    /// <summary>The most cores to use; null for all of them.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// A column is aliased (dropped, as R's <c>NA</c> coefficients) when the part of it not
    /// explained by the earlier kept columns has a norm below this fraction of its own norm.
    /// </summary>
    public double CollinearityTolerance { get; init; } = 1e-7;
}
