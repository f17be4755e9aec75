using Microsoft.Extensions.DependencyInjection;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Validation;

namespace Rpa.Engine.Hosting;

/// <summary>The one entry point: <c>services.AddRpa(rpa => rpa.AddBuiltInActivities().AddBrowserActivities())</c>.</summary>
public static class RpaServiceCollectionExtensions
{
    public static IServiceCollection AddRpa(this IServiceCollection services, Action<RpaBuilder>? configure = null)
    {
        var registry = ActivityRegistry.CreateDefault();
        configure?.Invoke(new RpaBuilder(services, registry));
        services.AddSingleton(registry);
        services.AddSingleton(new BotCompiler(registry));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
