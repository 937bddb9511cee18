using System.Text;
using System.Text.Json;
using ConnectingCommunities.Statistics.Regression;

namespace ConnectingCommunities.Cli.Regress;

/// <summary>Writes a fit as the JSON that <c>cc regress</c> prints.</summary>
internal static class RegressJson
{
    public static string Write(LogisticRegressionResult result, bool includeProfile)
    {
        using var stream = new MemoryStream();
        // The relaxed encoder leaves quotes in warnings (') and signs such as × readable; the
        // output is a terminal or a file, never HTML, which is what the default guards against.
        var options = new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteNumber("n", result.ObservationCount);
            json.WriteNumber("nDropped", result.DroppedRowCount);
            json.WriteBoolean("converged", result.Converged);
            json.WriteNumber("iterations", result.Iterations);
            Number(json, "nullDeviance", result.NullDeviance);
            json.WriteNumber("nullDf", result.NullDegreesOfFreedom);
            Number(json, "residualDeviance", result.ResidualDeviance);
            json.WriteNumber("residualDf", result.ResidualDegreesOfFreedom);
            Number(json, "logLikelihood", result.LogLikelihood);
            Number(json, "aic", result.Aic);
            json.WriteStartArray("coefficients");
            foreach (var term in result.Terms)
            {
                json.WriteStartObject();
                json.WriteString("term", term.Term);
                Number(json, "estimate", term.Estimate);
                Number(json, "stdError", term.StandardError);
                Number(json, "z", term.Z);
                Number(json, "p", term.P);
                Number(json, "oddsRatio", term.OddsRatio);
                Number(json, "ciLower", term.OddsRatioLower);
                Number(json, "ciUpper", term.OddsRatioUpper);
                if (includeProfile)
                {
                    Number(json, "profileLower", term.ProfileLower);
                    Number(json, "profileUpper", term.ProfileUpper);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in result.Warnings)
            {
                json.WriteStringValue(warning.Message);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Writes a double in full (shortest round-trip) precision; JSON has no infinity or NaN,
    /// so those (an odds ratio beyond double range, say) are written as null.
    /// </summary>
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
