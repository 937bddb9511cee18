namespace ConnectingCommunities.Statistics.Regression;

/// <summary>The estimate for one term of a logistic regression.</summary>
/// <param name="Term">The term's name: <c>(Intercept)</c>, a numeric covariate's name, or <c>COVARIATE=LEVEL</c>.</param>
/// <param name="Covariate">The covariate the term comes from.</param>
/// <param name="Estimate">The log odds ratio; null when the term is aliased (R's <c>NA</c>).</param>
/// <param name="StandardError">The standard error of the estimate.</param>
/// <param name="Z">The Wald statistic, estimate / standard error.</param>
/// <param name="P">The two-sided p-value of the Wald test.</param>
/// <param name="OddsRatio">exp(estimate).</param>
/// <param name="OddsRatioLower">The lower end of the Wald confidence interval of the odds ratio.</param>
/// <param name="OddsRatioUpper">The upper end of the Wald confidence interval of the odds ratio.</param>
/// <param name="ProfileLower">The lower end of the profile-likelihood interval of the odds ratio, when asked for and bounded.</param>
/// <param name="ProfileUpper">The upper end of the profile-likelihood interval of the odds ratio, when asked for and bounded.</param>
public sealed record TermEstimate(
    string Term,
    string Covariate,
    double? Estimate,
    double? StandardError,
    double? Z,
    double? P,
    double? OddsRatio,
    double? OddsRatioLower,
    double? OddsRatioUpper,
    double? ProfileLower = null,
    double? ProfileUpper = null)
{
    /// <summary>Whether the term was dropped as a linear combination of earlier terms.</summary>
    public bool IsAliased => Estimate is null;
}

/// <summary>The kinds of trouble a fit reports.</summary>
public enum RegressionWarningKind
{
    /// <summary>A covariate (or combination) separates the outcome: some estimates run off to infinity.</summary>
    Separation,

    /// <summary>A column is a linear combination of earlier ones and was dropped.</summary>
    Collinearity,

    /// <summary>The outcome is the same in every row used.</summary>
    ConstantOutcome,

    /// <summary>Fewer than 10 events (of the rarer outcome) per estimated parameter.</summary>
    FewEventsPerVariable,

    /// <summary>IRLS reached its iteration limit before converging.</summary>
    NotConverged,

    /// <summary>A remark from building the design matrix.</summary>
    Design,
}

/// <summary>A problem found in a fit, explained in a plain-English sentence.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Message">The explanation, for people.</param>
/// <param name="Terms">The terms or covariates concerned, if any.</param>
public sealed record RegressionWarning(RegressionWarningKind Kind, string Message, IReadOnlyList<string> Terms);

/// <summary>A fitted logistic regression: per-term estimates, model summaries and warnings.</summary>
public sealed class LogisticRegressionResult
{
    internal LogisticRegressionResult(
        IReadOnlyList<TermEstimate> terms,
        IReadOnlyList<RegressionWarning> warnings,
        int observationCount,
        int droppedRowCount,
        bool converged,
        int iterations,
        double nullDeviance,
        double residualDeviance,
        int rank,
        double[,]? covariance)
    {
        Terms = terms;
        Warnings = warnings;
        ObservationCount = observationCount;
        DroppedRowCount = droppedRowCount;
        Converged = converged;
        Iterations = iterations;
        NullDeviance = nullDeviance;
        ResidualDeviance = residualDeviance;
        Rank = rank;
        this.covariance = covariance;
    }

    private readonly double[,]? covariance;

    /// <summary>The estimates, one per design column in order; aliased terms have null estimates.</summary>
    public IReadOnlyList<TermEstimate> Terms { get; }

    /// <summary>Problems found, each explained; empty when there were none.</summary>
    public IReadOnlyList<RegressionWarning> Warnings { get; }

    /// <summary>The number of observations used (N).</summary>
    public int ObservationCount { get; }

    /// <summary>The number of input rows left out for missing values.</summary>
    public int DroppedRowCount { get; }

    /// <summary>Whether IRLS met the convergence rule within the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>The number of IRLS iterations, counted as R counts them.</summary>
    public int Iterations { get; }

    /// <summary>The number of estimated (non-aliased) coefficients, the intercept included.</summary>
    public int Rank { get; }

    /// <summary>The deviance of the intercept-only model.</summary>
    public double NullDeviance { get; }

    /// <summary>The null model's degrees of freedom, N - 1.</summary>
    public int NullDegreesOfFreedom => ObservationCount - 1;

    /// <summary>The fitted model's deviance.</summary>
    public double ResidualDeviance { get; }

    /// <summary>The fitted model's degrees of freedom, N - rank.</summary>
    public int ResidualDegreesOfFreedom => ObservationCount - Rank;

    /// <summary>The log-likelihood (for 0/1 outcomes, minus half the deviance).</summary>
    public double LogLikelihood => -ResidualDeviance / 2.0;

    /// <summary>Akaike's information criterion, deviance + 2 x rank.</summary>
    public double Aic => ResidualDeviance + (2.0 * Rank);

    /// <summary>
    /// The covariance matrix of the estimated (non-aliased) coefficients, in term order; null
    /// when nothing was estimated.
    /// </summary>
    public double[,]? GetCovariance() => covariance is null ? null : (double[,])covariance.Clone();
}
