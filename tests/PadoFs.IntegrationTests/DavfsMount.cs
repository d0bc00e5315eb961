using System.Diagnostics;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// A davfs2 mount of a WebDAV URL, read only, until disposed. davfs2 mounts as root: through <c>sudo -n</c> when the
/// tests are not root, so a machine without password-less sudo fails here with sudo's reason rather than waiting.
/// </summary>
internal sealed class DavfsMount : IDisposable
{
    // davfs2 1.6.1 answers a FUSE request larger than its message buffer with EINVAL; kernels since 6.x ask for 32 KiB
    // directory reads, past its default buffer, so every listing failed with "Invalid argument". 64 KiB holds them.
    private const string Config = """
        buf_size 64
        use_locks 0
        ask_auth 0
        """;

    private readonly TemporaryDirectory _folder = new();

    private DavfsMount(Uri url)
    {
        MountPoint = Path.Combine(_folder.Path, "dav");
        Directory.CreateDirectory(MountPoint);
        var config = _folder.File("davfs2.conf");
        File.WriteAllText(config, Config);
        var (exitCode, output) = RunAsRoot("mount.davfs", url.ToString(), MountPoint, "-o", $"ro,conf={config}");
        if (exitCode != 0 || !MountTable.IsMounted(MountPoint))
        {
            _folder.Dispose();
            throw new InvalidOperationException($"mount.davfs {url} exited {exitCode}: {output}");
        }
    }

    public string MountPoint { get; }

    public static DavfsMount Mount(Uri url) => new(url);

    public string PathOf(string relative) => Path.Combine(MountPoint, relative);

    public void Dispose()
    {
        // umount.davfs waits for mount.davfs to write back and exit.
        RunAsRoot("umount", MountPoint);
        MountTable.ForceUnmount(MountPoint);
        _folder.Dispose();
    }

    private static (int ExitCode, string Output) RunAsRoot(string tool, params string[] arguments)
    {
        var asRoot = Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(asRoot ? tool : "sudo")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!asRoot)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(tool);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {tool}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{tool} did not finish in 60 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
