namespace StatusKit.Tests.Architecture;

/// <summary>
/// docs/custom-store.md shows the test class an embedder writes; CI compiles the same class against the packed
/// StatusKit.Testing package (.ci/consumer) and our in-memory store runs it, so the three must not drift apart.
/// </summary>
public sealed class CustomStoreDocTests
{
    private const string ExampleClass = "public sealed class InMemoryStatusStoreContractTests : StatusStoreContractTests";

    [Fact]
    public void The_doc_example_is_the_class_CI_compiles_against_the_packed_package_line_for_line()
    {
        var example = DocExample();

        Assert.Equal(example, Code(Read(".ci", "consumer", "StoreContractExample.cs")));
    }

    [Fact]
    public void The_doc_example_is_the_class_our_in_memory_store_runs_line_for_line()
    {
        var example = DocExample();

        Assert.Equal(example, Code(Read("tests", "StatusKit.Tests", "InMemory", "InMemoryStatusStoreContractTests.cs")));
    }

    [Fact]
    public void README_lists_the_package_and_links_the_doc()
    {
        var readme = Read("README.md");

        Assert.Contains("| `StatusKit.Testing` |", readme, StringComparison.Ordinal);
        Assert.Contains("(docs/custom-store.md)", readme, StringComparison.Ordinal);
        Assert.Contains("(custom-store.md)", Read("docs", "architecture.md"), StringComparison.Ordinal);
    }

    /// <summary>The C# block of the doc that declares the example class, without its usings' order mattering.</summary>
    private static List<string> DocExample()
    {
        var doc = Read("docs", "custom-store.md");
        var blocks = doc.Split("```");
        var block = blocks.Where((_, i) => i % 2 == 1).Single(b => b.Contains(ExampleClass, StringComparison.Ordinal));
        return Code(block.StartsWith("csharp", StringComparison.Ordinal) ? block["csharp".Length..] : block);
    }

    /// <summary>The lines of a file that are code: no comments, namespace or blank lines, usings sorted.</summary>
    private static List<string> Code(string source)
    {
        var lines = source.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n')
            .Select(l => l.TrimEnd())
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith("namespace ", StringComparison.Ordinal))
            .ToList();
        return [.. lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
                .. lines.Where(l => !l.StartsWith("using ", StringComparison.Ordinal))];
    }

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([RepositoryRoot(), .. path]));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StatusKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No StatusKit.sln above {AppContext.BaseDirectory}.");
    }
}
