namespace OrderManagement.BuildingBlocks.Domain;

// A business rule was broken; the API maps it to a 409 problem response.
public class DomainException(string message, string code = "domain_rule_violated") : Exception(message)
{
    public string Code { get; } = code;
}
