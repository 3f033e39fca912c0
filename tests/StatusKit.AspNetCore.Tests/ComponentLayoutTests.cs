using StatusKit.AspNetCore.Html;
using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The live page replaces its components section, and the subscribe form's list of components, only when the token of
/// what each lists changed: the form's list names the components with their groups, so only that changes its token.
/// </summary>
public sealed class ComponentLayoutTests
{
    private static readonly ComponentSnapshot Api = new(Guid.NewGuid(), "API", "The public API", null, 0, ComponentStatus.Operational, DateTimeOffset.UnixEpoch);
    private static readonly ComponentSnapshot Web = new(Guid.NewGuid(), "Web", null, "Front", 1, ComponentStatus.Operational, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_subscribe_forms_token_changes_when_a_component_is_added_removed_renamed_regrouped_or_reordered()
    {
        var token = ComponentLayout.OfChoices([Api, Web]);

        Assert.NotEqual(token, ComponentLayout.OfChoices([Api, Web, Web with { Id = Guid.NewGuid(), Name = "Docs" }]));
        Assert.NotEqual(token, ComponentLayout.OfChoices([Api]));
        Assert.NotEqual(token, ComponentLayout.OfChoices([Api with { Name = "Public API" }, Web]));
        Assert.NotEqual(token, ComponentLayout.OfChoices([Api, Web with { GroupName = null }]));
        Assert.NotEqual(token, ComponentLayout.OfChoices([Web, Api]));
    }

    [Fact]
    public void The_subscribe_forms_token_stays_when_only_what_the_form_does_not_show_changed()
    {
        var token = ComponentLayout.OfChoices([Api, Web]);

        Assert.Equal(token, ComponentLayout.OfChoices([Api with { Description = "Changed", Status = ComponentStatus.MajorOutage }, Web with { OnlyShowIfDegraded = true }]));
        Assert.NotEqual(ComponentLayout.Of([Api, Web]), ComponentLayout.Of([Api with { Description = "Changed" }, Web]));
    }
}
