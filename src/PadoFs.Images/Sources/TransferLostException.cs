namespace PadoFs.Images.Sources;

/// <summary>A reply's body that broke off or came short: the request is worth sending again.</summary>
internal sealed class TransferLostException(string message, Exception? inner) : IOException(message, inner);
