namespace StatusKit.Shared;

/// <summary>
/// The sentence that ends the address guard's refusal of a plain-http or private-network destination (webhook, Slack,
/// Teams, Discord), naming the builder call that allows it: for the host's developer, who reads the service's exception
/// in a log or the admin API's 400. A public subscriber cannot change the host's configuration, so the public
/// subscription routes leave the sentence out (<see cref="Without"/>). Compiled into each StatusKit assembly that needs
/// it (shared source, internal), so the core's message and the web layer's cut cannot drift apart.
/// </summary>
internal static class WebhookAddressAdvice
{
    /// <summary>After the refusal of a plain <c>http</c> destination.</summary>
    public const string Http =
        " A host that delivers over plain http allows it with AddStatusPages().ConfigureWebhookAddresses(o => o.AllowHttp = true) (or AllowPrivateNetworks).";

    /// <summary>After the refusal of a host that does not resolve to a public address.</summary>
    public const string PrivateNetworks =
        " A host that delivers to its own network allows it with AddStatusPages().ConfigureWebhookAddresses(o => o.AllowPrivateNetworks = true).";

    /// <summary><paramref name="message"/> without the advice it ends with, if it ends with one.</summary>
    public static string Without(string message) =>
        message.EndsWith(Http, StringComparison.Ordinal) ? message[..^Http.Length]
        : message.EndsWith(PrivateNetworks, StringComparison.Ordinal) ? message[..^PrivateNetworks.Length]
        : message;
}
