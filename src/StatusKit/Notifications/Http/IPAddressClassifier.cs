using System.Net;
using System.Net.Sockets;

namespace StatusKit.Notifications.Http;

/// <summary>Tells public unicast addresses from loopback, private, link-local and other restricted ones.</summary>
internal static class IPAddressClassifier
{
    // Endpoints that hand instance or workload credentials to whoever asks from the machine, refused even where private
    // networks are allowed: AWS instance metadata (IPv6) and EKS Pod Identity.
    private static readonly IPAddress[] MetadataV6 = [IPAddress.Parse("fd00:ec2::254"), IPAddress.Parse("fd00:ec2::23")];

    // 169.254.169.254 (AWS, Azure, Google Cloud, Oracle and others) is matched in ClassifyV4; these are the others: AWS
    // ECS task credentials, AWS EKS Pod Identity, Alibaba Cloud metadata, Azure WireServer (a public address).
    private static readonly IPAddress[] MetadataV4 =
    [
        IPAddress.Parse("169.254.170.2"), IPAddress.Parse("169.254.170.23"), IPAddress.Parse("100.100.100.200"), IPAddress.Parse("168.63.129.16"),
    ];

    /// <summary>
    /// Classifies <paramref name="address"/>. IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64
    /// (64:ff9b::a.b.c.d) IPv6 forms are judged by the IPv4 address they carry.
    /// </summary>
    public static RestrictedAddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ClassifyV4(address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return RestrictedAddressKind.Reserved;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return ClassifyV4(address.MapToIPv4());
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);

        if (IPAddress.IPv6None.Equals(address) || IPAddress.IPv6Any.Equals(address))
        {
            return RestrictedAddressKind.Unspecified;
        }

        if (IPAddress.IPv6Loopback.Equals(address))
        {
            return RestrictedAddressKind.Loopback;
        }

        // ::a.b.c.d (deprecated IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64 well-known prefix) reach an IPv4 host.
        if (b[..12].IndexOfAnyExcept((byte)0) < 0 || IsNat64(b))
        {
            var embedded = ClassifyV4(new IPAddress(b[12..]));
            return embedded == RestrictedAddressKind.None && !IsNat64(b) ? RestrictedAddressKind.Reserved : embedded;
        }

        if (b[0] == 0xff)
        {
            return RestrictedAddressKind.Multicast;
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        {
            return RestrictedAddressKind.LinkLocal;
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
        {
            return RestrictedAddressKind.Reserved; // fec0::/10, deprecated site-local
        }

        if ((b[0] & 0xfe) == 0xfc)
        {
            return IsMetadataV6(b) ? RestrictedAddressKind.CloudMetadata : RestrictedAddressKind.UniqueLocal;
        }

        return RestrictedAddressKind.None;
    }

    // By bytes, so a zone index (fd00:ec2::254%2) does not make a different address.
    private static bool IsMetadataV6(ReadOnlySpan<byte> b)
    {
        foreach (var metadata in MetadataV6)
        {
            if (b.SequenceEqual(metadata.GetAddressBytes()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNat64(ReadOnlySpan<byte> b) =>
        b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].IndexOfAnyExcept((byte)0) < 0;

    private static RestrictedAddressKind ClassifyV4(IPAddress address)
    {
        if (MetadataV4.Contains(address))
        {
            return RestrictedAddressKind.CloudMetadata;
        }

        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return b[0] switch
        {
            0 => RestrictedAddressKind.Unspecified,
            10 => RestrictedAddressKind.Private,
            100 when (b[1] & 0xc0) == 64 => RestrictedAddressKind.SharedAddressSpace,
            127 => RestrictedAddressKind.Loopback,
            169 when b[1] == 254 && b[2] == 169 && b[3] == 254 => RestrictedAddressKind.CloudMetadata,
            169 when b[1] == 254 => RestrictedAddressKind.LinkLocal,
            172 when (b[1] & 0xf0) == 16 => RestrictedAddressKind.Private,
            192 when b[1] == 168 => RestrictedAddressKind.Private,
            >= 224 and <= 239 => RestrictedAddressKind.Multicast,
            255 when b[1] == 255 && b[2] == 255 && b[3] == 255 => RestrictedAddressKind.Broadcast,
            >= 240 => RestrictedAddressKind.Reserved,
            _ => RestrictedAddressKind.None,
        };
    }

    /// <summary>Whether hosts that allow private networks may reach addresses of <paramref name="kind"/>.</summary>
    public static bool IsPrivateNetwork(RestrictedAddressKind kind) => kind is
        RestrictedAddressKind.Loopback or RestrictedAddressKind.Private or RestrictedAddressKind.LinkLocal
        or RestrictedAddressKind.SharedAddressSpace or RestrictedAddressKind.UniqueLocal;
}
