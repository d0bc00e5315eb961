using PadoFs.Mount.Tree;
using PadoFs.Testing;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>A tree mounted on a fresh temporary folder; unmounted on dispose whatever state the test left it in.</summary>
internal sealed class MountedTree : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public MountedTree(MountTree tree, FuseMountOptions? options = null)
    {
        Folder = Path.Combine(_directory.Path, "mount point");
        Directory.CreateDirectory(Folder);
        try
        {
            Mount = FuseMount.Mount(tree, Folder, options ?? new FuseMountOptions(), Logger);
        }
        catch
        {
            Cleanup();
            throw;
        }
    }

    /// <summary>The folder mounted on, as created.</summary>
    public string Folder { get; }

    public FuseMount Mount { get; }

    public RecordingLogger Logger { get; } = new();

    public string PathOf(string relative) => Path.Join(Mount.MountPoint, relative);

    public void Dispose()
    {
        try
        {
            Mount.Dispose();
        }
        finally
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        ProcMounts.ForceUnmount(Folder);
        _directory.Dispose();
    }
}
