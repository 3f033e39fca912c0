using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

public sealed class RecurrenceRuleParseTests
{
    [Theory]
    [InlineData("FREQ=DAILY")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0")]
    [InlineData("rrule:freq=monthly;byday=+2tu,-1fr")]
    [InlineData("BYDAY=MO;FREQ=WEEKLY;WKST=SU;INTERVAL=2")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=-53,1,53;BYDAY=MO")]
    [InlineData("FREQ=YEARLY;BYYEARDAY=-366,366;BYSETPOS=-366,366")]
    [InlineData("FREQ=MINUTELY;BYSECOND=0,60")]
    [InlineData("FREQ=DAILY;UNTIL=20251231")]
    [InlineData("FREQ=DAILY;UNTIL=20251231T235959Z;")]
    [InlineData(" FREQ = DAILY ; COUNT = 3 ")]
    public void TryParse_ValidRule_Succeeds(string text)
    {
        var ok = RecurrenceRule.TryParse(text, out var rule, out var error);

        Assert.True(ok, error);
        Assert.NotNull(rule);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("BYDAY=MO", "FREQ")]
    [InlineData("FREQ=FORTNIGHTLY", "FREQ")]
    [InlineData("FREQ=DAILY;COLOR=RED", "COLOR")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY", "FREQ")]
    [InlineData("FREQ=DAILY;COUNT=2;UNTIL=20250101", "COUNT")]
    [InlineData("FREQ=DAILY;COUNT=0", "COUNT")]
    [InlineData("FREQ=DAILY;COUNT=x", "COUNT")]
    [InlineData("FREQ=DAILY;INTERVAL=0", "INTERVAL")]
    [InlineData("FREQ=DAILY;INTERVAL=-1", "INTERVAL")]
    [InlineData("FREQ=YEARLY;BYMONTH=13", "BYMONTH")]
    [InlineData("FREQ=YEARLY;BYMONTH=0", "BYMONTH")]
    [InlineData("FREQ=YEARLY;BYMONTH=-1", "BYMONTH")]
    [InlineData("FREQ=DAILY;BYHOUR=24", "BYHOUR")]
    [InlineData("FREQ=DAILY;BYHOUR=+5", "BYHOUR")]
    [InlineData("FREQ=DAILY;BYMINUTE=60", "BYMINUTE")]
    [InlineData("FREQ=DAILY;BYSECOND=61", "BYSECOND")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY")]
    [InlineData("FREQ=YEARLY;BYYEARDAY=0", "BYYEARDAY")]
    [InlineData("FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=0", "BYWEEKNO")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367", "BYSETPOS")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX", "BYDAY")]
    [InlineData("FREQ=WEEKLY;BYDAY=MONDAY", "BYDAY")]
    [InlineData("FREQ=MONTHLY;BYDAY=0MO", "BYDAY")]
    [InlineData("FREQ=YEARLY;BYDAY=54MO", "BYDAY")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,,TU", "BYDAY")]
    [InlineData("FREQ=WEEKLY;BYDAY=", "BYDAY")]
    [InlineData("FREQ=WEEKLY;BYMONTH=1,", "BYMONTH")]
    [InlineData("FREQ=WEEKLY;WKST=XX", "WKST")]
    [InlineData("FREQ=DAILY;UNTIL=2025", "UNTIL")]
    [InlineData("FREQ=DAILY;UNTIL=20250101T000000", "UNTIL")]
    [InlineData("FREQ=DAILY;UNTIL=20251301", "UNTIL")]
    [InlineData("FREQ=DAILY;UNTIL=20250101T250000Z", "UNTIL")]
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY")]
    [InlineData("FREQ=DAILY;BYYEARDAY=1", "BYYEARDAY")]
    [InlineData("FREQ=WEEKLY;BYYEARDAY=1", "BYYEARDAY")]
    [InlineData("FREQ=MONTHLY;BYYEARDAY=1", "BYYEARDAY")]
    [InlineData("FREQ=MONTHLY;BYWEEKNO=1", "BYWEEKNO")]
    [InlineData("FREQ=DAILY;BYWEEKNO=1", "BYWEEKNO")]
    [InlineData("FREQ=WEEKLY;BYDAY=1MO", "BYDAY")]
    [InlineData("FREQ=DAILY;BYDAY=-1FR", "BYDAY")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO", "BYDAY")]
    [InlineData("FREQ=DAILY;BYSETPOS=1", "BYSETPOS")]
    [InlineData("FREQ=DAILY;;COUNT=1", "empty part")]
    [InlineData("FREQ", "NAME=VALUE")]
    public void TryParse_InvalidRule_FailsNamingThePart(string text, string expectedInMessage)
    {
        var ok = RecurrenceRule.TryParse(text, out var rule, out var error);

        Assert.False(ok);
        Assert.Null(rule);
        Assert.Contains(expectedInMessage, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_InvalidRule_ThrowsFormatExceptionNamingThePart()
    {
        var exception = Assert.Throws<FormatException>(() => RecurrenceRule.Parse("FREQ=WEEKLY;BYMONTHDAY=3"));

        Assert.StartsWith("BYMONTHDAY:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_Fails()
    {
        Assert.False(RecurrenceRule.TryParse(null, out _, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("rrule:byday=we,mo;freq=weekly;interval=1", "FREQ=WEEKLY;BYDAY=MO,WE")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR,+2TU,SU;BYSETPOS=-1,1,1", "FREQ=MONTHLY;BYDAY=-1FR,SU,2TU;BYSETPOS=-1,1")]
    [InlineData("WKST=SU;UNTIL=20250102T030405Z;FREQ=DAILY;BYHOUR=9,3", "FREQ=DAILY;UNTIL=20250102T030405Z;BYHOUR=3,9;WKST=SU")]
    [InlineData("FREQ=YEARLY;COUNT=5;BYMONTH=12,1;BYWEEKNO=2;BYYEARDAY=-1;WKST=MO", "FREQ=YEARLY;COUNT=5;BYMONTH=1,12;BYWEEKNO=2;BYYEARDAY=-1")]
    [InlineData("FREQ=HOURLY;UNTIL=20250101;BYMINUTE=05;BYSECOND=0", "FREQ=HOURLY;UNTIL=20250101;BYMINUTE=5;BYSECOND=0")]
    public void ToString_AnyRule_IsCanonical(string text, string expected)
    {
        var rule = RecurrenceRule.Parse(text);

        Assert.Equal(expected, rule.ToString());
        Assert.Equal(expected, RecurrenceRule.Parse(rule.ToString()).ToString());
    }
}
