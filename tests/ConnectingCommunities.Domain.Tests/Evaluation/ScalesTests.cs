using ConnectingCommunities.Domain.Evaluation;

namespace ConnectingCommunities.Domain.Tests.Evaluation;

public class ScalesTests
{
    [Fact]
    public void The_four_scales_have_the_session_definitions()
    {
        Assert.Equal(
            [IndicatorScale.SelfEsteem, IndicatorScale.LocusOfControl, IndicatorScale.AttitudeToWork, IndicatorScale.LabourMarketAwareness],
            Scales.All.Select(s => s.Scale));

        AssertShape(Scales.SelfEsteem, items: 10, minAnswer: 0, maxAnswer: 3, minTotal: 0, maxTotal: 30, reversed: [2, 5, 6, 8, 9]);
        AssertShape(Scales.LocusOfControl, items: 7, minAnswer: 1, maxAnswer: 4, minTotal: 7, maxTotal: 28, reversed: [1, 3, 4, 6, 7]);
        AssertShape(Scales.AttitudeToWork, items: 5, minAnswer: 1, maxAnswer: 5, minTotal: 5, maxTotal: 25, reversed: []);
        AssertShape(Scales.LabourMarketAwareness, items: 5, minAnswer: 1, maxAnswer: 5, minTotal: 5, maxTotal: 25, reversed: []);
        Assert.False(Scales.SelfEsteem.ProgrammeOwn);
        Assert.False(Scales.LocusOfControl.ProgrammeOwn);
        Assert.True(Scales.AttitudeToWork.ProgrammeOwn);
        Assert.True(Scales.LabourMarketAwareness.ProgrammeOwn);
    }

    [Fact]
    public void Every_item_has_distinct_wording_and_every_scale_is_found_by_its_name()
    {
        foreach (var scale in Scales.All)
        {
            Assert.Same(scale, Scales.For(scale.Scale));
            Assert.Equal(scale.ItemCount, scale.Items.Select(i => i.Text).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, scale.ItemCount), scale.Items.Select(i => i.Number));
            Assert.All(scale.Items, i => Assert.EndsWith(".", i.Text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Rosenberg_reversed_items_are_the_negatively_worded_ones()
    {
        Assert.Equal("At times I think I am no good at all.", Scales.SelfEsteem.Items[1].Text);
        Assert.Equal("All in all, I am inclined to feel that I am a failure.", Scales.SelfEsteem.Items[8].Text);
        Assert.Equal("I take a positive attitude toward myself.", Scales.SelfEsteem.Items[9].Text);
    }

    [Fact]
    public void Rosenberg_total_reverse_scores_items_2_5_6_8_and_9()
    {
        // Agreeing strongly with every statement: 5 positive items score 3 each, 5 reversed items score 0 each.
        Assert.Equal(15, Scales.SelfEsteem.Total([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]));

        // Highest self-esteem: strongly agree with the positive items, strongly disagree with the negative ones.
        Assert.Equal(30, Scales.SelfEsteem.Total([3, 0, 3, 3, 0, 0, 3, 0, 0, 3]));
        Assert.Equal(0, Scales.SelfEsteem.Total([0, 3, 0, 0, 3, 3, 0, 3, 3, 0]));

        // A worked mixed example: items 1-10 answered 2,1,2,2,1,2,3,1,0,2 -> 2+2+2+2+2+1+3+2+3+2 = 21.
        Assert.Equal(21, Scales.SelfEsteem.Total([2, 1, 2, 2, 1, 2, 3, 1, 0, 2]));
    }

    [Fact]
    public void Pearlin_total_reverse_scores_items_1_3_4_6_and_7()
    {
        Assert.Equal(28, Scales.LocusOfControl.Total([1, 4, 1, 1, 4, 1, 1]));
        Assert.Equal(7, Scales.LocusOfControl.Total([4, 1, 4, 4, 1, 4, 4]));

        // 2,3,1,2,4,3,2 -> (5-2)+3+(5-1)+(5-2)+4+(5-3)+(5-2) = 3+3+4+3+4+2+3 = 22.
        Assert.Equal(22, Scales.LocusOfControl.Total([2, 3, 1, 2, 4, 3, 2]));
        Assert.Equal(4, Scales.LocusOfControl.Score(1, 1));
        Assert.Equal(4, Scales.LocusOfControl.Score(2, 4));
    }

    [Fact]
    public void Programme_scales_are_plain_sums()
    {
        Assert.Equal(5, Scales.AttitudeToWork.Total([1, 1, 1, 1, 1]));
        Assert.Equal(25, Scales.AttitudeToWork.Total([5, 5, 5, 5, 5]));
        Assert.Equal(17, Scales.LabourMarketAwareness.Total([3, 4, 2, 5, 3]));
    }

    [Fact]
    public void An_unanswered_scale_has_no_total()
    {
        foreach (var scale in Scales.All)
        {
            Assert.Null(scale.Total([]));
            Assert.Empty(scale.Validate([]));
        }
    }

    [Fact]
    public void A_wrong_number_of_answers_is_refused()
    {
        var error = Assert.Throws<ScaleAnswerException>(() => Scales.SelfEsteem.Total([1, 2, 3]));

        Assert.Null(error.ItemNumber);
        Assert.Equal(IndicatorScale.SelfEsteem, error.Scale);
        Assert.Contains("each of its 10 items", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 were given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_out_of_range_is_refused_naming_the_item()
    {
        var error = Assert.Throws<ScaleAnswerException>(() => Scales.SelfEsteem.Total([0, 1, 2, 4, 0, 0, 0, 0, 0, 0]));

        Assert.Equal(4, error.ItemNumber);
        Assert.Contains("item 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("I am able to do things as well as most other people.", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 to 3", error.Message, StringComparison.Ordinal);

        // Pearlin answers start at 1: a 0 is out of range.
        var zero = Assert.Throws<ScaleAnswerException>(() => Scales.LocusOfControl.Total([2, 2, 2, 2, 2, 2, 0]));
        Assert.Equal(7, zero.ItemNumber);
    }

    [Fact]
    public void Validate_lists_every_bad_item()
    {
        var errors = Scales.AttitudeToWork.Validate([0, 3, 6, 3, 3]);

        Assert.Equal([1, 3], errors.Select(e => e.ItemNumber));
    }

    [Fact]
    public void Labels_name_the_stored_values()
    {
        Assert.Equal("Strongly disagree", Scales.SelfEsteem.Label(0));
        Assert.Equal("Strongly agree", Scales.SelfEsteem.Label(3));
        Assert.Equal("Neither agree nor disagree", Scales.AttitudeToWork.Label(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scales.LocusOfControl.Label(0));
    }

    private static void AssertShape(ScaleDefinition scale, int items, int minAnswer, int maxAnswer, int minTotal, int maxTotal, int[] reversed)
    {
        Assert.Equal(items, scale.ItemCount);
        Assert.Equal(minAnswer, scale.MinAnswer);
        Assert.Equal(maxAnswer, scale.MaxAnswer);
        Assert.Equal(minTotal, scale.MinTotal);
        Assert.Equal(maxTotal, scale.MaxTotal);
        Assert.Equal(reversed, scale.ReversedItems);
    }
}
