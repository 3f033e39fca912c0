using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StatusKit.Status;

namespace StatusKit.AspNetCore;

/// <summary>
/// An OpenAPI schema transformer (registered with <see cref="OpenApiEnumSchemas"/>) that declares StatusKit's
/// wall-clock times, a maintenance window's <c>excludedOccurrences</c>, as what the API reads and writes: a date and
/// time without an offset or <c>Z</c>, on the window's clock. The document derives <c>format: date-time</c> for a
/// <see cref="DateTime"/>, which requires an offset: a client generated from it would send what the API refuses and
/// refuse what it answers. Only members declared by StatusKit's types change.
/// </summary>
internal static class OpenApiWallClockSchemas
{
    /// <summary>What the admin API takes: whole seconds or fractions, without an offset.</summary>
    public const string Pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?$";

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not { } property
            || (property.DeclaringType.Assembly != typeof(ComponentStatus).Assembly && property.DeclaringType.Assembly != typeof(OpenApiWallClockSchemas).Assembly))
        {
            return Task.CompletedTask;
        }

        // The items of a list are transformed with the list's member as their context, and the list itself too.
        if (IsWallClock(context.JsonTypeInfo.Type))
        {
            Declare(schema);
        }
        else if (ElementOf(property) is { } element && IsWallClock(element) && schema.Items is OpenApiSchema items)
        {
            Declare(items);
        }

        return Task.CompletedTask;
    }

    private static bool IsWallClock(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTime);

    private static Type? ElementOf(JsonPropertyInfo property) =>
        property.PropertyType.IsArray ? property.PropertyType.GetElementType()
        : property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments() is [var only] ? only
        : null;

    private static void Declare(OpenApiSchema schema)
    {
        schema.Format = null;
        schema.Pattern = Pattern;
        schema.Description ??= "A wall-clock date and time on the window's clock, without an offset or 'Z' (2026-03-29T02:30:00).";
    }
}
