using System.Collections.Frozen;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StatusKit.AspNetCore;

/// <summary>
/// An OpenAPI document transformer (registered with <see cref="OpenApiEnumSchemas"/>) that declares the required members
/// of the admin API's request bodies as not nullable. Those members are nullable in C# so that a body leaving one out
/// is told which (<c>member.required</c>, naming it), and the document derives <c>"type": ["null", …]</c> (or a
/// <c>oneOf</c> with <c>null</c>, for an enum) for them, but a null is refused exactly as a missing member is: a client
/// generated from the document would send it. A document transformer, as the <c>oneOf</c> of a nullable reference is
/// made after the schema transformers ran.
/// </summary>
internal static class OpenApiRequiredSchemas
{
    // The request bodies the admin API reads: StatusKit.AspNetCore's records named "…Request".
    private static readonly FrozenSet<string> RequestNames = typeof(OpenApiRequiredSchemas).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal)).Select(t => t.Name).ToFrozenSet(StringComparer.Ordinal);

    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (name, candidate) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (!RequestNames.Contains(name) || candidate is not OpenApiSchema { Required.Count: > 0, Properties: { } properties } schema)
            {
                continue;
            }

            foreach (var required in schema.Required!)
            {
                if (properties.TryGetValue(required, out var member) && member is OpenApiSchema property)
                {
                    NotNull(property);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void NotNull(OpenApiSchema property)
    {
        if (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            property.Type = type & ~JsonSchemaType.Null;
        }

        // A nullable reference (an enum): oneOf [null, $ref] keeps the reference alone.
        if (property.OneOf is { } choices)
        {
            for (var i = choices.Count - 1; i >= 0; i--)
            {
                if (choices[i] is OpenApiSchema { Type: JsonSchemaType.Null })
                {
                    choices.RemoveAt(i);
                }
            }
        }
    }
}
