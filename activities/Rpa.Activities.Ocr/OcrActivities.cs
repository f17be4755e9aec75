using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Hosting;

namespace Rpa.Activities.Ocr;

/// <summary>
/// Adds the OCR activities (Tesseract through Debian's libtesseract5) and the engine pool. The screen activities
/// also need <c>AddBrowserActivities()</c>.
/// </summary>
public static class OcrActivities
{
    public static RpaBuilder AddOcrActivities(this RpaBuilder rpa, OcrOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rpa);
        options ??= new OcrOptions();
        options.Validate();
        rpa.Registry.AddOcrActivities();
        rpa.Services.TryAddSingleton(options);
        rpa.Services.TryAddSingleton<OcrEnginePool>();
        return rpa;
    }

    public static ActivityRegistry AddOcrActivities(this ActivityRegistry registry) =>
        registry.AddAssembly(typeof(OcrActivities).Assembly);
}
