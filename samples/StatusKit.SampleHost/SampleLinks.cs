namespace StatusKit.SampleHost;

/// <summary>
/// Where the links in the sample's notifications point (confirm, unsubscribe, the page): <c>Sample:PublicBaseAddress</c>,
/// else the first address the host listens on + <c>/status</c>; and the key the unsubscribe links are signed with:
/// <c>Sample:LinkSigningKey</c>, else one generated at the first start and kept in the data directory.
/// </summary>
public sealed class SampleLinks
{
    private const string KeyFileName = "link-signing-key.txt";

    private SampleLinks(Uri hostAddress, Uri publicBaseAddress, string signingKey)
    {
        HostAddress = hostAddress;
        PublicBaseAddress = publicBaseAddress;
        SigningKey = signingKey;
    }

    /// <summary>
    /// The first address the host is configured to listen on (<c>urls</c>, e.g. <c>--urls</c>; a wildcard host becomes
    /// <c>localhost</c>): known before the server starts, so the seeding and the start-up message can use it.
    /// </summary>
    public Uri HostAddress { get; }

    public Uri PublicBaseAddress { get; }

    public string SigningKey { get; }

    public static SampleLinks Load(IConfiguration configuration, string dataDirectory)
    {
        var host = HostAddressOf(configuration);
        var publicBase = configuration["Sample:PublicBaseAddress"] is { Length: > 0 } configured
            ? new Uri(configured)
            : new Uri(host, "status");
        return new SampleLinks(host, publicBase, SigningKeyOf(configuration, dataDirectory));
    }

    private static Uri HostAddressOf(IConfiguration configuration)
    {
        var first = (configuration["urls"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        // A wildcard binding ("http://*:5080", "http://+:5080") is not an address a reader can open.
        var address = new UriBuilder(first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal));
        address.Path = address.Path.TrimEnd('/') + "/";
        return address.Uri;
    }

    private static string SigningKeyOf(IConfiguration configuration, string dataDirectory)
    {
        if (configuration["Sample:LinkSigningKey"] is { Length: > 0 } configured)
        {
            return configured;
        }

        return SampleSecret.ReadOrCreate(dataDirectory, KeyFileName, Convert.ToBase64String, 32).Value;
    }
}
