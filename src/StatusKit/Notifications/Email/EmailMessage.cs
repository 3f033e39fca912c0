namespace StatusKit.Notifications.Email;

/// <summary>One email to one recipient, with a plain-text body and an optional HTML alternative.</summary>
public sealed record EmailMessage
{
    /// <summary>The sender, as an address or <c>Display Name &lt;address&gt;</c>.</summary>
    public required string From { get; init; }

    /// <summary>The recipient's address.</summary>
    public required string To { get; init; }

    /// <summary>The subject, one line.</summary>
    public required string Subject { get; init; }

    /// <summary>The plain-text body.</summary>
    public required string TextBody { get; init; }

    /// <summary>The HTML body, sent as the preferred alternative of a multipart/alternative message; null for text only.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>Extra headers (for example <c>List-Unsubscribe</c>). Default: none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
