using System.Text.RegularExpressions;

namespace StatusKit.Tests.Architecture;

/// <summary>
/// Rules checked over the source files of every project under src/ (so a project this test project does not reference,
/// such as StatusKit.EntityFrameworkCore or a later StatusKit.AspNetCore, is covered too).
/// </summary>
public sealed partial class SourceRulesTests
{
    /// <summary>Public non-abstract, non-static classes that may stay unsealed, each with its reason.</summary>
    private static readonly Dictionary<string, string> UnsealedAllowed = new(StringComparer.Ordinal)
    {
        ["StatusKitException"] = "the base of the library's exception hierarchy: hosts catch it, the specific exceptions derive from it",
        ["StatusKitDbContext"] = "the library-owned context; the SQLite and PostgreSQL contexts derive from it to carry their migrations",
    };

    [Fact]
    public void NoSourceFile_ReadsTheSystemClock()
    {
        var offences = SourceFiles()
            .SelectMany(file => ClockReads(File.ReadAllText(file)).Select(line => $"{Relative(file)}:{line}"))
            .ToList();

        Assert.True(offences.Count == 0, "Use the injected TimeProvider instead of the system clock at:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void EveryLogEventId_IsListedInTheLoggingDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "logging.md"));
        var missing = SourceFiles()
            .Where(file => Path.GetFileName(file) == "Log.cs")
            .SelectMany(file => LogEventIds().Matches(File.ReadAllText(file)).Select(m => (File: Relative(file), Id: m.Groups["id"].Value)))
            .Where(e => !docs.Contains($"| {e.Id} |", StringComparison.Ordinal))
            .Select(e => $"{e.Id} ({e.File})")
            .ToList();

        Assert.True(missing.Count == 0, "List these log event ids in docs/logging.md:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryLogEvent_IsNamedAsTheLoggingDocsNameIt()
    {
        // The name a log record carries (EventId.Name): the attribute's EventName, else the method's name.
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "logging.md"));
        var documented = DocumentedLogEvents().Matches(docs).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["name"].Value);
        var events = SourceFiles()
            .Where(file => Path.GetFileName(file) == "Log.cs")
            .SelectMany(file => LogEvents().Matches(File.ReadAllText(file)).Select(m => (
                File: Relative(file),
                Id: m.Groups["id"].Value,
                Name: EventNameArgument().Match(m.Groups["args"].Value) is { Success: true } named ? named.Groups["name"].Value : m.Groups["method"].Value)))
            .ToList();
        var misnamed = events
            .Where(e => documented.TryGetValue(e.Id, out var name) && name != e.Name)
            .Select(e => $"{e.Id}: '{e.Name}' in {e.File}, '{documented[e.Id]}' in docs/logging.md")
            .ToList();

        Assert.True(events.Count >= 100 && documented.Count >= 100, $"{events.Count} events read, {documented.Count} documented");
        Assert.True(misnamed.Count == 0, "Name these log events as docs/logging.md does (EventName = \"…\"):\n" + string.Join("\n", misnamed));
    }

