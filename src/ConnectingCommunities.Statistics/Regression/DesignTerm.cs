namespace ConnectingCommunities.Statistics.Regression;

/// <summary>What a column of a <see cref="DesignMatrix"/> stands for.</summary>
public enum DesignTermKind
{
    /// <summary>The constant column of ones.</summary>
    Intercept,

    /// <summary>A numeric covariate, used as it is.</summary>
    Numeric,

    /// <summary>One level of a categorical covariate (treatment coding: 1 in that level, 0 otherwise).</summary>
    FactorLevel,
}

/// <summary>One column of a design matrix.</summary>
/// <param name="Name">
/// The term's name as reported: <c>(Intercept)</c>, the covariate's name for a numeric
/// covariate, or <c>COVARIATE=LEVEL</c> for a level of a categorical covariate.
/// </param>
/// <param name="Covariate">The covariate the column comes from (<c>(Intercept)</c> for the intercept).</param>
/// <param name="Kind">What the column stands for.</param>
/// <param name="Level">The level, for a <see cref="DesignTermKind.FactorLevel"/> column; otherwise <see langword="null"/>.</param>
/// <param name="ReferenceLevel">The covariate's reference level, for a <see cref="DesignTermKind.FactorLevel"/> column.</param>
public sealed record DesignTerm(string Name, string Covariate, DesignTermKind Kind, string? Level = null, string? ReferenceLevel = null)
{
    /// <summary>The name of the intercept term, as R prints it.</summary>
    public const string InterceptName = "(Intercept)";

    /// <summary>The intercept term.</summary>
    public static DesignTerm Intercept { get; } = new(InterceptName, InterceptName, DesignTermKind.Intercept);
}
