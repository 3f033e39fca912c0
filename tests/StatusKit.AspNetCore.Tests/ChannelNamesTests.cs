using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The channel names of the public routes, their JSON and the page's form.</summary>
public sealed class ChannelNamesTests
{
    [Fact]
    public void Every_channel_has_a_name_that_parses_back_to_it_in_any_case()
    {
        foreach (var channel in Enum.GetValues<SubscriberChannel>())
        {
            var name = ChannelNames.Of(channel);

            Assert.Equal(channel, ChannelNames.Parse(name));
            Assert.Equal(channel, ChannelNames.Parse($" {name.ToUpperInvariant()} "));
        }

        Assert.Equal(["email", "slack", "webhook", "teams", "discord", "sms"], Enum.GetValues<SubscriberChannel>().Select(ChannelNames.Of));
    }

    [Fact]
    public void An_unknown_name_is_refused_naming_the_channel_field_and_the_names_it_takes()
    {
        var refused = Assert.Throws<StatusKitValidationException>(() => ChannelNames.Parse("fax"));

        Assert.Equal("channel", refused.Field);
        Assert.Contains("'teams'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'discord'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'sms'", refused.Message, StringComparison.Ordinal);
    }
}
