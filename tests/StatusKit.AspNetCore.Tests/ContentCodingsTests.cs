using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Responses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Which form of a document a reader's <c>Accept-Encoding</c> gets (RFC 9110, section 12.5.3).</summary>
public sealed class ContentCodingsTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("GZIP", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br ; q=0 , gzip ; q=0.5", "gzip")]
    [InlineData("br;q=0.001", "br")]
    [InlineData("br;Q=0", null)]
    [InlineData("*", "br")]
    [InlineData("*;q=0", null)]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("gzip;q=0, *;q=0.1", "br")]
    [InlineData("br;q=0, br;q=1", "br")]
    [InlineData("identity", null)]
    [InlineData("deflate, zstd", null)]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData(",, br ,", "br")]
    [InlineData("br;level=5", "br")]
    [InlineData("br;;q=0", null)]
    public void Accepted_TheHeader_TakesTheCodingItNames(string? header, string? expected)
    {
        var request = new DefaultHttpContext().Request;
        if (header is not null)
        {
            request.Headers.AcceptEncoding = header;
        }

        Assert.Equal(expected, ContentCodings.HeaderValue(ContentCodings.Accepted(request)));
    }

    [Fact]
    public void Accepted_SeveralHeaderLines_ReadsThemAll()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.AcceptEncoding = new(["gzip;q=0.5", "br"]);

        Assert.Equal(ContentCoding.Brotli, ContentCodings.Accepted(request));
    }

    [Theory]
    [InlineData("br;q=2")]
    [InlineData("br;q=high")]
    [InlineData("br;q=-1")]
    [InlineData("br;q")]
    [InlineData("gzip, br;q=0.5;x")]
    public void Accepted_AWeightThatCannotBeRead_SendsTheDocumentAsItIs(string header)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.AcceptEncoding = header;

        Assert.Equal(ContentCoding.Identity, ContentCodings.Accepted(request));
    }
}
