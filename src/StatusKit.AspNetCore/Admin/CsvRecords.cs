using System.Text;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads CSV as RFC 4180 writes it: fields separated by commas, records by CRLF (or LF, or CR, as other tools write
/// them); a field in double quotes may hold commas, line breaks and quotes (doubled). A byte order mark at the start is
/// ignored, and so is an empty line. A quoted field that is never closed, or text after a closing quote, is a
/// <see cref="StatusKitValidationException"/> naming <c>body</c> and the line; a quote inside a field that does not start
/// with one is taken as it is (as spreadsheets read it).
/// </summary>
internal static class CsvRecords
{
    /// <summary>The records of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var field = new StringBuilder();
        while (true)
        {
            var recordLine = line;
            var fields = new List<string>();
            var quoted = false;
            while (true)
            {
                field.Clear();
                if (i < text.Length && text[i] == '"')
                {
                    quoted = true;
                    i = Quoted(text, i, field, ref line);
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        throw new StatusKitValidationException(
                            "body", $"The CSV is not valid on line {line}: after a quoted field's closing quote comes a comma or the end of the line (a quote inside a quoted field is written twice: \"\").");
                    }
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        field.Append(text[i++]);
                    }
                }

                fields.Add(field.ToString());
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                break;
            }

            var end = i >= text.Length;
            if (!end)
            {
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
            }

            if (quoted || fields.Count > 1 || fields[0].Length > 0)
            {
                records.Add(new CsvRecord(recordLine, fields));
            }

            if (end)
            {
                return records;
            }
        }
    }

    // The quoted field at text[start] (its opening quote) into field; the index after its closing quote.
    private static int Quoted(string text, int start, StringBuilder field, ref int line)
    {
        var opened = line;
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
            }

            field.Append(c);
            i++;
        }

        throw new StatusKitValidationException(
            "body", $"The CSV is not valid: the quoted field that starts on line {opened} has no closing quote.");
    }
}
