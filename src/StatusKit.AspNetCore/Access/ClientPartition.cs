using System.Net;
using System.Net.Sockets;

namespace StatusKit.AspNetCore.Access;

/// <summary>
/// Which client a request counts against in per-client limits: an IPv4 client (also when seen as <c>::ffff:a.b.c.d</c>
/// on a dual-stack socket) by its address, an IPv6 client by its /64 prefix, which a single client (one home line, one
/// cloud instance) usually holds in full.
/// </summary>
internal static class ClientPartition
{
    /// <summary>The partition of a client: its IPv4 address, or the /64 prefix of its IPv6 address.</summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
