using Microsoft.Extensions.DependencyInjection;
using Rpa.Engine.Descriptors;

namespace Rpa.Engine.Hosting;

/// <summary>Collects what a runtime can do: its activities and the services they need. Each part adds itself with an extension method.</summary>
public sealed class RpaBuilder(IServiceCollection services, ActivityRegistry registry)
{
    public IServiceCollection Services { get; } = services;

    public ActivityRegistry Registry { get; } = registry;
}
