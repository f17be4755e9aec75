using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Tests.Dispatch;

/// <summary>A run is never lost between the store and Hangfire: store blips, jobs Hangfire gives up on, other hosts in the process.</summary>
public sealed class DispatchResilienceTests : IDisposable
{
    private readonly string _data = RuntimeFactory.NewDataDirectory();

    [Fact]
    public async Task A_store_blip_when_the_job_starts_the_run_is_retried_and_the_run_runs_once()
    {
        var blips = new StoreBlips();
        await using var factory = new RuntimeFactory(_data, services: s => s.AddSingleton(provider =>
            FlakyStore.Wrap(new EfRunStore(provider.GetRequiredService<Func<RunDbContext>>(), provider.GetRequiredService<TimeProvider>()), blips)));
        using var client = factory.CreateClientAs(RpaRole.Admin);
        await client.SaveAndPublishAsync(TestBots.Greeter("blip"));

        // TryStartRunAsync is the job's alone (the API's reads go through GetRunAsync too); WriteProgressAsync writes the
        // journal while the run goes and, with the last entries, the run's end.
        blips.FailNext(nameof(IRunStore.TryStartRunAsync), 2);
        blips.FailNext(nameof(IRunStore.WriteProgressAsync), 1);
        var id = await client.StartRunAsync("blip", new JsonObject { ["who"] = "Bo", ["times"] = 1 });
        var run = await client.WaitForRunAsync(id);

        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        run["attempts"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task A_queued_run_whose_job_Hangfire_gives_up_on_fails_with_the_reason_and_a_started_one_is_left_alone()
    {
        await using var factory = new RuntimeFactory(_data, RuntimeFactory.SampleBots);
        using var client = factory.CreateClientAs(RpaRole.Admin);
        var store = factory.Services.GetRequiredService<IRunStore>();
        var jobs = factory.Services.GetRequiredService<IBackgroundJobClient>();

        // On a queue no worker takes, so only this test moves the jobs (as a worker does when the last retry failed).
        var queued = RunBotJobTests.NewQueuedRun("hello");
        queued.Queue = "nobody";
        var started = RunBotJobTests.NewQueuedRun("hello");
        started.Queue = "nobody";
        started.Status = RunState.Running;
        started.Worker = "elsewhere:1:beef";
        started.Attempts = 1;
        foreach (var run in new[] { queued, started }) await store.CreateRunAsync(run, CancellationToken.None);

        var storage = factory.Services.GetRequiredService<JobStorage>();
        foreach (var run in new[] { queued, started })
        {
            var job = jobs.EnqueueRun(run.Id, run.Queue);

            // A failed attempt with retries left: Hangfire schedules the job again and the run stays queued.
            jobs.ChangeState(job, new FailedState(new TimeoutException("the store did not answer")), EnqueuedState.StateName).Should().BeFalse();
            storage.GetMonitoringApi().JobDetails(job).History[0].StateName.Should().Be(ScheduledState.StateName);
            (await client.GetRunAsync(run.Id))["status"]!.GetValue<string>().Should().Be(run.Status.ToApiName());

            // The last retry fails too: Hangfire gives up.
            using (var connection = storage.GetConnection()) connection.SetJobParameter(job, "RetryCount", "3");
            jobs.ChangeState(job, new FailedState(new TimeoutException("the store did not answer")), ScheduledState.StateName).Should().BeTrue();
        }

        var failed = await client.GetRunAsync(queued.Id);
        failed["status"]!.GetValue<string>().Should().Be("failed");
        failed["endedAt"].Should().NotBeNull();
        failed["error"]!.ToJsonString().Should().Contain("could not start the run").And.Contain("the store did not answer");
        var untouched = await client.GetRunAsync(started.Id);
        untouched["status"]!.GetValue<string>().Should().Be("running");
    }

    [Fact]
    public async Task A_hosts_worker_runs_jobs_though_another_host_came_and_went_while_it_started()
    {
        // Hangfire's log provider and job activator are process-wide statics that the last host to configure Hangfire
        // owns. Here a second host configures Hangfire and is disposed after the first host configured it but before the
        // first host's Hangfire server is created (on ApplicationStarted); the first host must still run its jobs.
        // First among the hosted services, so it runs before the Hangfire server's, however Hangfire times its server's creation.
        await using var factory = new RuntimeFactory(_data, services: s => s.Insert(0, ServiceDescriptor.Singleton<IHostedService, AnotherHostComesAndGoes>()));
        using var client = factory.CreateClientAs(RpaRole.Admin);
        await client.SaveAndPublishAsync(TestBots.Greeter("alone"));

        var id = await client.StartRunAsync("alone", new JsonObject { ["who"] = "Bo", ["times"] = 1 });
        var run = await client.WaitForRunAsync(id);

        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Should().ContainSingle();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class AnotherHostComesAndGoes : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var data = RuntimeFactory.NewDataDirectory();
            await using (var other = new RuntimeFactory(data))
            {
                using var client = other.CreateClientAs(RpaRole.Admin);
                (await client.GetAsync("/api/runs", cancellationToken)).EnsureSuccessStatusCode();
            }

            Directory.Delete(data, recursive: true);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
