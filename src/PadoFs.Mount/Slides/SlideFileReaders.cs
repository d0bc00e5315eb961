using System.Runtime.CompilerServices;
using PadoFs.Images.Files;

namespace PadoFs.Mount.Slides;

/// <summary>
/// Who may read a slide's file (see <see cref="FileReaders"/>), found without opening the slide and kept once found.
/// While it cannot be found (a missing file, a folder the daemon may not search) the slide is root's with no read
/// bits, so a file that appears later is not shown to users it was never checked for.
/// </summary>
internal sealed class SlideFileReaders(string urlpath)
{
    private static readonly FileReaders s_unknown = new(UserId: 0, GroupId: 0, ReadBits: 0);

    private StrongBox<FileReaders>? _found;

    public FileReaders Current
    {
        get
        {
            if (Volatile.Read(ref _found) is { } found)
            {
                return found.Value;
            }

            if (!LocalUrlpath.TryResolve(urlpath, out var path))
            {
                return s_unknown;
            }

            try
            {
                var readers = FileReaders.Of(path);
                Volatile.Write(ref _found, new StrongBox<FileReaders>(readers));
                return readers;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return s_unknown;
            }
        }
    }
}
