namespace PadoFs.Cli.Inspection;

/// <summary>
/// One level as <c>padofs inspect</c> reports it: its axes as tifffile names them (<c>YXS</c>, <c>CYX</c>, ...) with their
/// sizes; <see cref="StoredBytes"/> is null when any chunk's size is unknown.
/// </summary>
internal sealed record LevelInspection(
    int Level, string Axes, long[] Shape, long Width, long Height, double Downsample, int TileWidth, int TileHeight, int ChunkRows, int ChunkColumns, long? StoredBytes);
