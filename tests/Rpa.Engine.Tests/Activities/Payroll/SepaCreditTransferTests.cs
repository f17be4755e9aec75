using System.Globalization;
using System.Xml.Linq;
using Rpa.Activities.Payroll;
using Rpa.Engine.Values;
using static Rpa.Engine.Tests.Activities.Payroll.PayrollSamples;

namespace Rpa.Engine.Tests.Activities.Payroll;

public sealed class SepaCreditTransferTests
{
    private static readonly XNamespace Ns = SepaCreditTransfer.Namespace;

    private static Table Register()
    {
        var rules = Rules(contributions: [new Contribution("Pension", 0.093m, null, true)], deductions: [new FixedDeduction("Fee", 25m, false)]);
        var results = new PayrollCalculator(rules).Calculate(
            [Hourly("E1", 20m), Salaried("E2", 3000m), Hourly("E3", 20m) with { Name = "Nobody <&> Works", Iban = "NL91ABNA0417164300" }],
            Days("E1", HoursKind.Regular, 8m, 8m, 7.25m));
        return PayrollRegister.ToTable(results, rules);
    }

    private static XDocument Parse(XDocument document)
    {
        // Written and read back as bytes, as the bank would get it.
        using var stream = new MemoryStream();
        SepaCreditTransfer.Write(document, stream);
        stream.Position = 0;
        return XDocument.Load(stream);
    }

    [Fact]
    public void Group_header_and_payment_info_count_and_sum_the_positive_nets_of_the_register()
    {
        var register = Register();
        var payments = PayrollRegister.Payments(register);
        var document = Parse(SepaCreditTransfer.Create(payments, Rules().Payer, "EUR", "PAYROLL-2026-11", new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero), new DateOnly(2026, 11, 30), "Salary 2026-11"));

        var positive = register.Rows.Select(r => (decimal)r["Net"]!).Where(n => n > 0).ToList();
        positive.Should().HaveCount(2, "E3 worked no hours and has a negative net after the fee");
        var header = document.Root!.Element(Ns + "CstmrCdtTrfInitn")!.Element(Ns + "GrpHdr")!;
        header.Element(Ns + "MsgId")!.Value.Should().Be("PAYROLL-2026-11");
        header.Element(Ns + "CreDtTm")!.Value.Should().Be("2026-11-26T09:30:00");
        header.Element(Ns + "NbOfTxs")!.Value.Should().Be("2");
        decimal.Parse(header.Element(Ns + "CtrlSum")!.Value, CultureInfo.InvariantCulture).Should().Be(positive.Sum());

        var info = document.Root.Element(Ns + "CstmrCdtTrfInitn")!.Element(Ns + "PmtInf")!;
        info.Element(Ns + "NbOfTxs")!.Value.Should().Be("2");
        info.Element(Ns + "CtrlSum")!.Value.Should().Be(header.Element(Ns + "CtrlSum")!.Value);
        info.Element(Ns + "ReqdExctnDt")!.Value.Should().Be("2026-11-30");
        info.Element(Ns + "DbtrAcct")!.Descendants(Ns + "IBAN").Single().Value.Should().Be(PayerIban);
        info.Element(Ns + "DbtrAgt")!.Descendants(Ns + "BIC").Single().Value.Should().Be("BELADEBEXXX");
        info.Elements().Select(e => e.Name.LocalName).Should().Equal(
            "PmtInfId", "PmtMtd", "BtchBookg", "NbOfTxs", "CtrlSum", "PmtTpInf", "ReqdExctnDt", "Dbtr", "DbtrAcct", "DbtrAgt", "ChrgBr", "CdtTrfTxInf", "CdtTrfTxInf");

        var transfers = info.Elements(Ns + "CdtTrfTxInf").ToList();
        transfers.Select(t => t.Element(Ns + "PmtId")!.Element(Ns + "EndToEndId")!.Value).Should().Equal("PAYROLL-2026-11-E1", "PAYROLL-2026-11-E2");
        transfers.Select(t => decimal.Parse(t.Element(Ns + "Amt")!.Element(Ns + "InstdAmt")!.Value, CultureInfo.InvariantCulture)).Should().Equal(positive);
        transfers.Select(t => t.Element(Ns + "Amt")!.Element(Ns + "InstdAmt")!.Attribute("Ccy")!.Value).Should().AllBe("EUR");
        transfers[0].Element(Ns + "RmtInf")!.Element(Ns + "Ustrd")!.Value.Should().Be("Salary 2026-11");
    }

    [Fact]
    public void Amounts_have_two_decimals_and_names_are_escaped()
    {
        var payments = new[] { new Payment("E1", "Smith & <Sons>", "DE89370400440532013000", 1500m) };

        var document = Parse(SepaCreditTransfer.Create(payments, Rules().Payer with { Bic = null }, "EUR", "M1", DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 30), "Salary"));

        document.Descendants(Ns + "InstdAmt").Single().Value.Should().Be("1500.00");
        document.Descendants(Ns + "Cdtr").Single().Value.Should().Be("Smith & <Sons>");
        document.Descendants(Ns + "DbtrAgt").Single().Descendants(Ns + "Id").Single().Value.Should().Be("NOTPROVIDED");
    }

    [Fact]
    public void Refuses_a_currency_other_than_euro()
    {
        var act = () => SepaCreditTransfer.Create([], Rules().Payer, "CHF", "M1", DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 30), "Salary");

        act.Should().Throw<ArgumentException>().WithMessage("SEPA credit transfers are in EUR*");
    }

    [Fact]
    public void The_csv_payment_file_has_one_line_per_payment_with_invariant_amounts()
    {
        var csv = PaymentCsv.Create([new Payment("E1", "Hamilton, Margaret", "BE68539007547034", 2013.3m)], "EUR", new DateOnly(2026, 11, 30), "Salary 2026-11");

        csv.Should().Be("EmployeeId,Name,Iban,Amount,Currency,ExecutionDate,Reference\r\nE1,\"Hamilton, Margaret\",BE68539007547034,2013.30,EUR,2026-11-30,Salary 2026-11\r\n");
    }
}
