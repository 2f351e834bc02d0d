using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console.Pages.Orders;

// Search by any mix of id, customer, status, SKU and time placed; an id that names an order opens it at once.
public sealed class FindOrdersModel(IOrderOperationsQueries orders) : PageModel
{
    private const int PageSize = 25;

    // The search's field names, as its validation and address name them, with the labels the form shows.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["id"] = "Order id", ["orderId"] = "Order id", ["customerId"] = "Customer id", ["status"] = "Status", ["sku"] = "SKU",
        ["placedFrom"] = "Placed from", ["placedTo"] = "Placed before", ["held"] = "Held for review",
    };

    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? CustomerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sku { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    // Only the orders waiting in review (ADR 0018).
    [BindProperty(SupportsGet = true)] public bool Held { get; set; }

    public IReadOnlyList<string> Statuses { get; } = Enum.GetNames<OrderStatus>();

    public List<string> Errors { get; } = [];

    public OrderSearchPage? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var id = Parse(Id, "Order id", s => Guid.TryParse(s, out var g) ? g : (Guid?)null);
        var from = Parse(From, "Placed from", ParseTime);
        var to = Parse(To, "Placed before", ParseTime);
        var status = StatusFilter();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var search = new OrderSearch(id, Blank(CustomerId), status, Blank(Sku), from, to, PageSize, Blank(Cursor), Held);
        try
        {
            Results = await orders.FindOrdersAsync(search, cancellationToken);
        }
        catch (RequestValidationException invalid) when (invalid.Errors.ContainsKey("cursor"))
        {
            return ConsoleRefusalPage.Result(HttpContext, StatusCodes.Status400BadRequest, StallsModel.InvalidCursor(Cursor));
        }
        catch (RequestValidationException invalid)
        {
            Errors.AddRange(FormLabels.Say(invalid.Errors.SelectMany(e => e.Value), Labels));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (id is not null && Results.Items.Count == 1)
        {
            return Redirect($"/ops/orders/{Results.Items[0].Id}");
        }

        return Page();
    }

    public string NextPageUrl(string cursor)
    {
        var query = new QueryBuilder();
        foreach (var (name, value) in new[] { ("customerId", CustomerId), ("status", Status), ("sku", Sku), ("from", From), ("to", To), ("held", Held ? "true" : null), ("cursor", cursor) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name, value);
            }
        }

        return "/ops/orders" + query.ToQueryString();
    }

    private T? Parse<T>(string? text, string field, Func<string, T?> parse)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = parse(text.Trim());
        if (value is null)
        {
            Errors.Add($"{field}: '{text}' is not valid.");
        }

        return value;
    }

    // The status as the API's ?status= filter reads it: a name of OrderStatus, exactly.
    private OrderStatus? StatusFilter()
    {
        if (!EnumFilter<OrderStatus>.TryParse(Blank(Status), out var filter) || filter is null)
        {
            return null;
        }

        if (filter.Value is null)
        {
            Errors.AddRange(FormLabels.Say([EnumFilter<OrderStatus>.MustBeOneOf("status")], Labels));
        }

        return filter.Value;
    }

    private static DateTimeOffset? ParseTime(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
