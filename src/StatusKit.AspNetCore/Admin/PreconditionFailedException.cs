namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// A write's <c>If-Match</c> precondition did not hold (RFC 9110 §13.1.1): the header is malformed, the record is gone,
/// or it is no longer at a listed version. Answered 412 Precondition Failed; nothing was changed.
/// </summary>
internal sealed class PreconditionFailedException(string message) : StatusKitException(message, IfMatch.HeaderName);
