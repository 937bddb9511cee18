using ConnectingCommunities.Domain.Evaluation;

namespace ConnectingCommunities.Domain.Tests.Evaluation;

public class TablesSmallCellsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(250, false)]
    public void Counts_from_1_to_9_are_small_and_zero_and_10_are_not(int count, bool small) =>
        Assert.Equal(small, SmallCells.IsSmall(count));

    [Fact]
    public void A_table_without_small_cells_hides_nothing()
    {
        var cells = new SmallCells();
        var a = cells.Add(10);
        var b = cells.Add(25);
        var total = cells.Add(35);
        cells.AddLine(total, [a, b]);
        Assert.All(cells.Suppress(), Assert.False);
    }

    [Fact]
    public void One_small_cell_in_a_row_hides_the_next_smallest_so_the_total_does_not_give_it_away()
    {
        // 7 + 12 + 40 = 59: hiding 7 alone leaves 59 - 12 - 40 = 7.
        var cells = new SmallCells();
        var small = cells.Add(7);
        var twelve = cells.Add(12);
        var forty = cells.Add(40);
        var total = cells.Add(59);
        cells.AddLine(total, [small, twelve, forty]);

        var hidden = cells.Suppress();

        Assert.True(hidden[small]);
        Assert.True(hidden[twelve]);
        Assert.False(hidden[forty]);
        Assert.False(hidden[total]);
    }

    [Fact]
    public void Secondary_suppression_prefers_a_non_zero_cell_to_a_zero()
    {
        var cells = new SmallCells();
        var zero = cells.Add(0);
        var small = cells.Add(3);
        var big = cells.Add(20);
        var total = cells.Add(23);
        cells.AddLine(total, [zero, small, big]);

        var hidden = cells.Suppress();

        Assert.False(hidden[zero]);
        Assert.True(hidden[small]);
        Assert.True(hidden[big]);
        Assert.False(hidden[total]);
    }

    [Fact]
    public void A_line_with_one_part_besides_the_hidden_one_hides_the_total_when_nothing_else_is_left()
    {
        // A rate: n = with + without; hiding a small "with" must hide "without" too, or n - without gives it away.
        var cells = new SmallCells();
        var with = cells.Add(4);
        var without = cells.Add(30);
        var n = cells.Add(34);
        cells.AddLine(n, [with, without]);

        var hidden = cells.Suppress();

        Assert.True(hidden[with]);
        Assert.True(hidden[without]);
        Assert.False(hidden[n]);
    }

    [Fact]
    public void Suppression_spreads_across_rows_and_columns_until_no_line_has_a_single_hidden_cell()
    {
        // A 2x3 table with margins:
        //          c0   c1   c2 | total
        //   r0      5   20   30 |   55
        //   r1     40   50   60 |  150
        //   total  45   70   90 |  205
        var cells = new SmallCells();
        int[,] body = { { 5, 20, 30 }, { 40, 50, 60 } };
        var index = new int[2, 3];
        for (var r = 0; r < 2; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                index[r, c] = cells.Add(body[r, c]);
            }
        }

        int[] rowTotals = [cells.Add(55), cells.Add(150)];
        int[] columnTotals = [cells.Add(45), cells.Add(70), cells.Add(90)];
        var grand = cells.Add(205);
        for (var r = 0; r < 2; r++)
        {
            cells.AddLine(rowTotals[r], [index[r, 0], index[r, 1], index[r, 2]]);
        }

        for (var c = 0; c < 3; c++)
        {
            cells.AddLine(columnTotals[c], [index[0, c], index[1, c]]);
        }

        cells.AddLine(grand, rowTotals);
        cells.AddLine(grand, columnTotals);

        var hidden = cells.Suppress();

        // 5 is primary; 20 hides it in its row; 40 in its column; then 50 completes the rectangle.
        Assert.True(hidden[index[0, 0]]);
        Assert.True(hidden[index[0, 1]]);
        Assert.True(hidden[index[1, 0]]);
        Assert.True(hidden[index[1, 1]]);
        Assert.False(hidden[index[0, 2]]);
        Assert.False(hidden[index[1, 2]]);
        Assert.DoesNotContain(rowTotals.Concat(columnTotals).Append(grand), i => hidden[i]);

        // No line is left with exactly one hidden member: nothing can be worked out by subtraction.
        for (var r = 0; r < 2; r++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, 3).Count(c => hidden[index[r, c]]) + (hidden[rowTotals[r]] ? 1 : 0));
        }

        for (var c = 0; c < 3; c++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, 2).Count(r => hidden[index[r, c]]) + (hidden[columnTotals[c]] ? 1 : 0));
        }
    }

    [Fact]
    public void A_small_total_is_hidden_with_its_parts()
    {
        var cells = new SmallCells();
        var a = cells.Add(3);
        var b = cells.Add(0);
        var total = cells.Add(3);
        cells.AddLine(total, [a, b]);

        var hidden = cells.Suppress();

        Assert.True(hidden[a]);
        Assert.True(hidden[total]);
    }

    [Fact]
    public void Lines_must_add_up()
    {
        var cells = new SmallCells();
        var a = cells.Add(3);
        var total = cells.Add(4);
        Assert.Throws<ArgumentException>(() => cells.AddLine(total, [a]));
        Assert.Throws<ArgumentOutOfRangeException>(() => cells.Add(-1));
    }
}
