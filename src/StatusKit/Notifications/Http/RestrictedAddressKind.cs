namespace StatusKit.Notifications.Http;

/// <summary>Why an IP address is not a public unicast address.</summary>
internal enum RestrictedAddressKind
{
    /// <summary>A public unicast address.</summary>
    None = 0,

    /// <summary>127/8, ::1.</summary>
    Loopback,

    /// <summary>10/8, 172.16/12, 192.168/16.</summary>
    Private,

    /// <summary>169.254/16, fe80::/10.</summary>
    LinkLocal,

    /// <summary>100.64/10 (carrier-grade NAT).</summary>
    SharedAddressSpace,

    /// <summary>fc00::/7.</summary>
    UniqueLocal,

    /// <summary>224/4, ff00::/8.</summary>
    Multicast,

    /// <summary>0.0.0.0/8, ::.</summary>
    Unspecified,

    /// <summary>255.255.255.255.</summary>
    Broadcast,

    /// <summary>240/4 (reserved for future use), IPv6 site-local and deprecated IPv4-compatible forms.</summary>
    Reserved,

    /// <summary>
    /// Cloud metadata and credential endpoints: 169.254.169.254 and fd00:ec2::254 (instance metadata), 169.254.170.2 (AWS
    /// ECS task credentials), 169.254.170.23 and fd00:ec2::23 (AWS EKS Pod Identity), 100.100.100.200 (Alibaba Cloud),
    /// 168.63.129.16 (Azure WireServer).
    /// </summary>
    CloudMetadata,
}
