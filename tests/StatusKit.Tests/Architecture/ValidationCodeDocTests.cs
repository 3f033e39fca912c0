using System.Reflection;
using System.Text.RegularExpressions;

namespace StatusKit.Tests.Architecture;

/// <summary>
/// The refusal codes (<see cref="ValidationCodes"/>) are a promise to programs that branch on them: each is unique,
/// shaped alike (<c>subject.reason</c>, camelCase) and listed in docs/aspnetcore.md, where problem details are described.
/// </summary>
public sealed partial class ValidationCodeDocTests
{
    private static readonly List<string> Codes =
        [.. typeof(ValidationCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void Every_code_is_unique_and_shaped_subject_dot_reason()
    {
        Assert.NotEmpty(Codes);
        Assert.Equal(Codes.Count, Codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Codes, code => Assert.Matches(CodeShape(), code));
    }

    [Fact]
    public void Every_code_is_listed_in_the_aspnetcore_docs()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "aspnetcore.md"));

        Assert.All(Codes, code => Assert.Contains($"`{code}`", doc, StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-z][A-Za-z]*\\.[a-z][A-Za-z]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();

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
