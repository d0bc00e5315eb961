using PadoFs.Images.Pixels;

namespace PadoFs.Cli.Inspection;

/// <summary>One image of the slide file as <c>padofs inspect</c> lists it: its number, name, folder in the slide's tree and levels.</summary>
internal sealed record SeriesInspection(int Index, string Name, string Folder, PixelFormat PixelFormat, IReadOnlyList<LevelInspection> Levels);
