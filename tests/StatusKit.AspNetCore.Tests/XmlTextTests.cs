using StatusKit.AspNetCore.Feeds;

namespace StatusKit.AspNetCore.Tests;

public sealed class XmlTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("tab\tline\nreturn\r", "tab\tline\nreturn\r")]
    [InlineData("a\vb\u0000c\u001Fd", "abcd")]
    [InlineData("rocket \uD83D\uDE80", "rocket \uD83D\uDE80")]
    [InlineData("not \uFFFE\uFFFF chars", "not  chars")]
    public void Clean_drops_what_XML_1_0_does_not_allow_and_keeps_the_rest(string text, string expected) =>
        Assert.Equal(expected, XmlText.Clean(text));

    [Fact]
    public void Clean_drops_lone_surrogates()
    {
        // Built here: a lone surrogate does not survive as theory data.
        var text = "lone " + '\uD83D' + " high, lone " + '\uDE80' + " low, last " + '\uD83D';
        Assert.Equal("lone  high, lone  low, last ", XmlText.Clean(text));
    }
}
