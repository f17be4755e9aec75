using Rpa.Activities.Invoicing;
using Rpa.Engine.Tests.Activities.Data;

namespace Rpa.Engine.Tests.Activities.Invoicing;

public sealed class InvoiceNumberSequenceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Numbers_start_at_one_and_follow_each_other_per_series()
    {
        var sequence = new InvoiceNumberSequence(_folder.File("data/numbers.db"));

        sequence.IssueAll("INV-2026", ["A", "B", "C"], Now).Select(n => n.Number).Should().Equal(1, 2, 3);
        sequence.Issue("CRN-2026", "A", Now).Number.Should().Be(1, "each series counts on its own");
        sequence.Issue("INV-2026", "D", Now).Format(6).Should().Be("INV-2026-000004");
    }

    [Fact]
    public void An_order_invoiced_again_gets_its_first_number_and_uses_up_none()
    {
        var sequence = new InvoiceNumberSequence(_folder.File("numbers.db"));
        sequence.IssueAll("INV", ["A", "B"], Now);

        var again = sequence.Issue("INV", "A", Now);

        again.Should().Be(new IssuedNumber("INV", "A", 1, IsNew: false));
        sequence.Next("INV").Should().Be(3);
        sequence.Issue("INV", "C", Now).Number.Should().Be(3);
    }

    [Fact]
    public void The_sequence_survives_a_new_instance_as_after_a_restart()
    {
        var path = _folder.File("numbers.db");
        new InvoiceNumberSequence(path).IssueAll("INV", ["A", "B", "C"], Now);

        var restarted = new InvoiceNumberSequence(path);

        restarted.Next("INV").Should().Be(4);
        restarted.Issue("INV", "B", Now).Should().Be(new IssuedNumber("INV", "B", 2, IsNew: false));
        restarted.Issue("INV", "D", Now).Number.Should().Be(4);
    }

    [Fact]
    public async Task A_thousand_numbers_from_eight_parallel_runs_have_no_duplicates_and_no_gaps()
    {
        var path = _folder.File("numbers.db");
        const int runs = 8;
        const int perRun = 125;

        // Eight runs, each with its own sequence object and connections, like eight runs of a bot on one file;
        // every 25th order each run also invoices an order of the next run (before or after that run does), which
        // must give both the same number and use up only one.
        var issued = await Task.WhenAll(Enumerable.Range(0, runs).Select(run => Task.Run(() =>
        {
            var sequence = new InvoiceNumberSequence(path);
            var numbers = new List<IssuedNumber>();
            for (var i = 0; i < perRun; i++)
            {
                numbers.Add(sequence.Issue("INV-2026", $"run{run}-order{i}", Now));
                if (i % 25 == 0) numbers.Add(sequence.Issue("INV-2026", $"run{(run + 1) % runs}-order{i}", Now));
            }

            return numbers;
        })));

        var all = issued.SelectMany(n => n).ToList();
        var byOrder = all.GroupBy(n => n.OrderId).ToDictionary(g => g.Key, g => g.Select(n => n.Number).Distinct().ToList());
        byOrder.Values.Should().AllSatisfy(numbers => numbers.Should().ContainSingle("an order keeps its one number"));
        var numbersInUse = byOrder.Values.Select(n => n[0]).Order().ToList();
        byOrder.Should().HaveCount(runs * perRun);
        numbersInUse.Should().Equal(Enumerable.Range(1, runs * perRun).Select(n => (long)n), "1,000 orders get 1 to 1,000, each once");
        all.Count(n => n.IsNew).Should().Be(runs * perRun);
        new InvoiceNumberSequence(path).Next("INV-2026").Should().Be((runs * perRun) + 1);
    }

    [Fact]
    public void An_empty_series_is_refused()
    {
        var act = () => new InvoiceNumberSequence(_folder.File("numbers.db")).Issue(" ", "A", Now);

        act.Should().Throw<Rpa.Engine.Activities.ActivityException>().WithMessage("the invoice series is empty; give one such as INV-2026");
    }
}
