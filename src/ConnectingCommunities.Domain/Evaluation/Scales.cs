using System.Globalization;

namespace ConnectingCommunities.Domain.Evaluation;

/// <summary>The four Theory of Change indicators the evaluation measures at baseline and follow-up.</summary>
public enum IndicatorScale
{
    SelfEsteem = 1,
    LocusOfControl = 2,
    AttitudeToWork = 3,
    LabourMarketAwareness = 4,
}

/// <summary>One statement of a scale. <see cref="Number"/> counts from 1 in the order the items are asked and stored.</summary>
public sealed record ScaleItem(int Number, string Text, bool Reversed);

/// <summary>One answer a participant can give to an item, with the value stored for it.</summary>
public sealed record ScaleOption(int Value, string Label);

/// <summary>Why a set of answers cannot be scored. <see cref="ItemNumber"/> is null when the number of answers is wrong.</summary>
public sealed record ScaleAnswerError(int? ItemNumber, string Message);

/// <summary>Thrown by <see cref="ScaleDefinition.Total"/> for answers that cannot be scored; the message names the item.</summary>
public sealed class ScaleAnswerException : ArgumentException
{
    public ScaleAnswerException()
    {
    }

    public ScaleAnswerException(string message)
        : base(message)
    {
    }

    public ScaleAnswerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScaleAnswerException(IndicatorScale scale, ScaleAnswerError error)
        : base(error.Message)
    {
        Scale = scale;
        ItemNumber = error.ItemNumber;
    }

    public IndicatorScale? Scale { get; }

    public int? ItemNumber { get; }
}

/// <summary>
/// A short questionnaire scale: its items in the order they are asked, the answer options (the same for every
/// item), which items are reverse-scored, and where the scale comes from. Answers are stored raw, in item order;
/// the total is the sum after reverse-scoring, so a higher total always means more of the named quality.
/// </summary>
public sealed class ScaleDefinition
{
    internal ScaleDefinition(
        IndicatorScale scale,
        string name,
        string measures,
        string source,
        bool programmeOwn,
        IReadOnlyList<ScaleOption> options,
        IReadOnlyList<(string Text, bool Reversed)> items)
    {
        Scale = scale;
        Name = name;
        Measures = measures;
        Source = source;
        ProgrammeOwn = programmeOwn;
        Options = options;
        Items = [.. items.Select((item, i) => new ScaleItem(i + 1, item.Text, item.Reversed))];
        MinAnswer = options.Min(o => o.Value);
        MaxAnswer = options.Max(o => o.Value);
    }

    public IndicatorScale Scale { get; }

    /// <summary>The indicator's name as the evaluation reports it, e.g. "Self-esteem".</summary>
    public string Name { get; }

    /// <summary>What a higher total means, in plain words.</summary>
    public string Measures { get; }

    /// <summary>Where the items come from.</summary>
    public string Source { get; }

    /// <summary>True for the programme's own short scales (not published, not independently validated).</summary>
    public bool ProgrammeOwn { get; }

    public IReadOnlyList<ScaleOption> Options { get; }

    public IReadOnlyList<ScaleItem> Items { get; }

    public int MinAnswer { get; }

    public int MaxAnswer { get; }

    public int ItemCount => Items.Count;

    public int MinTotal => ItemCount * MinAnswer;

    public int MaxTotal => ItemCount * MaxAnswer;

    /// <summary>The item numbers (from 1) that are reverse-scored.</summary>
    public IReadOnlyList<int> ReversedItems => [.. Items.Where(i => i.Reversed).Select(i => i.Number)];

