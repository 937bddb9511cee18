using System.Globalization;
using System.Text;

namespace ConnectingCommunities.Statistics.Regression;

/// <summary>
/// Finds aliased columns the way R's <c>lm</c> and <c>glm</c> do: columns are taken in order,
/// and one whose part not explained by the earlier kept columns is negligible is dropped,
/// so the earlier column is kept and the later one reported as <c>NA</c>.
/// </summary>
/// <remarks>
/// R runs a Householder QR with limited pivoting on the weighted matrix. Here the same
/// in-order elimination runs as a Cholesky factorisation of the cross-product, which the first
/// pass computes anyway, so detection costs no extra pass over the data. Working from the
/// cross-product squares the condition number, which is why the tolerance is on the
/// residual norm relative to the column's norm at 1e-7 (R's <c>lm</c> default) rather than
/// the 1e-11 of <c>glm.fit</c>: exact linear combinations leave a residual near 1e-8 here.
/// </remarks>
internal static class Collinearity
{
    internal sealed record Analysis(int[] Kept, IReadOnlyList<RegressionWarning> Warnings);

    internal static Analysis Analyse(double[,] gram, IReadOnlyList<DesignTerm> terms, double tolerance)
    {
        var p = gram.GetLength(0);
        var l = new double[p, p];
        var kept = new List<int>();
        var warnings = new List<RegressionWarning>();
        for (var j = 0; j < p; j++)
        {
            var diagonal = gram[j, j];
            if (!(diagonal > 0))
            {
                warnings.Add(new RegressionWarning(
                    RegressionWarningKind.Collinearity,
                    $"Collinearity: '{terms[j].Name}' is 0 in every row used; it was dropped and has no estimate (R reports NA).",
                    [terms[j].Name]));
                continue;
            }

            // Row j of the Cholesky factor against the kept columns so far.
            var residual = diagonal;
            foreach (var k in kept)
            {
                var sum = gram[j, k];
                foreach (var i in kept)
                {
                    if (i >= k)
                    {
                        break;
                    }

                    sum -= l[j, i] * l[k, i];
                }

                l[j, k] = sum / l[k, k];
                residual -= l[j, k] * l[j, k];
            }

            if (residual > tolerance * tolerance * diagonal)
            {
                l[j, j] = Math.Sqrt(residual);
                kept.Add(j);
            }
            else
            {
                warnings.Add(Aliased(j, kept, l, gram, terms));
            }
        }

        return new Analysis([.. kept], warnings);
    }

    /// <summary>Explains which earlier columns the aliased column <paramref name="j"/> is made of.</summary>
    private static RegressionWarning Aliased(int j, List<int> kept, double[,] l, double[,] gram, IReadOnlyList<DesignTerm> terms)
    {
        // Coefficients c of column j on the kept columns: L_K' c = l_j, by back-substitution.
        var c = new double[kept.Count];
        for (var a = kept.Count - 1; a >= 0; a--)
        {
            var sum = l[j, kept[a]];
            for (var b = a + 1; b < kept.Count; b++)
            {
                sum -= l[kept[b], kept[a]] * c[b];
            }

            c[a] = sum / l[kept[a], kept[a]];
        }

        var norm = Math.Sqrt(gram[j, j]);
        var parts = new List<(string Name, double Coefficient)>();
        for (var a = 0; a < kept.Count; a++)
        {
            // Leave out contributions that are only rounding noise.
            if (Math.Abs(c[a]) * Math.Sqrt(gram[kept[a], kept[a]]) > 1e-6 * norm)
            {
                parts.Add((terms[kept[a]].Name, c[a]));
            }
        }

        var name = terms[j].Name;
        var names = parts.Select(x => x.Name).ToList();
        var formula = new StringBuilder();
        foreach (var (term, coefficient) in parts)
        {
            var sign = coefficient < 0 ? " - " : formula.Length == 0 ? string.Empty : " + ";
            formula.Append(sign)
                .Append(Math.Abs(coefficient).ToString("G6", CultureInfo.InvariantCulture))
                .Append(term == DesignTerm.InterceptName ? string.Empty : " × " + term);
        }

        var description = names.Count == 0
            ? "a linear combination of earlier terms"
            : $"a linear combination of {string.Join(", ", names.Select(x => $"'{x}'"))} ({name} = {formula})";
        return new RegressionWarning(
            RegressionWarningKind.Collinearity,
            $"Collinearity: '{name}' is {description}; it was dropped and has no estimate (R reports NA).",
            [name, .. names]);
    }
}
