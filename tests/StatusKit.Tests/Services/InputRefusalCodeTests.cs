using StatusKit.Model;
using StatusKit.Status;
using StatusKit.Services;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>
/// The services' refusals of input any client can send wrong, whatever it is about, carry the codes of the request's
/// shape: a list of ids that names one twice or the empty id (<see cref="ValidationCodes.IdsDuplicate"/>,
/// <see cref="ValidationCodes.IdEmpty"/>), a required name or text left empty (<see cref="ValidationCodes.MemberRequired"/>),
/// an enum value that is none of its names (<see cref="ValidationCodes.ValueInvalid"/>); the field and the English
/// message stay as they were.
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
}
