using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using StatusKit.Model;
using StatusKit.Notifications.Texts;
using StatusKit.Shared;

namespace StatusKit.Tests.Notifications.Texts;

/// <summary>
/// Every supported language has every text of the notices, none empty, each with the arguments the English one takes, and
/// the texts <see cref="NoticeTexts.For"/> picks are those of the page's language.
/// </summary>
public sealed partial class NoticeTextsTests
{
    private static readonly PropertyInfo[] Texts =
        [.. typeof(NoticeTexts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string))];

    // The status and state words, kept in one set shared with the page's texts (StatusWords).
    private static readonly PropertyInfo[] Words =
        [.. typeof(StatusWords).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string))];

    public static TheoryData<string> Languages => [.. PageLanguages.Supported];

    [Fact]
    public void The_catalogue_has_texts()
    {
        Assert.True(Texts.Length + Words.Length > 60, $"only {Texts.Length + Words.Length} texts found");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_every_text_with_the_english_arguments(string language)
    {
        var texts = NoticeTexts.For(language);
        var problems = new List<string>();

        foreach (var (text, owner, englishOwner) in Texts.Select(p => (p, (object)texts, (object)NoticeTexts.English))
                     .Concat(Words.Select(p => (p, (object)texts.Words, (object)NoticeTexts.English.Words))))
        {
            var value = (string?)text.GetValue(owner);
            var english = (string?)text.GetValue(englishOwner);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{text.Name} is missing");
            }
            else if (english is not null && !Arguments(value).SetEquals(Arguments(english)))
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
    public void Every_languages_date_format_writes_the_day_the_year_and_the_time(string language)
    {
        var texts = NoticeTexts.For(language);
        var written = new DateTimeOffset(2026, 3, 15, 14, 5, 0, TimeSpan.Zero).ToString(texts.DateTimeFormat, texts.Culture);

        Assert.Contains("15", written, StringComparison.Ordinal);
        Assert.Contains("2026", written, StringComparison.Ordinal);
        Assert.Contains("14:05", written, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_keeps_the_STOP_keyword_within_the_opt_out_limit(string language)
    {
        var texts = NoticeTexts.For(language);

        Assert.Contains("STOP", texts.ReplyStop, StringComparison.Ordinal);
        Assert.True(texts.ReplyStop.Length <= 60, texts.ReplyStop);
    }

    [Fact]
    public void Every_supported_language_has_its_own_texts_and_others_are_english()
    {
        Assert.Equal(PageLanguages.Supported, NoticeTexts.All.Select(t => t.Tag));
        Assert.Equal(PageLanguages.Supported.Count, NoticeTexts.All.Distinct().Count());
        Assert.Same(NoticeTexts.English, NoticeTexts.For(null));
        Assert.Same(NoticeTexts.English, NoticeTexts.For("xx"));
        Assert.Same(NoticeTexts.German, NoticeTexts.For("DE"));
        Assert.Same(CultureInfo.InvariantCulture, NoticeTexts.English.Culture);
        Assert.Null(NoticeTexts.English.ContentLanguage);
        Assert.Equal("fr", NoticeTexts.French.ContentLanguage);
    }

    private static HashSet<string> Arguments(string text) => [.. Argument().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex Argument();
}
