namespace PadoFs.Mount.Slides;

/// <summary>Why a slide of the mount failed, as <c>.padofs/errors.json</c> lists it.</summary>
public sealed record SlideError(string Folder, string Urlpath, string Operation, string Message, DateTimeOffset Time);
