namespace StatusKit.AspNetCore.Html;

/// <summary>
/// Plain text (a postmortem) as the page shows it: paragraphs separated by blank lines (lines of only white space
/// count as blank), each paragraph its lines, trimmed at their ends. No markup is read: the text stays text.
/// </summary>
internal static class PlainTextParagraphs
{
    public static IReadOnlyList<IReadOnlyList<string>> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<IReadOnlyList<string>>();
        var lines = new List<string>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            else if (lines.Count > 0)
            {
                paragraphs.Add(lines);
                lines = [];
            }
        }

        if (lines.Count > 0)
        {
            paragraphs.Add(lines);
        }

        return paragraphs;
    }
}
