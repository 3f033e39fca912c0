using System.Text.Json;

namespace StatusKit.AspNetCore.Tests;

public sealed class JsonShapeTests
{
    [Fact]
    public void Reports_missing_and_unexpected_keys_and_kind_changes()
    {
        using var expected = JsonDocument.Parse("""{"page":{"id":"a","name":"b"},"list":[{"n":1}]}""");
        using var actual = JsonDocument.Parse("""{"page":{"id":"a","extra":true},"list":[{"n":"1"}]}""");
        var differences = JsonShape.Differences(expected.RootElement, actual.RootElement);
        Assert.Contains("$.page: missing 'name'", differences);
        Assert.Contains("$.page: unexpected 'extra'", differences);
        Assert.Contains("$.list[0].n: expected Number, got String", differences);
    }
}
