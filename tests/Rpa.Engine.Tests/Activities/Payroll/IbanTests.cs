using Rpa.Activities.Payroll;

namespace Rpa.Engine.Tests.Activities.Payroll;

public sealed class IbanTests
{
    [Theory]
    [InlineData("DE89370400440532013000")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("de89 3704 0044 0532 0130 00")]
    [InlineData("GB29NWBK60161331926819")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("NO9386011117947")]
    public void Accepts_valid_ibans_in_print_or_electronic_format(string iban)
    {
        Iban.TryNormalize(iban, out var normalized, out var reason).Should().BeTrue(reason);
        normalized.Should().Be(iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
    }

    [Theory]
    [InlineData("DE88370400440532013000", "the check digits 88 do not match")]
    [InlineData("DE89370400440532013001", "the check digits 89 do not match")]
    [InlineData("DE8937040044053201300", "DE IBANs have 22 characters, this one has 21")]
    [InlineData("8937040044053201300", "it starts with a two-letter country code")]
    [InlineData("DE89-3704-0044", "only letters, digits and spaces are allowed")]
    [InlineData("", "the IBAN is empty")]
    public void Rejects_an_invalid_iban_with_the_reason(string iban, string reason)
    {
        Iban.TryNormalize(iban, out var normalized, out var why).Should().BeFalse();
        normalized.Should().BeNull();
        why.Should().Contain(reason);
    }

    [Fact]
    public void Create_computes_check_digits_that_validate()
    {
        Iban.Create("DE", "370400440532013000").Should().Be("DE89370400440532013000");
        Iban.IsValid(Iban.Create("IT", "X0542811101000000123456")).Should().BeTrue();
    }
}
