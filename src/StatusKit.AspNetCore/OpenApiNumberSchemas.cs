using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StatusKit.Status;

namespace StatusKit.AspNetCore;

/// <summary>
/// An OpenAPI schema transformer (registered with <see cref="OpenApiEnumSchemas"/>) that declares the numbers of
/// StatusKit's bodies and documents as JSON numbers alone. The host's JSON options (ASP.NET Core's web defaults) read
/// numbers from strings, so the document derives <c>["integer", "string"]</c> with a pattern for every one of them; the
/// admin API reads numbers strictly (<see cref="AdminJson"/>) and every StatusKit answer writes them as numbers, so a
/// client generated from that document would type them wrongly. Only members declared by StatusKit's types change; a
/// host's own keep whatever its options make of them.
/// </summary>
internal static class OpenApiNumberSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
            && type.HasFlag(JsonSchemaType.String)
            && context.JsonPropertyInfo?.DeclaringType.Assembly is { } assembly
            && (assembly == typeof(ComponentStatus).Assembly || assembly == typeof(OpenApiNumberSchemas).Assembly))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
