using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrderManagement.Host.Console.Pages;

public sealed class OverviewModel : PageModel
{
    public void OnGet()
    {
    }
}
