namespace ConnectingCommunities.Cli.Regress;

/// <summary>A problem with the input to <c>cc regress</c>, reported on stderr with exit code 2.</summary>
public sealed class RegressInputException : Exception
{
    public RegressInputException()
    {
    }

    public RegressInputException(string message)
        : base(message)
    {
    }

    public RegressInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
