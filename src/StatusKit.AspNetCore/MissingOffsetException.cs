using System.Text.Json;

namespace StatusKit.AspNetCore;

/// <summary>An instant in a JSON body without its UTC offset (see <see cref="ExplicitOffsetConverter"/>).</summary>
internal sealed class MissingOffsetException() : JsonException("The time has no UTC offset.");
