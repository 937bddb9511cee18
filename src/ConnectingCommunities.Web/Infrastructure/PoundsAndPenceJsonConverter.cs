using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>
/// Money is the only decimal in the API: write it in pounds and pence ("889.00", not "889.0"
/// as SQLite hands it back), whatever scale the database kept.
/// </summary>
public sealed class PoundsAndPenceJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // Adding 0.00m gives at least two decimal places without changing the value.
        writer.WriteNumberValue(value + 0.00m);
    }
}
