namespace ConnectingCommunities.Domain.Reference;

/// <summary>
/// A participant's highest qualification on the Regulated Qualifications Framework (RQF,
/// Ofqual; Entry level to Level 8), with "No qualifications" and "Other or overseas, level
/// unknown" so every answer has a place.
/// </summary>
/// <param name="Code">Stable code.</param>
/// <param name="DisplayName">Words shown to people.</param>
/// <param name="RqfLevel">1 to 8 for the numbered levels; null otherwise.</param>
/// <param name="Examples">Qualifications at this level, as GOV.UK's "What qualification levels mean" lists them.</param>
public sealed record QualificationLevel(string Code, string DisplayName, int? RqfLevel, string Examples) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>The RQF levels, lowest first, then the unknown level.</summary>
public static class QualificationLevels
{
    public static QualificationLevel None { get; } = new("none", "No qualifications", null, string.Empty);

    public static QualificationLevel EntryLevel { get; } = new(
        "entryLevel", "Entry level", null, "Entry level certificate (entry levels 1 to 3), entry level functional skills, Skills for Life");

    public static QualificationLevel Level1 { get; } = new(
        "level1", "Level 1", 1, "GCSE grades 3, 2, 1 or D, E, F, G; level 1 functional skills; level 1 NVQ");

    public static QualificationLevel Level2 { get; } = new(
        "level2", "Level 2", 2, "GCSE grades 9 to 4 or A* to C; level 2 functional skills; level 2 NVQ; intermediate apprenticeship");

    public static QualificationLevel Level3 { get; } = new(
        "level3", "Level 3", 3, "A level; T level; access to higher education diploma; level 3 NVQ; advanced apprenticeship");

    public static QualificationLevel Level4 { get; } = new(
        "level4", "Level 4", 4, "Higher National Certificate (HNC); certificate of higher education; level 4 NVQ; higher apprenticeship");

    public static QualificationLevel Level5 { get; } = new(
        "level5", "Level 5", 5, "Higher National Diploma (HND); foundation degree; diploma of higher education; level 5 NVQ");

    public static QualificationLevel Level6 { get; } = new(
        "level6", "Level 6", 6, "Bachelor's degree; graduate certificate or diploma; degree apprenticeship");

    public static QualificationLevel Level7 { get; } = new(
        "level7", "Level 7", 7, "Master's degree; postgraduate certificate or diploma; PGCE");

    public static QualificationLevel Level8 { get; } = new("level8", "Level 8", 8, "Doctorate, for example a PhD");

    public static QualificationLevel OtherLevelUnknown { get; } = new(
        "otherLevelUnknown", "Other or overseas qualification, level unknown", null, "A qualification whose RQF level is not known, including many from outside the UK");

    /// <summary>All levels in order from none to Level 8, then the unknown level.</summary>
    public static IReadOnlyList<QualificationLevel> All { get; } =
        [None, EntryLevel, Level1, Level2, Level3, Level4, Level5, Level6, Level7, Level8, OtherLevelUnknown];

    public static QualificationLevel? Find(string? code) => Catalogue.Find(All, code);

    /// <summary>The numbered level 1 to 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside 1 to 8.</exception>
    public static QualificationLevel ForRqfLevel(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 8);
        return All.Single(q => q.RqfLevel == level);
    }

    /// <summary>
    /// Whether a level is known to be at or above <paramref name="minimum"/>, e.g. "Level 2 or
    /// above" in reports. Null when the level is unknown: an overseas qualification may be any level.
    /// </summary>
    public static bool? IsAtLeast(QualificationLevel level, QualificationLevel minimum)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(minimum);
        if (level == OtherLevelUnknown || minimum == OtherLevelUnknown)
        {
            return null;
        }

        return Rank(level) >= Rank(minimum);
    }

    // None ranks below Entry level, which ranks below Level 1.
    private static int Rank(QualificationLevel level) => level.RqfLevel ?? (level == EntryLevel ? 0 : -1);
}
