using System.Text;
using FsCheck;
using FsCheck.Fluent;
using StatusKit.Shared;

namespace StatusKit.Tests.Shared;

public sealed class CodePointOrderTests
{
    // Characters from every range whose UTF-16 and UTF-8 orders could disagree: ASCII, Latin, CJK, the private-use and
    // specials block (U+E000-U+FFFF) and supplementary characters written as surrogate pairs.
    private static readonly Gen<string> Text =
        Gen.Elements("a", "B", "é", "中", "\uE000", "\uFB01", "\uFFFD", "😀", "𝄞", "\U0010FFFD")
            .ArrayOf()
            .Select(parts => string.Concat(parts));

    [Fact]
    public void Compare_OrdersLikeTheUtf8BytesTheDatabasesCompare()
    {
        PropertyCheck.Verify(Prop.ForAll(Gen.Two(Text).ToArbitrary(), pair =>
        {
            var (left, right) = pair;
            var bytes = Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right));
            return Math.Sign(CodePointOrder.Compare(left, right)) == Math.Sign(bytes);
        }));
    }

    [Fact]
    public void Compare_PutsAPrivateUseCharacterBeforeAnEmoji_WhereOrdinalUtf16DoesNot()
    {
        Assert.True(CodePointOrder.Compare("\uE000", "😀") < 0);
        Assert.True(string.CompareOrdinal("\uE000", "😀") > 0);
        Assert.True(CodePointOrder.Compare("API", "API v2") < 0);
        Assert.Equal(0, CodePointOrder.Compare("Web", "Web"));
    }
}
