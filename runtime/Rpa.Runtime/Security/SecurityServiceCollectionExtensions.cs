using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rpa.Engine.Activities.Vault;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Security;

/// <summary>
/// What every runtime process (serve and worker) needs for security: the options, the security store, and Data Protection
/// with its keys in data/keys (default) or in the store (Rpa:Security:DataProtectionKeys = Store, for several machines).
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddRpaSecurityStore(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SecurityStore>();
        services.AddSingleton<CredentialVault>();
        services.AddSingleton<ICredentialVault>(provider => provider.GetRequiredService<CredentialVault>());
        services.AddDataProtection().SetApplicationName("Rpa");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<RuntimeOptions>, IOptions<SecurityOptions>, Func<RunDbContext>, ILoggerFactory>((keys, runtime, security, createContext, logging) =>
                keys.XmlRepository = security.Value.DataProtectionKeys == DataProtectionKeyStore.Store
                    ? new StoreXmlRepository(createContext)
                    : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(runtime.Value.ResolvedDataDirectory, "keys")), logging));
        return services;
    }
}
