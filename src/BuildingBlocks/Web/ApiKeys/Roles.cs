namespace OrderManagement.BuildingBlocks.Web.ApiKeys;

public static class Roles
{
    public const string Storefront = "storefront";
    public const string Operator = "operator";
}
