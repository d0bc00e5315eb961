namespace PadoFs.Images;

/// <summary>Which backend loads the image, and from where (pado's <c>PadoInfo</c>).</summary>
public sealed record PadoInfo(string Urlpath, string PadoImageBackend, string PadoImageBackendVersion);