    /// <summary>The label of a stored answer value, e.g. 3 -> "Strongly agree" on the self-esteem scale.</summary>
    public string Label(int value) =>
        Options.FirstOrDefault(o => o.Value == value)?.Label
        ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"{Name} has no answer {value}.");

    /// <summary>The score one answer contributes to the total: reversed items count from the other end.</summary>
    public int Score(int itemNumber, int answer)
    {
        if (itemNumber < 1 || itemNumber > ItemCount)
        {
            throw new ArgumentOutOfRangeException(nameof(itemNumber), itemNumber, $"{Name} has items 1 to {ItemCount}.");
        }

        if (answer < MinAnswer || answer > MaxAnswer)
        {
            throw new ScaleAnswerException(Scale, OutOfRange(itemNumber, answer));
        }

        return Items[itemNumber - 1].Reversed ? MinAnswer + MaxAnswer - answer : answer;
    }

    /// <summary>
    /// Everything wrong with a set of answers. No answers at all is fine (the scale was not asked); otherwise
    /// there must be one answer per item, each within the options' range.
    /// </summary>
    public IReadOnlyList<ScaleAnswerError> Validate(IReadOnlyList<int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            return [];
        }

        if (answers.Count != ItemCount)
        {
            return
            [
                new ScaleAnswerError(
                    null,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Name} needs an answer to each of its {ItemCount} items, or none; {answers.Count} were given.")),
            ];
        }

        return
        [
            .. answers
                .Select((answer, i) => (Answer: answer, Number: i + 1))
                .Where(a => a.Answer < MinAnswer || a.Answer > MaxAnswer)
                .Select(a => OutOfRange(a.Number, a.Answer)),
        ];
    }

    /// <summary>
    /// The total after reverse-scoring, or null when the scale was not answered (no answers).
    /// Throws <see cref="ScaleAnswerException"/> naming the item when an answer is missing or out of range.
    /// </summary>
    public int? Total(IReadOnlyList<int> answers)
    {
        var errors = Validate(answers);
        if (errors.Count > 0)
        {
            throw new ScaleAnswerException(Scale, errors[0]);
        }

        return answers.Count == 0 ? null : answers.Select((answer, i) => Score(i + 1, answer)).Sum();
    }

    private ScaleAnswerError OutOfRange(int itemNumber, int answer) =>
        new(
            itemNumber,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{Name} item {itemNumber} (\"{Items[itemNumber - 1].Text}\") must be answered {MinAnswer} to {MaxAnswer}; {answer} was given."));
}

/// <summary>
/// The four Theory of Change scales. Self-esteem and locus of control use published, validated scales
/// (Rosenberg 1965; Pearlin and Schooler 1978); attitude to work and labour-market awareness use the
/// programme's own five-item scales, written for this platform and not independently validated.
/// </summary>
public static class Scales
{
    private static readonly ScaleOption[] FourPointFromZero =
    [
        new(0, "Strongly disagree"),
        new(1, "Disagree"),
        new(2, "Agree"),
        new(3, "Strongly agree"),
    ];

    private static readonly ScaleOption[] FourPointFromOne =
    [
        new(1, "Strongly disagree"),
        new(2, "Disagree"),
        new(3, "Agree"),
        new(4, "Strongly agree"),
    ];

    private static readonly ScaleOption[] FivePoint =
    [
        new(1, "Strongly disagree"),
        new(2, "Disagree"),
        new(3, "Neither agree nor disagree"),
        new(4, "Agree"),
        new(5, "Strongly agree"),
    ];

    /// <summary>
    /// Rosenberg Self-Esteem Scale (Rosenberg, M. 1965, Society and the Adolescent Self-Image, Princeton
    /// University Press), its ten published items in their published order, answered 0-3; the negatively
    /// worded items 2, 5, 6, 8 and 9 are reverse-scored; total 0-30.
    /// </summary>
    public static ScaleDefinition SelfEsteem { get; } = new(
        IndicatorScale.SelfEsteem,
        "Self-esteem",
        "Higher totals mean higher self-esteem.",
        "Rosenberg Self-Esteem Scale (Rosenberg, 1965): the ten published items in their published order.",
        programmeOwn: false,
        FourPointFromZero,
        [
            ("On the whole, I am satisfied with myself.", false),
            ("At times I think I am no good at all.", true),
            ("I feel that I have a number of good qualities.", false),
            ("I am able to do things as well as most other people.", false),
            ("I feel I do not have much to be proud of.", true),
            ("I certainly feel useless at times.", true),
            ("I feel that I'm a person of worth, at least on an equal plane with others.", false),
            ("I wish I could have more respect for myself.", true),
            ("All in all, I am inclined to feel that I am a failure.", true),
            ("I take a positive attitude toward myself.", false),
        ]);

