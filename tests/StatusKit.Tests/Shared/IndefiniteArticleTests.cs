using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Testing;

namespace StatusKit.Tests.Shared;

/// <summary>The nouns of the stores' conflict messages read as English: "an incident template", "an email subscriber".</summary>
public sealed class IndefiniteArticleTests
{
    [Theory]
    [InlineData("incident template", false, "an incident template")]
    [InlineData("audit entry", true, "An audit entry")]
    [InlineData("email", false, "an email")]
    [InlineData("sms", false, "an sms")]
    [InlineData("component", true, "A component")]
    [InlineData("webhook", false, "a webhook")]
    public void With_puts_the_article_its_first_sound_takes(string noun, bool capital, string expected) =>
        Assert.Equal(expected, IndefiniteArticle.With(noun, capital));

    [Fact]
    public async Task A_taken_id_names_the_resource_with_its_article()
    {
        var store = new InMemoryStatusStore();
        var page = TestData.Page();
        await store.AddPageAsync(page, CancellationToken.None);
        var template = new IncidentTemplate
        {
            Id = Guid.NewGuid(), PageId = page.Id, Name = "Outage", Title = "Outage", Message = "Looking into it.",
            Severity = StatusIncidentSeverity.Major, ComponentIds = [], Version = 1,
            CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        await store.AddIncidentTemplateAsync(template, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<StatusKitConflictException>(() => store.AddIncidentTemplateAsync(template with { Name = "Other" }, CancellationToken.None));

        Assert.StartsWith("An incident template with id", conflict.Message, StringComparison.Ordinal);
    }
}
