using Rpa.Engine.Execution;

namespace Rpa.Engine.Tests.Execution;

public sealed class SecretMaskerTests
{
    [Fact]
    public void Find_all_gives_every_occurrence_of_every_secret_including_overlapping_ones()
    {
        var masker = new SecretMasker();
        masker.Add("abcab");
        masker.Add("ZEBRA");

        masker.FindAll("xabcabcab ZEBRA").Should().BeEquivalentTo(new[] { (1, 5), (4, 5), (10, 5) });
    }

    [Fact]
    public void Find_all_finds_nothing_without_secrets_or_in_text_without_them()
    {
        new SecretMasker().FindAll("ZEBRA").Should().BeEmpty();
        var masker = new SecretMasker();
        masker.Add("ZEBRA");
        masker.FindAll("zebra ZEBR A").Should().BeEmpty();
    }
}
