using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rpa.Activities.Documents;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Hosting;

namespace Rpa.Activities.Browser;

/// <summary>Adds the browser activities (Playwright with Debian's Chromium), the process-wide browser and the HTML-to-PDF printer the documents and invoicing activities use.</summary>
public static class BrowserActivities
{
    public static RpaBuilder AddBrowserActivities(this RpaBuilder rpa, BrowserOptions? options = null)
    {
        rpa.Registry.AddBrowserActivities();
        rpa.Services.TryAddSingleton(options ?? new BrowserOptions());
        rpa.Services.TryAddSingleton<BrowserHost>();
        rpa.Services.TryAddSingleton<ChromiumPdfRenderer>();
        rpa.Services.TryAddSingleton<IHtmlPdfRenderer>(services => services.GetRequiredService<ChromiumPdfRenderer>());
        return rpa;
    }

    public static ActivityRegistry AddBrowserActivities(this ActivityRegistry registry) =>
        registry.AddAssembly(typeof(BrowserActivities).Assembly);
}
