using Rpa.Engine.Descriptors;
using Rpa.Engine.Hosting;

namespace Rpa.Activities;

/// <summary>Adds the built-in activity library (data, documents, ...) to a registry.</summary>
public static class ActivityLibrary
{
    public static RpaBuilder AddBuiltInActivities(this RpaBuilder rpa)
    {
        rpa.Registry.AddBuiltInActivities();
        return rpa;
    }

    public static ActivityRegistry AddBuiltInActivities(this ActivityRegistry registry) =>
        registry.AddAssembly(typeof(ActivityLibrary).Assembly);
}
