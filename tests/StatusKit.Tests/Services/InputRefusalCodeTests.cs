using StatusKit.Model;
using StatusKit.Status;
using StatusKit.Services;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>
/// The services' refusals of input any client can send wrong, whatever it is about, carry the codes of the request's
/// shape: a list of ids that names one twice or the empty id (<see cref="ValidationCodes.IdsDuplicate"/>,
/// <see cref="ValidationCodes.IdEmpty"/>), a required name or text left empty (<see cref="ValidationCodes.MemberRequired"/>),
/// an enum value that is none of its names (<see cref="ValidationCodes.ValueInvalid"/>), a number outside its range
/// (<see cref="ValidationCodes.ValueOutOfRange"/>), a text too long or holding NUL (<see cref="ValidationCodes.TextTooLong"/>,
/// <see cref="ValidationCodes.TextContainsNul"/>); the field and the English message stay as they were.
/// </summary>
public sealed class InputRefusalCodeTests
{
    [Fact]
    public async Task Subscribe_ToAComponentNamedTwice_NamesTheDuplicateCode()
    {
        await using var kit = Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var api = components[0].Id;

        var refusal = await InvalidAsync(kit, "componentIds", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", ComponentIds = [api, api] }));

        Assert.Equal((ValidationCodes.IdsDuplicate, $"The componentIds lists '{api}' more than once."), (refusal.Code, refusal.Message));
    }

    [Fact]
    public async Task Reorder_WithTheEmptyId_NamesTheEmptyIdCode()
    {
        await using var kit = Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null));

        var refusal = await InvalidAsync(kit, "componentIds", () => kit.Components.ReorderAsync(page.Id, [components[0].Id, Guid.Empty]));

        Assert.Equal((ValidationCodes.IdEmpty, "The componentIds must not contain an empty id."), (refusal.Code, refusal.Message));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task CreatePage_WithoutAName_NamesTheRequiredCode(string? name)
    {
        await using var kit = Kit();

        var refusal = await InvalidAsync(kit, "name", () => kit.Pages.CreateAsync(new CreateStatusPage { Name = name! }));

        Assert.Equal((ValidationCodes.MemberRequired, "The name is required."), (refusal.Code, refusal.Message));
    }

    [Fact]
    public async Task CreatePage_WithoutATimeZone_NamesTheRequiredCode()
    {
        await using var kit = Kit();

        var refusal = await InvalidAsync(kit, "timeZoneId", () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", TimeZoneId = " " }));

        Assert.Equal(ValidationCodes.MemberRequired, refusal.Code);
    }

    [Fact]
    public async Task SetManualStatus_ToAValueNoneOfTheStatuses_NamesTheInvalidValueCode()
    {
        await using var kit = Kit();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", null, null));

        var refusal = await InvalidAsync(kit, "status", () => kit.Components.SetManualStatusAsync(components[0].Id, (ComponentStatus)99));

        Assert.Equal(ValidationCodes.ValueInvalid, refusal.Code);
    }

    [Fact]
    public async Task CreateComponent_WithANameOrDescriptionTooLong_NamesTheTooLongCode()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var name = await InvalidAsync(kit, "name", () => kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = new string('n', 201) }));
        var description = await InvalidAsync(kit, "description", () => kit.Components.CreateAsync(
            new CreateComponent { PageId = page.Id, Name = "API", Description = new string('d', 20_001) }));

        Assert.Equal((ValidationCodes.TextTooLong, "The name must be at most 200 characters (was 201)."), (name.Code, name.Message));
        Assert.Equal(ValidationCodes.TextTooLong, description.Code);
    }

    [Fact]
    public async Task CreateComponent_WithNulInItsName_NamesTheNulCode()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var refusal = await InvalidAsync(kit, "name", () => kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "A\0PI" }));

        Assert.Equal((ValidationCodes.TextContainsNul, "The name must not contain the NUL character (U+0000)."), (refusal.Code, refusal.Message));
    }

    [Fact]
    public async Task CreateComponent_WithADisplayOrderOutOfRange_NamesTheOutOfRangeCode()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var refusal = await InvalidAsync(kit, "displayOrder", () => kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", DisplayOrder = -1 }));

        Assert.Equal(ValidationCodes.ValueOutOfRange, refusal.Code);
    }

    [Theory]
    [InlineData("incidentId", ValidationCodes.TextTooLong)]
    [InlineData("serviceIdentifier", ValidationCodes.TextTooLong)]
    [InlineData("title", ValidationCodes.TextContainsNul)]
    [InlineData("state", ValidationCodes.ValueInvalid)]
    public async Task ReportIncident_WithAFieldItRefuses_NamesItsCode(string field, string code)
    {
        await using var kit = Kit();
        var signal = new IncidentSignal
        {
            IncidentId = "inc-1", TeamId = "payments", Priority = "High", State = PlatformIncidentState.Triggered, Version = 1, OccurredAt = kit.Clock.GetUtcNow(),
        };
        signal = field switch
        {
            "incidentId" => signal with { IncidentId = new string('i', 201) },
            "serviceIdentifier" => signal with { ServiceIdentifier = new string('s', 201) },
            "title" => signal with { Title = "Down\0" },
            _ => signal with { State = (PlatformIncidentState)99 },
        };

        var refusal = await InvalidAsync(kit, field, () => kit.Intake.ReportIncidentAsync(signal, CancellationToken.None));

        Assert.Equal(code, refusal.Code);
    }

    [Theory]
    [InlineData("language", ValidationCodes.ValueInvalid)]
    [InlineData("timeZoneId", ValidationCodes.ValueInvalid)]
    [InlineData("homepageUrl", ValidationCodes.TextTooLong)]
    public async Task CreatePage_WithAValueTheFieldDoesNotTake_NamesItsCode(string field, string code)
    {
        await using var kit = Kit();
        var request = field switch
        {
            "language" => new CreateStatusPage { Name = "Acme", Language = "tlh" },
            "timeZoneId" => new CreateStatusPage { Name = "Acme", TimeZoneId = "Mars/Olympus_Mons" },
            _ => new CreateStatusPage { Name = "Acme", HomepageUrl = "https://example.com/" + new string('p', 2_100) },
        };

        var refusal = await InvalidAsync(kit, field, () => kit.Pages.CreateAsync(request));

        Assert.Equal(code, refusal.Code);
    }
}
