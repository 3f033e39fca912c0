using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using StatusKit.AspNetCore.Texts;
using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Every supported language has every text of the pages, none empty, each with the arguments the English one takes, and
/// the texts <see cref="PageTexts.For"/> picks are those of the page's language.
/// </summary>
public sealed partial class PageTextsTests
{
    private static readonly PropertyInfo[] Texts =
        [.. typeof(PageTexts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string))];

    public static TheoryData<string> Languages => [.. PageLanguages.Supported];

    [Fact]
    public void The_catalogue_has_texts()
    {
        Assert.True(Texts.Length > 100, $"only {Texts.Length} texts found");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_every_text_with_the_english_arguments(string language)
    {
        var texts = PageTexts.For(language);
        var problems = new List<string>();

        foreach (var text in Texts)
        {
            var value = (string?)text.GetValue(texts);
            var english = (string)text.GetValue(PageTexts.English)!;
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{text.Name} is missing");
            }
            else if (!Arguments(value).SetEquals(Arguments(english)))
            {
                problems.Add($"{text.Name} takes {string.Join(",", Arguments(value))}, English {string.Join(",", Arguments(english))}");
            }
        }

        Assert.Empty(problems);
        Assert.Equal(language, texts.Tag);
        Assert.Same(StatusWords.For(language), texts.Words);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_languages_date_formats_write_a_date(string language)
    {
        var texts = PageTexts.For(language);
        var instant = new DateTimeOffset(2026, 3, 15, 14, 5, 0, TimeSpan.Zero);

        Assert.Contains("2026", instant.ToString(texts.DateTimeFormat, texts.Culture), StringComparison.Ordinal);
        Assert.Contains("14:05", instant.ToString(texts.DateTimeFormat, texts.Culture), StringComparison.Ordinal);
        Assert.Contains("15", new DateOnly(2026, 3, 15).ToString(texts.DayFormat, texts.Culture), StringComparison.Ordinal);
        Assert.Contains("2026", instant.ToString(texts.MonthFormat, texts.Culture), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_supported_language_has_its_own_texts_and_others_are_english()
    {
        Assert.Equal(PageLanguages.Supported, PageTexts.All.Select(t => t.Tag));
        Assert.Equal(PageLanguages.Supported.Count, PageTexts.All.Distinct().Count());
        Assert.Same(PageTexts.English, PageTexts.For(null));
        Assert.Same(PageTexts.English, PageTexts.For("xx"));
        Assert.Same(PageTexts.German, PageTexts.For("DE"));
        Assert.Same(CultureInfo.InvariantCulture, PageTexts.English.Culture);
    }

    private static HashSet<string> Arguments(string text) => [.. Argument().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex Argument();
}
