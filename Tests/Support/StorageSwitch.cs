using System.Net;
using System.Net.Sockets;

namespace CareCompanion.Tests.Support;

/// <summary>
/// A TCP pass-through on a loopback port of its own, in front of one Azurite service, that can be switched off: then it
/// refuses connections and cuts the open ones, as when the storage account cannot be reached. Azurite runs in memory,
/// so stopping Azurite itself would lose every table; behind the switch, storage comes back as it was.
/// </summary>
public sealed class StorageSwitch : IAsyncDisposable
{
    private readonly int _target;
    private readonly HashSet<TcpClient> _open = [];
    private TcpListener? _listener;

    private StorageSwitch(int port, int target)
    {
        Port = port;
        _target = target;
    }

    public int Port { get; }

    /// <summary>
    /// Looks at what the bot sends to storage (its HTTP requests, in the clear to Azurite): when it returns true for
    /// one, that request never arrives (the test switches storage off at that instant).
    /// </summary>
    public Func<string, bool>? Tripwire { get; set; }

    public static StorageSwitch Start(int target)
    {
        var gate = new StorageSwitch(ChildProcess.FreePort(), target);
        gate.On();
        return gate;
    }

    public void On()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    public void Off()
    {
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // switched off
            }
            _ = ForwardAsync(incoming);
        }
    }

    private async Task ForwardAsync(TcpClient incoming)
    {
        using var outgoing = new TcpClient();
        try
        {
            await outgoing.ConnectAsync(IPAddress.Loopback, _target);
            lock (_open)
            {
                _open.Add(incoming);
                _open.Add(outgoing);
            }
            var a = incoming.GetStream();
            var b = outgoing.GetStream();
            await Task.WhenAny(ForwardRequestsAsync(a, b), b.CopyToAsync(a));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // cut by Off(), or a side closed
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(incoming);
                _open.Remove(outgoing);
            }
            incoming.Dispose();
        }
    }

    private async Task ForwardRequestsAsync(Stream from, Stream to)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            if (Tripwire is { } tripwire && tripwire(System.Text.Encoding.ASCII.GetString(buffer, 0, read))) return;
            await to.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    public ValueTask DisposeAsync()
    {
        Off();
        return ValueTask.CompletedTask;
    }
}
