namespace CareCompanion.Bot.Hosting;

/// <summary>The loop of a background service: a pass at once, then one every interval until the host stops.</summary>
public static class Periodically
{
    /// <summary>A pass that fails is reported to <paramref name="failed"/>; the next tick tries again.</summary>
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> pass, Action<Exception> failed, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await pass(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                failed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }
}
