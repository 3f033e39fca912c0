namespace StatusKit.AspNetCore;

/// <summary>
/// A request's body is of a <c>Content-Type</c> its route does not take (or it names none): answered 415 Unsupported
/// Media Type with problem details whose detail names the types the route takes (<see cref="BodyContentTypes"/>);
/// nothing was read or changed.
/// </summary>
internal sealed class UnsupportedMediaTypeException(string message) : StatusKitException(message, "Content-Type");
