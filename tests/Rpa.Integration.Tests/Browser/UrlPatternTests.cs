using Rpa.Activities.Browser;

namespace Rpa.Integration.Tests.Browser;

public sealed class UrlPatternTests
{
    [Theory]
    [InlineData("**/crm/customers", "http://127.0.0.1:5090/crm/customers", true)]
    [InlineData("**/crm/customers", "http://127.0.0.1:5090/crm/login", false)]
    [InlineData("**/crm/*", "http://127.0.0.1:5090/crm/customers", true)]
    [InlineData("**/crm/*", "http://127.0.0.1:5090/crm/customers/7", false)]
    [InlineData("**/orders?id=*", "https://shop.test/orders?id=42", true)]
    [InlineData("**/{login,signin}", "https://shop.test/signin", true)]
    [InlineData("**/{login,signin}", "https://shop.test/logout", false)]
    [InlineData("https://shop.test/", "https://shop.test/", true)]
    [InlineData("https://shop.test/", "https://shop.test/home", false)]
    [InlineData("https://shop.test/a.b", "https://shop.test/aXb", false)]
    public void A_glob_matches_as_in_Playwright_and_a_plain_address_only_itself(string pattern, string url, bool matches)
    {
        new UrlPattern(pattern).Matches(url).Should().Be(matches);
    }
}
