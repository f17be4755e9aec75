using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Rpa.Activities.Payroll;

/// <summary>
/// Writes a SEPA credit transfer initiation (ISO 20022 pain.001.001.03): a group header with the message id, creation time, number of
/// transactions and control sum; one payment information block with the payer as debtor; one transfer per payment, with purpose SALA.
/// </summary>
public static class SepaCreditTransfer
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    /// <summary>The characters SEPA guarantees in identifiers (ids, references).</summary>
    private const string IdCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-?:().,'+ ";

    public static XDocument Create(
        IReadOnlyList<Payment> payments, Payer payer, string currency, string messageId, DateTimeOffset created, DateOnly executionDate, string remittance)
    {
        if (currency != "EUR") throw new ArgumentException($"SEPA credit transfers are in EUR; the rules' currency is {currency}: write the csv format instead");
        XNamespace ns = Namespace;
        var total = payments.Sum(p => p.Amount);
        var count = payments.Count.ToString(CultureInfo.InvariantCulture);
        var id = Id(messageId);

        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(ns + "Document",
                new XElement(ns + "CstmrCdtTrfInitn",
                    new XElement(ns + "GrpHdr",
                        new XElement(ns + "MsgId", id),
                        new XElement(ns + "CreDtTm", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
                        new XElement(ns + "NbOfTxs", count),
                        new XElement(ns + "CtrlSum", Amount(total)),
                        new XElement(ns + "InitgPty", new XElement(ns + "Nm", Name(payer.Name)))),
                    new XElement(ns + "PmtInf",
                        new XElement(ns + "PmtInfId", Id(id + "-1")),
                        new XElement(ns + "PmtMtd", "TRF"),
                        new XElement(ns + "BtchBookg", "true"),
                        new XElement(ns + "NbOfTxs", count),
                        new XElement(ns + "CtrlSum", Amount(total)),
                        new XElement(ns + "PmtTpInf",
                            new XElement(ns + "SvcLvl", new XElement(ns + "Cd", "SEPA")),
                            new XElement(ns + "CtgyPurp", new XElement(ns + "Cd", "SALA"))),
                        new XElement(ns + "ReqdExctnDt", executionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        new XElement(ns + "Dbtr", new XElement(ns + "Nm", Name(payer.Name))),
                        new XElement(ns + "DbtrAcct", new XElement(ns + "Id", new XElement(ns + "IBAN", payer.Iban))),
                        new XElement(ns + "DbtrAgt", new XElement(ns + "FinInstnId",
                            payer.Bic is null ? new XElement(ns + "Othr", new XElement(ns + "Id", "NOTPROVIDED")) : new XElement(ns + "BIC", payer.Bic))),
                        new XElement(ns + "ChrgBr", "SLEV"),
                        payments.Select(p => new XElement(ns + "CdtTrfTxInf",
                            new XElement(ns + "PmtId", new XElement(ns + "EndToEndId", Id($"{id}-{p.EmployeeId}"))),
                            new XElement(ns + "Amt", new XElement(ns + "InstdAmt", new XAttribute("Ccy", currency), Amount(p.Amount))),
                            new XElement(ns + "Cdtr", new XElement(ns + "Nm", Name(p.Name))),
                            new XElement(ns + "CdtrAcct", new XElement(ns + "Id", new XElement(ns + "IBAN", p.Iban))),
                            new XElement(ns + "Purp", new XElement(ns + "Cd", "SALA")),
                            new XElement(ns + "RmtInf", new XElement(ns + "Ustrd", Text(remittance, 140)))))))));
    }

    public static void Write(XDocument document, Stream stream)
    {
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        document.Save(writer);
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Name(string name) => Text(name, 70);

    private static string Text(string text, int max)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : trimmed[..max];
    }

    /// <summary>An identifier of at most 35 characters from the SEPA character set (others become '-').</summary>
    private static string Id(string text)
    {
        var chars = text.Select(c => IdCharacters.Contains(c, StringComparison.Ordinal) && c != ' ' ? c : '-').ToArray();
        var id = new string(chars);
        return id.Length <= 35 ? id : id[..35];
    }
}
