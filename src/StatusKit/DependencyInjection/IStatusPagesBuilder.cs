namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures StatusKit's services; every verb is an extension method on this interface.</summary>
public interface IStatusPagesBuilder
{
    /// <summary>The service collection StatusKit registers into.</summary>
    IServiceCollection Services { get; }
}
