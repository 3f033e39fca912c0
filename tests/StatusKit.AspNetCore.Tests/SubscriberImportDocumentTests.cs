using System.Text.Json;
using StatusKit.AspNetCore.Admin;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Tests;

/// <summary>How the subscriber import reads its CSV and JSON documents into rows.</summary>
public sealed class SubscriberImportDocumentTests
{
    [Fact]
    public void ReadCsv_MatchesColumnsByNameInAnyCaseAndOrder_AndIgnoresOthers()
    {
        var rows = SubscriberImportDocument.ReadCsv(
            "Created_At,Components,EMAIL,Type\r\n2024-01-01,API|Web,ops@example.com,email\r\n2024-01-02,,b@example.com,\r\n");

        Assert.Equal([2, 3], rows.Select(r => r.Row));
        Assert.Equal(("ops@example.com", "email", "email"), (rows[0].Destination, rows[0].DestinationField, rows[0].Channel));
        Assert.Equal(["API", "Web"], rows[0].Components);
        Assert.Empty(rows[1].Components);
    }

    [Fact]
    public void ReadCsv_TakesTheDestinationColumn_ForOtherChannels_AndComponentsSeparatedBySemicolonsOrBars()
    {
        var rows = SubscriberImportDocument.ReadCsv(
            "channel,email,destination,components\nslack,,https://hooks.slack.com/services/T0/B0/x, API ; Web|Mobile \n,c@example.com,,\n");

        Assert.Equal(("slack", "https://hooks.slack.com/services/T0/B0/x", "destination"), (rows[0].Channel, rows[0].Destination, rows[0].DestinationField));
        Assert.Equal(["API", "Web", "Mobile"], rows[0].Components);
        Assert.Equal(("c@example.com", "email"), (rows[1].Destination, rows[1].DestinationField));
    }

    [Fact]
    public void ReadCsv_IgnoresBlankRows_AndReadsShortRowsAsBlankCells()
    {
        var rows = SubscriberImportDocument.ReadCsv("email,components\n,\n\na@example.com\n");

        var row = Assert.Single(rows);
        Assert.Equal((4, "a@example.com"), (row.Row, row.Destination));
        Assert.Empty(row.Components);
    }

    [Theory]
    [InlineData("name,components\nx,API\n", "email")]
    [InlineData("", "body")]
    [InlineData("email,Email\na@example.com,b@example.com\n", "email")]
    [InlineData("email,type,channel\na@example.com,email,email\n", "channel")]
    public void ReadCsv_AHeaderItCannotUse_IsAValidationErrorNamingTheColumn(string text, string field)
    {
        Assert.Equal(field, Assert.Throws<StatusKitValidationException>(() => SubscriberImportDocument.ReadCsv(text)).Field);
    }

    [Fact]
    public void ReadCsv_MoreThanTenThousandRows_IsRefusedNamingBody()
    {
        var text = "email\n" + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"u{i}@example.com\n"));

        Assert.Equal("body", Assert.Throws<StatusKitValidationException>(() => SubscriberImportDocument.ReadCsv(text)).Field);
        Assert.Equal(10_000, SubscriberImportDocument.ReadCsv("email\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"u{i}@example.com\n"))).Count);
    }

    [Fact]
    public void ReadJson_ReadsEachSubscriber_NumberingRowsFromOne()
    {
        using var document = JsonDocument.Parse("""
            {"subscribers":[
              {"channel":"email","destination":"a@example.com","components":["API"],"notifyOn":["outage","resolved"]},
              {"destination":"b@example.com"}]}
            """);

        var rows = SubscriberImportDocument.ReadJson(document.RootElement);

        Assert.Equal([1, 2], rows.Select(r => r.Row));
        Assert.Equal(("email", "a@example.com", NotificationEvents.Outage | NotificationEvents.Resolved), (rows[0].Channel, rows[0].Destination, rows[0].NotifyOn));
        Assert.Equal(["API"], rows[0].Components);
        Assert.Equal((null, NotificationEvents.All), (rows[1].Channel, rows[1].NotifyOn));
    }

    [Theory]
    [InlineData("""[]""", "body")]
    [InlineData("""{"page":{}}""", "subscribers")]
    [InlineData("""{"subscribers":{}}""", "subscribers")]
    [InlineData("""{"subscribers":["a@example.com"]}""", "subscribers[0]")]
    [InlineData("""{"subscribers":[{"destination":"a@example.com","component":["API"]}]}""", "subscribers[0].component")]
    [InlineData("""{"subscribers":[{"destination":"a@example.com","components":"API"}]}""", "subscribers[0].components")]
    [InlineData("""{"subscribers":[{"destination":"a@example.com","components":[1]}]}""", "subscribers[0].components[0]")]
    [InlineData("""{"subscribers":[{"destination":42}]}""", "subscribers[0].destination")]
    [InlineData("""{"subscribers":[{"destination":"a@example.com"},{"destination":"b@example.com","notifyOn":["never"]}]}""", "subscribers[1].notifyOn")]
    [InlineData("""{"subscribers":[{"destination":"a@example.com","notifyOn":[]}]}""", "subscribers[0].notifyOn")]
    public void ReadJson_ADocumentNotOfItsShape_IsAValidationErrorNamingWhere(string json, string field)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(field, Assert.Throws<StatusKitValidationException>(() => SubscriberImportDocument.ReadJson(document.RootElement)).Field);
    }
}
