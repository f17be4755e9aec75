using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Security;

/// <summary>Data Protection keys in the store's data_protection_keys table (Rpa:DataProtectionKeys = Store), shared by every machine on the database.</summary>
public sealed class StoreXmlRepository(Func<RunDbContext> createContext) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = createContext();
        return db.DataProtectionKeys.Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = createContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
