using StatusKit.TestSupport.Fakes;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StatusKit.Notifications.Http;
using StatusKit.Tests.Notifications.Support;
using static StatusKit.Tests.Notifications.Support.NotificationFixtures;

namespace StatusKit.Tests.Notifications;

public sealed class WebhookAddressGuardTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static WebhookAddressGuard Guard(bool allowPrivate = false, bool allowHttp = false, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null) =>
        new(
            Options.Create(new WebhookAddressGuardOptions { AllowPrivateNetworks = allowPrivate, AllowHttp = allowHttp }),
            NullLogger<WebhookAddressGuard>.Instance,
            resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct)));

    private static Func<string, CancellationToken, Task<IPAddress[]>> Resolver(params string[] addresses) =>
        (_, _) => Task.FromResult(addresses.Select(IPAddress.Parse).ToArray());

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("192.168.255.255")]
    [InlineData("169.254.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("febf:ffff::1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("ff02::1")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("::")]
    [InlineData("255.255.255.255")]
    [InlineData("240.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:172.16.0.1")]
    [InlineData("::ffff:192.168.1.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:169.254.1.1")]
    [InlineData("::ffff:100.64.0.1")]
    [InlineData("::ffff:224.0.0.1")]
    [InlineData("::ffff:0.0.0.0")]
    [InlineData("::ffff:255.255.255.255")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public void RestrictedAddresses_AreRefusedByDefault(string address)
    {
        Assert.False(Guard().IsAllowed(IPAddress.Parse(address)));
        Assert.NotEqual(RestrictedAddressKind.None, IPAddressClassifier.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.215.14")]
    [InlineData("11.0.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.167.255.255")]
    [InlineData("192.169.0.1")]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void PublicAddresses_AreAllowed(string address) =>
        Assert.True(Guard().IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", "Loopback")]
    [InlineData("10.1.2.3", "Private")]
    [InlineData("169.254.1.1", "LinkLocal")]
    [InlineData("100.64.0.1", "SharedAddressSpace")]
    [InlineData("fd00::1", "UniqueLocal")]
    [InlineData("::ffff:127.0.0.1", "Loopback")]
    [InlineData("::ffff:192.168.0.1", "Private")]
    public void AllowPrivateNetworks_LetsPrivateRangesThrough(string address, string kind)
    {
        Assert.Equal(kind, IPAddressClassifier.Classify(IPAddress.Parse(address)).ToString());
        Assert.True(Guard(allowPrivate: true).IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fd00:ec2::254")]
    [InlineData("224.0.0.1")]
    [InlineData("ff02::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("255.255.255.255")]
    [InlineData("240.0.0.1")]
    public void AllowPrivateNetworks_StillRefusesMetadataMulticastAndUnspecified(string address) =>
        Assert.False(Guard(allowPrivate: true).IsAllowed(IPAddress.Parse(address)));

    // Each hands out instance or workload credentials to whoever asks from the machine: not only 169.254.169.254.
    [Theory]
    [InlineData("169.254.170.2")] // AWS ECS task metadata and task-role credentials
    [InlineData("169.254.170.23")] // AWS EKS Pod Identity credentials
    [InlineData("fd00:ec2::23")] // AWS EKS Pod Identity credentials (IPv6)
    [InlineData("fd00:ec2::254%2")]
    [InlineData("100.100.100.200")] // Alibaba Cloud instance metadata
    [InlineData("168.63.129.16")] // Azure WireServer (a public address every Azure VM reaches)
    [InlineData("::ffff:168.63.129.16")]
    public void CloudCredentialEndpoints_AreRefusedEvenWhenPrivateNetworksAreAllowed(string address)
    {
        Assert.Equal(RestrictedAddressKind.CloudMetadata, IPAddressClassifier.Classify(IPAddress.Parse(address)));
        Assert.False(Guard(allowPrivate: true).IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://[::1]/hook", "loopback")]
    [InlineData("https://[::ffff:169.254.169.254]/latest", "metadata")]
    [InlineData("https://10.0.0.8:8443/hook", "private")]
    [InlineData("http://hooks.example.com/x", "https")]
    [InlineData("ftp://hooks.example.com/x", "scheme")]
    [InlineData("https://user:pass@hooks.example.com/x", "user name")]
    public async Task ValidateDestination_RefusesWithTheDestinationField(string url, string reason)
    {
        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => Guard(resolve: Resolver("93.184.215.14")).ValidateDestinationAsync(new Uri(url), CancellationToken.None));

        Assert.Equal("destination", ex.Field);
        Assert.Contains(reason, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ValidateDestination_ResolvesNames_SoLocalhostIsRefused()
    {
        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => Guard().ValidateDestinationAsync(new Uri("https://localhost/hook"), CancellationToken.None));

        Assert.Contains("loopback", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateDestination_RefusesAHostWhenAnyOfItsAddressesIsRestricted()
    {
        var guard = Guard(resolve: Resolver("93.184.215.14", "10.0.0.1"));

        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => guard.ValidateDestinationAsync(new Uri("https://hooks.example.test/x"), CancellationToken.None));

        Assert.Contains("does not resolve to a public address", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AllowPrivateNetworks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateDestination_RefusesPlainHttp_NamingTheBuilderCallThatAllowsIt()
    {
        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => Guard().ValidateDestinationAsync(new Uri("http://hooks.example.test/x"), CancellationToken.None));

        Assert.Equal(ValidationCodes.DestinationHttpsRequired, ex.Code);
        Assert.Contains("AddStatusPages().ConfigureWebhookAddresses(o => o.AllowHttp = true)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AllowPrivateNetworks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateDestination_RefusesAPrivateAddress_NamingTheBuilderCallThatAllowsIt()
    {
        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => Guard(resolve: Resolver("10.0.0.1")).ValidateDestinationAsync(new Uri("https://hooks.example.test/x"), CancellationToken.None));

        Assert.Equal(ValidationCodes.DestinationUnreachableHost, ex.Code);
        Assert.Contains("AddStatusPages().ConfigureWebhookAddresses(o => o.AllowPrivateNetworks = true)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateDestination_RefusesAHostThatDoesNotResolve()
    {
        var guard = Guard(resolve: (_, _) => Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)));

        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => guard.ValidateDestinationAsync(new Uri("https://nowhere.example.test/x"), CancellationToken.None));

        Assert.Equal("destination", ex.Field);
        Assert.Contains("does not resolve", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateDestination_AnswersAHostOnTheInternalNetworkAsOneThatDoesNotResolve_WithoutItsAddress()
    {
        // Anyone may subscribe a webhook: the refusal must not map the host's internal network for them.
        var guard = Guard(resolve: (host, _) => host == "db.corp.example.test"
            ? Task.FromResult(new[] { IPAddress.Parse("10.20.30.40") })
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)));

        var internalHost = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => guard.ValidateDestinationAsync(new Uri("https://db.corp.example.test/x"), CancellationToken.None));
        var unknownHost = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => guard.ValidateDestinationAsync(new Uri("https://nx.corp.example.test/x"), CancellationToken.None));

        Assert.DoesNotContain("10.20.30.40", internalHost.Message, StringComparison.Ordinal);
        Assert.Equal(unknownHost.Message.Replace("nx.corp", "db.corp", StringComparison.Ordinal), internalHost.Message);
    }

    [Fact]
    public async Task ValidateDestination_LogsARefusedAddressAtInformation_AsSomeonesInputRatherThanAHostProblem()
    {
        // A visitor typing a private address into the public form is not something for the host to look at (4101,
        // a Warning, is kept for a delivery to an accepted address that now resolves to a refused one).
        var logs = new ListLoggerProvider();
        var guard = new WebhookAddressGuard(
            Options.Create(new WebhookAddressGuardOptions()), logs.CreateLogger<WebhookAddressGuard>(), Resolver("10.20.30.40"));

        await Assert.ThrowsAsync<StatusKitValidationException>(
            () => guard.ValidateDestinationAsync(new Uri("https://db.corp.example.test/x"), CancellationToken.None));

        var logged = Assert.Single(logs.Entries);
        Assert.Equal((4102, LogLevel.Information), (logged.EventId.Id, logged.Level));
        Assert.Contains("db.corp.example.test", logged.Message, StringComparison.Ordinal);
        Assert.Contains("10.20.30.40", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateDestination_AcceptsPublicHttpsHosts()
    {
        await Guard(resolve: Resolver("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"))
            .ValidateDestinationAsync(new Uri("https://hooks.example.test/x"), CancellationToken.None);
    }

    [Fact]
    public async Task ValidateDestination_AcceptsLoopbackOverHttp_WhenPrivateNetworksAreAllowed()
    {
        await Guard(allowPrivate: true).ValidateDestinationAsync(new Uri("http://127.0.0.1:8080/hook"), CancellationToken.None);
        await Guard(allowPrivate: true).ValidateDestinationAsync(new Uri("http://localhost:8080/hook"), CancellationToken.None);
    }

    [Fact]
    public async Task ValidateDestination_HonoursCancellation()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var guard = Guard(resolve: (_, ct) => Task.FromCanceled<IPAddress[]>(ct));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => guard.ValidateDestinationAsync(new Uri("https://hooks.example.test/x"), cts.Token));
    }

    [Fact]
    public async Task Handler_RefusesToConnectToLoopback_WhenNotAllowed()
    {
        await using var receiver = new TestHttpReceiver();
        using var client = new HttpClient(Guard(allowHttp: true).CreateHandler());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(receiver.Url).WaitAsync(Bound));

        var refusal = Assert.IsType<StatusKitValidationException>(ex.InnerException);
        Assert.Equal("destination", refusal.Field);
        Assert.Equal(0, receiver.ConnectionCount);
    }

    [Fact]
    public async Task Handler_ChecksTheAddressActuallyDialled_SoDnsRebindingIsRefused()
    {
        // The name passed the subscribe-time check once; now it resolves to loopback.
        await using var receiver = new TestHttpReceiver();
        var logs = new ListLoggerProvider();
        await using var services = BuildServices(Clock(), logs, allowPrivateNetworks: false, allowHttp: true, resolve: Resolver("127.0.0.1"));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(StatusKit.Notifications.Webhooks.WebhookNotifier.HttpClientName);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.GetAsync(new Uri($"http://rebound.example.test:{receiver.Port}/")).WaitAsync(Bound));

        Assert.IsType<StatusKitValidationException>(ex.InnerException);
        Assert.Equal(0, receiver.ConnectionCount);
        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == 4101);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("rebound.example.test", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_SkipsRefusedCandidates_AndConnectsOnlyToAnAllowedOne()
    {
        await using var receiver = new TestHttpReceiver();
        var tried = new List<string>();
        using var client = new HttpClient(Guard(allowPrivate: true, resolve: (host, _) =>
        {
            tried.Add(host);
            return Task.FromResult(new[] { IPAddress.Parse("169.254.169.254"), IPAddress.Loopback });
        }).CreateHandler());

        using var response = await client.GetAsync(new Uri($"http://mixed.example.test:{receiver.Port}/")).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["mixed.example.test"], tried);
        Assert.Equal(1, receiver.ConnectionCount);
    }

    [Fact]
    public void Handler_DoesNotFollowRedirectsOrUseProxies()
    {
        using var handler = Guard().CreateHandler();

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy);
        Assert.NotNull(handler.ConnectCallback);
    }
}
