using System.Text;
using StatusKit.Status;
using StatusKit.Upstream;

namespace StatusKit.Tests.Upstream;

public sealed class UpstreamSummaryTests
{
    [Theory]
    [InlineData("operational", ComponentStatus.Operational)]
    [InlineData("degraded_performance", ComponentStatus.DegradedPerformance)]
    [InlineData("partial_outage", ComponentStatus.PartialOutage)]
    [InlineData("major_outage", ComponentStatus.MajorOutage)]
    [InlineData("under_maintenance", ComponentStatus.UnderMaintenance)]
    public void AnUpstreamComponentsStatus_ReadsEveryNameAStatuspageSummaryWrites(string name, ComponentStatus expected)
    {
        var summary = UpstreamSummary.Parse(Encoding.UTF8.GetBytes(FakeUpstream.SummaryJson("none", ("c1", name))));

        Assert.True(summary.TryGetStatus("c1", out var status, out var reason));
        Assert.Equal((expected, (string?)null), (status, reason));
    }

    [Fact]
    public void AnUnknownStatus_IsRefusedWithItsNameQuotedShort_NotWhole()
    {
        var unknown = new string('x', 5_000);
        var summary = UpstreamSummary.Parse(Encoding.UTF8.GetBytes(FakeUpstream.SummaryJson("none", ("c1", unknown))));

        Assert.False(summary.TryGetStatus("c1", out _, out var reason));
        Assert.InRange(reason!.Length, 1, 200);
        Assert.Contains(new string('x', 40), reason, StringComparison.Ordinal);
    }
}