    [Fact]
    public void EveryLogEventId_IsUsedByOneMessageOnly()
    {
        var reused = SourceFiles()
            .Where(file => Path.GetFileName(file) == "Log.cs")
            .SelectMany(file => LogEventIds().Matches(File.ReadAllText(file)).Select(m => (File: Relative(file), Id: m.Groups["id"].Value)))
            .GroupBy(e => e.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.File))}")
            .ToList();

        Assert.True(reused.Count == 0, "Give each log message its own event id (and list it in docs/logging.md):\n" + string.Join("\n", reused));
    }

    [Theory]
    [InlineData("var now = DateTime.UtcNow;", 1)]
    [InlineData("var now = DateTimeOffset.Now;", 1)]
    [InlineData("x = System.DateTime.Today;", 1)]
    [InlineData("a = DateTime.Now;\nb = DateTimeOffset.UtcNow;", 2)]
    [InlineData("var now = time.GetUtcNow();", 0)]
    [InlineData("// DateTime.UtcNow is banned", 0)]
    [InlineData("/// <summary>never DateTimeOffset.UtcNow</summary>", 0)]
    [InlineData("var s = \"DateTime.Now\";", 0)]
    [InlineData("var d = DateTime.UnixEpoch;", 0)]
    public void ClockReads_FindsEveryUse_AndIgnoresCommentsAndStrings(string source, int expected)
    {
        Assert.Equal(expected, ClockReads(source).Count);
    }

    [Fact]
    public void PublicClasses_AreSealed_UnlessAllowedWithAReason()
    {
        var unsealed = SourceFiles()
            .SelectMany(file => UnsealedPublicClasses(File.ReadAllText(file)).Select(c => (File: file, c.Name, c.Line)))
            .Where(c => !UnsealedAllowed.ContainsKey(c.Name))
            .Select(c => $"{Relative(c.File)}:{c.Line} {c.Name}")
            .ToList();

        Assert.True(unsealed.Count == 0, "Seal these public classes or add them to the allow-list with a reason:\n" + string.Join("\n", unsealed));
    }

    [Fact]
    public void PublicTypesOfTheCoreAssembly_AreSealed_UnlessAllowed()
    {
        var unsealed = typeof(StatusKitException).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !UnsealedAllowed.ContainsKey(t.Name))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(unsealed);
    }

    [Fact]
    public void TheAllowList_NamesOnlyClassesThatExistAndAreUnsealed()
    {
        var unsealed = SourceFiles().SelectMany(file => UnsealedPublicClasses(File.ReadAllText(file))).Select(c => c.Name).ToHashSet();

        Assert.All(UnsealedAllowed, entry =>
        {
            Assert.Contains(entry.Key, unsealed);
            Assert.False(string.IsNullOrWhiteSpace(entry.Value));
        });
    }

    [Theory]
    [InlineData("public class Foo { }", "Foo")]
    [InlineData("public partial class Foo : Bar", "Foo")]
    [InlineData("public record Foo(int A);", "Foo")]
    [InlineData("public sealed class Foo { }", null)]
    [InlineData("public static class Foo { }", null)]
    [InlineData("public abstract class Foo { }", null)]
    [InlineData("public sealed partial record Foo;", null)]
    [InlineData("internal class Foo { }", null)]
    [InlineData("public record struct Foo(int A);", null)]
    public void UnsealedPublicClasses_RecognisesTheDeclarations(string source, string? expected)
    {
        Assert.Equal(expected is null ? [] : [expected], UnsealedPublicClasses(source).Select(c => c.Name));
    }

    /// <summary>The 1-based lines of <paramref name="source"/> that read the system clock, outside comments and strings.</summary>
    internal static List<int> ClockReads(string source)
    {
        var lines = source.Split('\n');
        var result = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var code = StringLiteral().Replace(lines[i], "\"\"");
            var comment = code.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0)
            {
                code = code[..comment];
            }

            if (ClockRead().IsMatch(code))
            {
                result.Add(i + 1);
            }
        }

        return result;
    }

    private static IEnumerable<(string Name, int Line)> UnsealedPublicClasses(string source)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ClassDeclaration().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var modifiers = match.Groups["modifiers"].Value;
            if (!modifiers.Contains("sealed", StringComparison.Ordinal) && !modifiers.Contains("static", StringComparison.Ordinal) && !modifiers.Contains("abstract", StringComparison.Ordinal))
            {
                yield return (match.Groups["name"].Value, i + 1);
            }
        }
    }

    private static IEnumerable<string> SourceFiles()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, $"Expected the sources under {src}, found {files.Count} files.");
        return files;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StatusKit.sln")) || File.Exists(Path.Combine(dir.FullName, "StatusKit.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No StatusKit.sln above {AppContext.BaseDirectory}.");
    }

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot(), file).Replace('\\', '/');

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(UtcNow|Now|Today)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClockRead();

    [GeneratedRegex(@"@?""(?:[^""\\]|\\.)*""", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^\s*public\s+(?<modifiers>(?:(?:sealed|static|abstract|partial|unsafe|new)\s+)*)(?:class|record(?!\s+struct))\s+(?<name>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"\[LoggerMessage\((?:EventId\s*=\s*)?(?<id>\d+)")]
    private static partial Regex LogEventIds();

    // An event's attribute (its id, then its other arguments, over several lines perhaps) and the method it names.
    [GeneratedRegex(@"\[LoggerMessage\((?:EventId\s*=\s*)?(?<id>\d+)(?<args>(?:(?!\[LoggerMessage).)*?)\)\]\s*(?:public|private|internal)\s+static\s+partial\s+void\s+(?<method>\w+)\(", RegexOptions.Singleline)]
    private static partial Regex LogEvents();

    [GeneratedRegex(@"EventName\s*=\s*""(?<name>\w+)""")]
    private static partial Regex EventNameArgument();

    // A row of docs/logging.md's event tables: | id | Name | Level | …
    [GeneratedRegex(@"^\| (?<id>\d{4}) \| (?<name>[A-Z]\w+) \| (?:Trace|Debug|Information|Warning|Error|Critical) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedLogEvents();
}