    /// <summary>
    /// Pearlin Mastery Scale (Pearlin, L. I. and Schooler, C. 1978, "The structure of coping", Journal of Health
    /// and Social Behavior 19(1), 2-21), its seven published items, answered 1-4. The platform asks them in an
    /// order that puts the two positively worded items second and fifth, so the negatively worded items 1, 3, 4, 6
    /// and 7 are the reverse-scored ones; total 7-28, higher meaning more sense of control over one's life.
    /// (Published order, by this scale's item numbers: 1, 3, 4, 2, 6, 5, 7.)
    /// </summary>
    public static ScaleDefinition LocusOfControl { get; } = new(
        IndicatorScale.LocusOfControl,
        "Locus of control",
        "Higher totals mean a stronger sense of control over one's own life (mastery).",
        "Pearlin Mastery Scale (Pearlin and Schooler, 1978): the seven published items; the platform asks the two "
            + "positively worded items second and fifth.",
        programmeOwn: false,
        FourPointFromOne,
        [
            ("There is really no way I can solve some of the problems I have.", true),
            ("I can do just about anything I really set my mind to do.", false),
            ("Sometimes I feel that I'm being pushed around in life.", true),
            ("I have little control over the things that happen to me.", true),
            ("What happens to me in the future mostly depends on me.", false),
            ("I often feel helpless in dealing with the problems of life.", true),
            ("There is little I can do to change many of the important things in my life.", true),
        ]);

    /// <summary>The programme's own five-item attitude-to-work scale, answered 1-5, none reversed; total 5-25.</summary>
    public static ScaleDefinition AttitudeToWork { get; } = new(
        IndicatorScale.AttitudeToWork,
        "Attitude to work",
        "Higher totals mean a more positive attitude towards work.",
        "The programme's own short scale, written for this platform; not a published or independently validated scale.",
        programmeOwn: true,
        FivePoint,
        [
            ("Having a job is important to me.", false),
            ("Work would make my life better.", false),
            ("I would take a suitable job if one were offered to me now.", false),
            ("I am willing to learn new skills to get a job or to progress in work.", false),
            ("I feel ready to start work, or to take on more in the work I have.", false),
        ]);

    /// <summary>The programme's own five-item labour-market awareness scale, answered 1-5, none reversed; total 5-25.</summary>
    public static ScaleDefinition LabourMarketAwareness { get; } = new(
        IndicatorScale.LabourMarketAwareness,
        "Awareness of labour-market opportunities",
        "Higher totals mean more awareness of the jobs and help available locally.",
        "The programme's own short scale, written for this platform; not a published or independently validated scale.",
        programmeOwn: true,
        FivePoint,
        [
            ("I know what kinds of jobs are available near where I live.", false),
            ("I know where to look for job vacancies that suit me.", false),
            ("I know which employers in my area are recruiting.", false),
            ("I know what skills and qualifications employers want for the jobs I am interested in.", false),
            ("I know where to get help with training, job applications or interviews.", false),
        ]);

    /// <summary>The four scales in the order the Theory of Change lists the indicators.</summary>
    public static IReadOnlyList<ScaleDefinition> All { get; } = [SelfEsteem, LocusOfControl, AttitudeToWork, LabourMarketAwareness];

    public static ScaleDefinition For(IndicatorScale scale) => scale switch
    {
        IndicatorScale.SelfEsteem => SelfEsteem,
        IndicatorScale.LocusOfControl => LocusOfControl,
        IndicatorScale.AttitudeToWork => AttitudeToWork,
        IndicatorScale.LabourMarketAwareness => LabourMarketAwareness,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown indicator scale."),
    };
}
