using Rpa.Runtime.Security;

namespace Rpa.Runtime.Tests.Security;

public sealed class SecretTokensTests
{
    [Fact]
    public void Tokens_are_random_url_safe_and_keys_carry_the_rpa_prefix()
    {
        var a = SecretTokens.New(SecretTokens.ApiKeyPrefix);
        var b = SecretTokens.New(SecretTokens.ApiKeyPrefix);

        a.Should().StartWith("rpa_").And.HaveLength(4 + 43).And.NotBe(b);
        a[4..].Should().MatchRegex("^[A-Za-z0-9_-]+$");
    }

    [Fact]
    public void The_hash_is_the_lower_case_SHA256_of_the_token()
    {
        SecretTokens.Hash("abc").Should().Be("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Theory]
    [InlineData("webhook-secret", "webhook-secret", true)]
    [InlineData("webhook-secret", "webhook-secreT", false)]
    [InlineData("webhook-secret", "webhook", false)]
    [InlineData("", "", true)]
    public void Webhook_secrets_compare_equal_only_when_identical(string a, string b, bool equal)
    {
        SecretTokens.FixedTimeEquals(a, b).Should().Be(equal);
    }
}
