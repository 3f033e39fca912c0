using StatusKit.Notifications.Discord;
using StatusKit.Notifications.Email;
using StatusKit.Notifications.Http;
using StatusKit.Notifications.Slack;
using StatusKit.Notifications.Teams;
using StatusKit.Notifications.Webhooks;

namespace StatusKit.Tests.Notifications;

public sealed class NotifierOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid_WhereNothingIsRequired()
    {
        Assert.True(new WebhookNotifierOptionsValidator().Validate(null, new WebhookNotifierOptions()).Succeeded);
        Assert.True(new SlackNotifierOptionsValidator().Validate(null, new SlackNotifierOptions()).Succeeded);
        Assert.True(new TeamsNotifierOptionsValidator().Validate(null, new TeamsNotifierOptions()).Succeeded);
        Assert.True(new DiscordNotifierOptionsValidator().Validate(null, new DiscordNotifierOptions()).Succeeded);
        Assert.True(new WebhookAddressGuardOptionsValidator().Validate(null, new WebhookAddressGuardOptions()).Succeeded);
        Assert.True(new SmtpEmailSenderOptionsValidator().Validate(null, new SmtpEmailSenderOptions()).Succeeded);
        Assert.False(new EmailNotifierOptionsValidator().Validate(null, new EmailNotifierOptions()).Succeeded);
        Assert.False(new PickupDirectoryEmailSenderOptionsValidator().Validate(null, new PickupDirectoryEmailSenderOptions()).Succeeded);
    }

    [Fact]
    public void Webhook_ReportsEveryFailureAtOnce_WithFieldAndValue()
    {
        var result = new WebhookNotifierOptionsValidator().Validate(null, new WebhookNotifierOptions { Timeout = TimeSpan.Zero, UserAgent = "bad agent (" });

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Timeout", StringComparison.Ordinal) && f.Contains("00:00:00", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("UserAgent", StringComparison.Ordinal) && f.Contains("'bad agent ('", StringComparison.Ordinal));
    }

    [Fact]
    public void Slack_ReportsEveryFailureAtOnce()
    {
        var result = new SlackNotifierOptionsValidator().Validate(null, new SlackNotifierOptions { Timeout = TimeSpan.FromHours(1), UserAgent = "", LinkText = " " });

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void Teams_ReportsEveryFailureAtOnce_WithFieldAndValue()
    {
        var result = new TeamsNotifierOptionsValidator().Validate(null, new TeamsNotifierOptions { Timeout = TimeSpan.FromHours(1), UserAgent = "bad agent (", LinkText = " " });

        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Timeout", StringComparison.Ordinal) && f.Contains("01:00:00", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("UserAgent", StringComparison.Ordinal) && f.Contains("'bad agent ('", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("LinkText", StringComparison.Ordinal));
    }

    [Fact]
    public void Discord_ReportsEveryFailureAtOnce_WithFieldAndValue()
    {
        var result = new DiscordNotifierOptionsValidator().Validate(null, new DiscordNotifierOptions { Timeout = TimeSpan.Zero, UserAgent = "bad agent (", LinkText = "" });

        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Timeout", StringComparison.Ordinal) && f.Contains("00:00:00", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("UserAgent", StringComparison.Ordinal) && f.Contains("'bad agent ('", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("LinkText", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "https://cdn.example/a.png", "Username")]
    [InlineData("Discord status", "https://cdn.example/a.png", "Username")]
    [InlineData("Clyde", "https://cdn.example/a.png", "Username")]
    [InlineData("Acme Status", "http://cdn.example/a.png", "AvatarUrl")]
    public void Discord_RefusesAnAuthorDiscordWouldRefuse_NamingTheOption(string username, string avatar, string option)
    {
        var result = new DiscordNotifierOptionsValidator().Validate(null, new DiscordNotifierOptions { Username = username, AvatarUrl = new Uri(avatar) });

        Assert.Contains(option, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Discord_RefusesAUsernameOverEightyCharacters()
    {
        var result = new DiscordNotifierOptionsValidator().Validate(null, new DiscordNotifierOptions { Username = new string('a', 81) });

        Assert.Contains("Username", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Guard_ReportsEveryFailureAtOnce()
    {
        var result = new WebhookAddressGuardOptionsValidator().Validate(null, new WebhookAddressGuardOptions { ConnectTimeout = TimeSpan.FromSeconds(-1), PooledConnectionLifetime = TimeSpan.Zero });

        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void Smtp_ReportsEveryFailureAtOnce_ButNeverThePassword()
    {
        var result = new SmtpEmailSenderOptionsValidator().Validate(null, new SmtpEmailSenderOptions { Host = "", Port = 70000, Timeout = TimeSpan.Zero, Password = "hunter2" });

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Port", StringComparison.Ordinal) && f.Contains("70000", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Email_NamesTheFromField_AndItsValue()
    {
        var result = new EmailNotifierOptionsValidator().Validate(null, new EmailNotifierOptions { From = "nope" });

        Assert.Contains("From", Assert.Single(result.Failures!), StringComparison.Ordinal);
        Assert.Contains("'nope'", Assert.Single(result.Failures!), StringComparison.Ordinal);
        Assert.True(new EmailNotifierOptionsValidator().Validate(null, new EmailNotifierOptions { From = "Acme <status@acme.test>" }).Succeeded);
    }
}
