using System.Text;

namespace ConnectingCommunities.Cli.Regress;

/// <summary>
/// A CSV file read whole (RFC 4180): a header row of column names, then text cells.
/// Fields may be quoted, with "" for a quote and line breaks inside quotes; lines may end
/// in CRLF or LF; a UTF-8 byte order mark is skipped; cells are trimmed of spaces.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> index;

    private CsvTable(string[] headers, List<string?[]> rows)
    {
        Headers = headers;
        Rows = rows;
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            if (!index.TryAdd(headers[i], i))
            {
                throw new RegressInputException($"The column name '{headers[i]}' appears more than once in the header.");
            }
        }
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<string?[]> Rows { get; }

    public bool HasColumn(string name) => index.ContainsKey(name);

    /// <summary>The cells of one column, in row order.</summary>
    public string?[] Column(string name)
    {
        var i = index[name];
        return Rows.Select(r => r[i]).ToArray();
    }

    /// <summary>The record number of a data row, counting the header as record 1 (the line, when no field spans lines).</summary>
    public static int LineOf(int row) => row + 2;

    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    public static CsvTable Parse(TextReader reader, string source)
    {
        var records = new List<string?[]>();
        var record = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.ToString().Trim().Length == 0 && !quoted:
                    field.Clear();
                    inQuotes = true;
                    quoted = true;
                    break;
                case '"':
                    throw new RegressInputException($"The file '{source}' is not valid CSV: a stray quote on line {line}.");
                case ',':
                    record.Add(Finish(field, quoted));
                    quoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(Finish(field, quoted));
                    quoted = false;
                    AddRecord(records, record);
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (quoted && !char.IsWhiteSpace(ch))
                    {
                        throw new RegressInputException($"The file '{source}' is not valid CSV: text after a closing quote on line {line}.");
                    }

                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new RegressInputException($"The file '{source}' is not valid CSV: a quote opened on line {recordLine} is never closed.");
        }

        if (field.Length > 0 || quoted || record.Count > 0)
        {
            record.Add(Finish(field, quoted));
            AddRecord(records, record);
        }

        if (records.Count == 0)
        {
            throw new RegressInputException($"The file '{source}' is empty: it needs a header row naming the columns.");
        }

        var headers = records[0].Select(h => h ?? string.Empty).ToArray();
        if (headers.Any(string.IsNullOrEmpty))
        {
            throw new RegressInputException($"The file '{source}' has an empty column name in its header row.");
        }

        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Length != headers.Length)
            {
                throw new RegressInputException(
                    $"The file '{source}' is not valid CSV: record {r + 1} has {records[r].Length} fields, but the header has {headers.Length}.");
            }
        }

        return new CsvTable(headers, records.Skip(1).ToList());
    }

    private static string Finish(StringBuilder field, bool quoted)
    {
        // Quoted fields keep their spaces; unquoted ones are trimmed.
        var text = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return text;
    }

    private static void AddRecord(List<string?[]> records, List<string?> record)
    {
        // A blank line (one empty unquoted field) is skipped, as R's read.csv does.
        if (!(record.Count == 1 && record[0]!.Length == 0))
        {
            records.Add([.. record]);
        }

        record.Clear();
    }
}
