using StatusKit.AspNetCore.Admin;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The RFC 4180 reader of the subscriber import's CSV.</summary>
public sealed class CsvRecordsTests
{
    [Fact]
    public void Parse_PlainFields_SplitsOnCommas_AndNumbersEachRecordByItsLine()
    {
        var records = CsvRecords.Parse("email,components\na@example.com,API\nb@example.com,\n");

        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
        Assert.Equal(["email", "components"], records[0].Fields);
        Assert.Equal(["b@example.com", ""], records[2].Fields);
    }

    [Theory]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\nc,d")]
    [InlineData("a,b\rc,d\r")]
    [InlineData("\uFEFFa,b\r\nc,d")]
    public void Parse_TakesCrLfLfOrCr_AndIgnoresAByteOrderMark(string text)
    {
        var records = CsvRecords.Parse(text);

        Assert.Equal([["a", "b"], ["c", "d"]], records.Select(r => r.Fields));
    }

    [Fact]
    public void Parse_QuotedFields_HoldCommasLineBreaksAndDoubledQuotes_AndLinesCountFromWhereARecordStarts()
    {
        var records = CsvRecords.Parse("email,components\r\n\"a@example.com\",\"API;\r\nWeb, \"\"new\"\"\"\r\nb@example.com,\"\"\r\n");

        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["a@example.com", "API;\r\nWeb, \"new\""], records[1].Fields);
        Assert.Equal(["b@example.com", ""], records[2].Fields);
    }

    [Fact]
    public void Parse_SkipsEmptyLines_ButKeepsTheirNumbersForTheLinesAfter()
    {
        var records = CsvRecords.Parse("email\n\n  \na@example.com\n\r\n");

        Assert.Equal([(1, "email"), (3, "  "), (4, "a@example.com")], records.Select(r => (r.Line, r.Fields[0])));
    }

    [Fact]
    public void Parse_AQuoteInsideAnUnquotedField_IsTakenAsItIs()
    {
        Assert.Equal(["say \"hi\"", "x"], CsvRecords.Parse("say \"hi\",x")[0].Fields);
    }

    [Theory]
    [InlineData("email\n\"a@example.com,x\n", "line 2 has no closing quote")]
    [InlineData("email\n\"a@example.com\"x\n", "line 2")]
    public void Parse_MalformedQuoting_IsAValidationErrorNamingBodyAndTheLine(string text, string said)
    {
        var error = Assert.Throws<StatusKitValidationException>(() => CsvRecords.Parse(text));

        Assert.Equal("body", error.Field);
        Assert.Contains(said, error.Message.Replace("starts on line", "line", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Nothing_IsNoRecord()
    {
        Assert.Empty(CsvRecords.Parse(string.Empty));
        Assert.Empty(CsvRecords.Parse("\uFEFF\r\n"));
    }
}
