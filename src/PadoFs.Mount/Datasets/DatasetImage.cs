using PadoFs.Images.Records;

namespace PadoFs.Mount.Datasets;

/// <summary>
/// One image of a pado dataset: where its row is, its ImageId as stored and as read, and its record with the urlpath
/// resolved and <c>image_id</c> set to the folder parts the ImageId gives.
/// </summary>
public sealed record DatasetImage(string StoreFile, int Row, string ImageIdText, PadoImageId ImageId, ImageRecord Record)
{
    /// <summary>How a log line names the row: the file, the row counted from 0 as pandas counts it.</summary>
    public string Label => $"'{StoreFile}' row {Row}";
}
