using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

public sealed class CronScheduleParseTests
{
    [Theory]
    [InlineData("* * * * *")]
    [InlineData("0 2 * * SUN")]
    [InlineData("0 3 * * MON-FRI")]
    [InlineData("*/5 * * * * *")]
    [InlineData("0 0 L * ?")]
    [InlineData("0 0 L-3 * *")]
    [InlineData("0 0 LW * *")]
    [InlineData("0 0 15W * *")]
    [InlineData("0 0 ? * 5L")]
    [InlineData("0 0 ? * MON#2")]
    [InlineData("0 0 1 JAN-MAR,DEC *")]
    [InlineData("  0\t0 1 1 *  ")]
    [InlineData("0 22-2 * * *")]
    [InlineData("@yearly")]
    [InlineData("@HOURLY")]
    public void TryParse_ValidExpression_Succeeds(string expression)
    {
        var ok = CronSchedule.TryParse(expression, out var schedule, out var error);

        Assert.True(ok, error);
        Assert.NotNull(schedule);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("* * * *", "found 4")]
    [InlineData("* * * * * * *", "more than 6")]
    [InlineData("60 * * * *", "Minutes")]
    [InlineData("* 24 * * *", "Hours")]
    [InlineData("* * 0 * *", "Day of month")]
    [InlineData("* * 32 * *", "Day of month")]
    [InlineData("* * * 13 *", "Month")]
    [InlineData("* * * * 8", "Day of week")]
    [InlineData("60 * * * * *", "Seconds")]
    [InlineData("*/0 * * * *", "Minutes")]
    [InlineData("*/60 * * * *", "Minutes")]
    [InlineData("1- * * * *", "Minutes")]
    [InlineData("-1 * * * *", "Minutes")]
    [InlineData("1, * * * *", "Minutes")]
    [InlineData(",1 * * * *", "Minutes")]
    [InlineData("1,,2 * * * *", "Minutes")]
    [InlineData("L * * * *", "Minutes")]
    [InlineData("* L * * *", "Hours")]
    [InlineData("* * * L *", "Month")]
    [InlineData("* * * * 5W", "Day of week")]
    [InlineData("* * 1#2 * *", "Day of month")]
    [InlineData("* * 15W,20 * *", "Day of month")]
    [InlineData("* * L-31 * *", "Day of month")]
    [InlineData("* * LX * *", "Day of month")]
    [InlineData("* * * * MON#0", "Day of week")]
    [InlineData("* * * * MON#6", "Day of week")]
    [InlineData("* * * * FOO", "Day of week")]
    [InlineData("* * * FOO *", "Month")]
    [InlineData("100 * * * *", "Minutes")]
    [InlineData("@every_day", "macro")]
    [InlineData("@daily extra", "macro")]
    public void TryParse_InvalidExpression_FailsNamingTheField(string expression, string expectedInMessage)
    {
        var ok = CronSchedule.TryParse(expression, out var schedule, out var error);

        Assert.False(ok);
        Assert.Null(schedule);
        Assert.Contains(expectedInMessage, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_InvalidExpression_ThrowsFormatException()
    {
        var exception = Assert.Throws<FormatException>(() => CronSchedule.Parse("* * * * 9"));

        Assert.Contains("Day of week", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_Fails()
    {
        Assert.False(CronSchedule.TryParse(null, out _, out var error));
        Assert.NotNull(error);
    }
}
