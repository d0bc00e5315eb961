using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using PadoFs.Mount.Tree;

namespace PadoFs.Fuse;

/// <summary>
/// The handles of one mount's open files and folders. The kernel releases what it opened, except on a mount that
/// stops while files are open: those are freed with the mount.
/// </summary>
internal sealed class OpenNodeTable
{
    private readonly ConcurrentDictionary<ulong, byte> _handles = new();

    public int Count => _handles.Count;

    public ulong Open(MountNode node, string path)
    {
        var handle = (ulong)GCHandle<OpenNode>.ToIntPtr(new GCHandle<OpenNode>(new OpenNode(node, path)));
        _handles[handle] = 0;
        return handle;
    }

    public void Close(ulong handle)
    {
        if (_handles.TryRemove(handle, out _))
        {
            GCHandle<OpenNode>.FromIntPtr((nint)handle).Dispose();
        }
    }

    public void CloseAll()
    {
        foreach (var handle in _handles.Keys)
        {
            Close(handle);
        }
    }
}
